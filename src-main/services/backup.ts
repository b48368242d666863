/**
 * Encrypted backups (DESIGN §9 `export` / `import`, §10): credentials with their secrets
 * decrypted and re-encrypted under a passphrase (scrypt + AES-256-GCM), registered models and the
 * default slots, in one versioned JSON file. Import merges: a credential already here (same
 * provider, name and key) is skipped, the rest get new ids, models are re-linked and defaults fill
 * only empty slots. The passphrase and the plaintext never touch the disk.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { BackupExportResult, BackupImportResult } from '../../src-preload/contract'
import { AppError } from '../errors'
import { writeFileAtomic } from '../store/atomic-write'
import type { Store } from '../store/schema'
import type { Vault } from '../vault/vault'
import {
  invalid,
  MAX_FILE_BYTES,
  MIN_PASSPHRASE,
  openBackup,
  Payload,
  sealBackup,
} from './backup-envelope'
import { linkModels, payloadOf } from './backup-payload'
import type { CredentialsService } from './credentials'
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

export interface BackupDeps {
  store: Store
  vault: Vault
  /** Import goes through the credentials service: its validation, sealing and primary rule. */
  credentials: Pick<CredentialsService, 'importMany'>
  clock?: () => Date
  newId?: () => string
}

export interface BackupService {
  /** Writes an encrypted backup to an absolute path (refuses to replace a file unless `overwrite`). */
  exportTo(
    file: string,
    passphrase: string,
    options?: { overwrite?: boolean },
  ): Promise<BackupExportResult>
  /** Reads an encrypted backup and merges it into the store. Nothing is written on any failure. */
  importFrom(file: string, passphrase: string): Promise<BackupImportResult>
}

function checkPassphrase(passphrase: string) {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw invalid(
      `The backup passphrase must be at least ${MIN_PASSPHRASE} characters long.`,
      'passphrase_too_short',
    )
  }
}

function checkAbsolute(file: string) {
  if (!path.isAbsolute(file) || file.includes('\u0000')) {
    throw invalid('Give the backup file as an absolute path.', 'path_not_absolute')
  }
}

/** Builds the backup service. */
export function createBackupService(deps: BackupDeps): BackupService {
  const now = () => (deps.clock ?? (() => new Date()))().toISOString()
  const newId = deps.newId ?? randomUUID

  return {
    async exportTo(file, passphrase, options = {}) {
      checkAbsolute(file)
      checkPassphrase(passphrase)
      const exists = await fs.stat(file).then(
        (s) => s,
        () => null,
      )
      if (exists?.isDirectory())
        throw invalid('The backup path is a folder; give a file name.', 'is_directory')
      if (exists && !options.overwrite) {
        throw new AppError('conflict', 'A file already exists at this path.', {
          reason: 'file_exists',
        })
      }
      const dir = await fs.stat(path.dirname(file)).catch(() => null)
      if (!dir?.isDirectory())
        throw invalid('The folder for the backup file does not exist.', 'no_such_folder')
      const { payload, skipped } = await payloadOf(await deps.store.read(), deps.vault)
      const text = await sealBackup(payload, passphrase, now())
      // Never write a file that import would refuse (the original bug: unrestorable backups).
      if (Buffer.byteLength(text) > MAX_FILE_BYTES || !parseUntrusted(Payload, payload).success) {
        throw invalid(
          'This store is too large for one backup file (32 MiB); remove unused credentials first.',
          'too_large',
        )
      }
      try {
        await writeFileAtomic(file, text, 0o600)
      } catch {
        throw new AppError('validation', 'The backup file could not be written there.', {
          reason: 'write_failed',
        })
      }
      return {
        path: file,
        credentials: payload.credentials.length,
        models: payload.models.length,
        defaults: Object.values(payload.defaults.slots).filter(Boolean).length,
        skippedUndecryptable: skipped,
      }
    },

    async importFrom(file, passphrase) {
      checkAbsolute(file)
      let text: string
      try {
        const st = await fs.stat(file)
        if (!st.isFile()) throw new Error('not a file')
        if (st.size > MAX_FILE_BYTES)
          throw invalid('This file is too large to be a Switchboard backup.', 'too_large')
        text = await fs.readFile(file, 'utf8')
      } catch (err) {
        if (err instanceof AppError) throw err
        throw new AppError('not_found', 'The backup file could not be read.', {
          reason: 'unreadable',
        })
      }
      const payload = await openBackup(text, passphrase)
      const r = await deps.credentials.importMany(payload.credentials, (data, ids) =>
        linkModels(data, payload, ids, newId),
      )
      const result: BackupImportResult = {
        credentialsImported: r.added.length,
        credentialsSkipped: r.skipped,
        credentialsRejected: r.rejected,
        ...r.extra,
      }
      return result
    },
  }
}
