/**
 * Encrypted backups (DESIGN §9 `export` / `import`, §10): credentials with their secrets
 * decrypted and re-encrypted under a passphrase (scrypt + AES-256-GCM), registered models and the
 * default slots, in one versioned JSON file. Import merges: a credential already here (same
 * provider, name and key) is skipped, the rest get new ids, models are re-linked and defaults fill
 * only empty slots. The passphrase and the plaintext never touch the disk.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { BackupExportResult, BackupImportResult } from '../../src-preload/contract'
import { ModelType } from '../../src-preload/contract/models-shared'
import { AppError } from '../errors'
import type { ProviderId } from '../providers/catalog-types'
import { writeFileAtomic } from '../store/atomic-write'
import {
  DEFAULT_SLOTS,
  type DefaultSlot,
  type Store,
  type StoreData,
  type StoredCredential,
} from '../store/schema'
import { hasSealedSecrets, lockedError, wrongKeyError, type Vault } from '../vault/vault'
import { keyHintOf } from './credential-view'

export const BACKUP_FORMAT = 'switchboard-backup' as const
export const BACKUP_VERSION = 1
/** scrypt cost of new backups: ~64 MiB, a few hundred ms — a backup file may leave the machine. */
const NEW_KDF = { N: 1 << 16, r: 8, p: 1 }
const MAX_FILE_BYTES = 32 * 1024 * 1024
const MIN_PASSPHRASE = 8

export interface BackupDeps {
  store: Store
  vault: Vault
  isProviderId: (id: string) => id is ProviderId
  clock?: () => Date
  newId?: () => string
  /** Told after an import added credentials. */
  onImported?: (credentialIds: string[]) => void
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

const Kdf = z.object({
  name: z.literal('scrypt'),
  salt: z.string().min(16).max(128),
  N: z
    .number()
    .int()
    .refine((n) => n >= 1 << 14 && n <= 1 << 20 && (n & (n - 1)) === 0),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(4),
})
const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string().max(64),
  kdf: Kdf,
  cipher: z.object({
    name: z.literal('aes-256-gcm'),
    iv: z.string().max(64),
    tag: z.string().max(64),
  }),
  data: z.string().max(MAX_FILE_BYTES),
})
type Envelope = z.infer<typeof Envelope>

const Nullable = (max: number) => z.string().max(max).nullable()
const BackupCredential = z.object({
  id: z.string().min(1).max(128),
  provider: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  baseUrl: Nullable(2048),
  endpoint: Nullable(2048),
  apiVersion: Nullable(64),
  endpoints: z.record(z.string(), z.string().max(2048)).nullable(),
  project: Nullable(200),
  location: Nullable(100),
  credentialsPath: Nullable(4096),
  numCtx: z.number().int().nullable(),
  apiKey: Nullable(8192),
  serviceAccountJson: Nullable(65536),
  allowInsecureHttp: z.boolean(),
  isPrimary: z.boolean(),
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64),
})
const Payload = z.object({
  credentials: z.array(BackupCredential),
  models: z.array(
    z.object({
      id: z.string().min(1).max(128),
      name: z.string().min(1).max(512),
      provider: z.string().max(64),
      type: ModelType,
      credentialId: z.string().max(128),
      createdAt: z.string().max(64),
    }),
  ),
  defaults: z.object({ slots: z.record(z.string(), z.string().nullable()) }),
})
type Payload = z.infer<typeof Payload>

const invalid = (message: string, reason: string) => new AppError('validation', message, { reason })
const WRONG_PASSPHRASE =
  'The backup could not be opened: the passphrase is wrong, or the file was changed or damaged.'

/** The header fields bound into the GCM tag, so a changed header fails like a changed body. */
function headerAad(
  e: Pick<Envelope, 'format' | 'version' | 'createdAt' | 'kdf'> & {
    cipher: { name: string; iv: string }
  },
): Buffer {
  const { kdf, cipher } = e
  return Buffer.from(
    [
      e.format,
      e.version,
      e.createdAt,
      kdf.name,
      kdf.salt,
      kdf.N,
      kdf.r,
      kdf.p,
      cipher.name,
      cipher.iv,
    ].join('|'),
    'utf8',
  )
}

function deriveKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { ...kdf, maxmem: 256 * kdf.N * kdf.r * kdf.p + (1 << 20) },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  )
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

/** Encrypts a payload into the versioned envelope (exported for tests). */
export async function sealBackup(
  payload: Payload,
  passphrase: string,
  createdAt: string,
): Promise<string> {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    kdf: { name: 'scrypt' as const, salt: salt.toString('base64'), ...NEW_KDF },
    cipher: { name: 'aes-256-gcm' as const, iv: iv.toString('base64') },
  }
  const key = await deriveKey(passphrase, salt, NEW_KDF)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(headerAad(head))
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()])
  const envelope: Envelope = {
    ...head,
    cipher: { ...head.cipher, tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

/** Opens an envelope's text; any wrong passphrase, tampering or damage is `validation`. */
export async function openBackup(text: string, passphrase: string): Promise<Payload> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw invalid('This file is not a Switchboard backup.', 'not_a_backup')
  }
  const head = raw as { format?: unknown; version?: unknown } | null
  if (!head || head.format !== BACKUP_FORMAT)
    throw invalid('This file is not a Switchboard backup.', 'not_a_backup')
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new AppError('unsupported', 'This backup was made by a newer version of Switchboard.', {
      version: head.version,
    })
  }
  const parsed = Envelope.safeParse(raw)
  if (!parsed.success || parsed.data.version !== BACKUP_VERSION)
    throw invalid(WRONG_PASSPHRASE, 'cannot_open')
  const e = parsed.data
  let plain: string
  try {
    const key = await deriveKey(passphrase, Buffer.from(e.kdf.salt, 'base64'), e.kdf)
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(e.cipher.iv, 'base64'), {
      authTagLength: 16,
    })
    decipher.setAAD(headerAad(e))
    decipher.setAuthTag(Buffer.from(e.cipher.tag, 'base64'))
    plain = Buffer.concat([
      decipher.update(Buffer.from(e.data, 'base64')),
      decipher.final(),
    ]).toString('utf8')
  } catch {
    throw invalid(WRONG_PASSPHRASE, 'cannot_open')
  }
  const payload = Payload.safeParse(JSON.parse(plain))
  if (!payload.success)
    throw invalid('The backup opened but its content is not valid.', 'invalid_content')
  return payload.data
}

/** The plaintext payload of the current store; undecryptable credentials are left out. */
async function payloadOf(
  data: StoreData,
  vault: Vault,
): Promise<{ payload: Payload; skipped: number }> {
  const opener = hasSealedSecrets(data) ? await vault.opener(data) : null
  if (opener?.state === 'locked') throw lockedError()
  if (opener?.state === 'wrong_key') throw wrongKeyError()
  const credentials: Payload['credentials'] = []
  let skipped = 0
  for (const c of data.credentials) {
    const secrets: Record<string, string | null> = { apiKey: null, serviceAccountJson: null }
    let ok = true
    for (const [field, sealed] of Object.entries(c.secrets ?? {})) {
      if (!sealed) continue
      const r = opener!.open(c.id, field, sealed)
      if (r.ok) secrets[field] = r.value
      else ok = false
    }
    if (!ok) {
      skipped += 1
      continue
    }
    credentials.push({
      id: c.id,
      provider: c.provider,
      name: c.name,
      baseUrl: c.baseUrl,
      endpoint: c.endpoint,
      apiVersion: c.apiVersion,
      endpoints: (c.endpoints as Record<string, string> | null) ?? null,
      project: c.project,
      location: c.location,
      credentialsPath: c.credentialsPath,
      numCtx: c.numCtx,
      apiKey: secrets.apiKey ?? null,
      serviceAccountJson: secrets.serviceAccountJson ?? null,
      allowInsecureHttp: Boolean(c.allowInsecureHttp),
      isPrimary: c.isPrimary,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    })
  }
  const kept = new Set(credentials.map((c) => c.id))
  const models = data.models.filter((m) => kept.has(m.credentialId)).map((m) => ({ ...m }))
  const modelIds = new Set(models.map((m) => m.id))
  const slots = Object.fromEntries(
    DEFAULT_SLOTS.map((s) => {
      const id = data.defaults.slots[s]
      return [s, id && modelIds.has(id) ? id : null]
    }),
  )
  return { payload: { credentials, models, defaults: { slots } }, skipped }
}

/** Builds the backup service. */
export function createBackupService(deps: BackupDeps): BackupService {
  const now = () => (deps.clock ?? (() => new Date()))().toISOString()
  const newId = deps.newId ?? randomUUID

  /** Merges a payload into `data` (inside store.update). */
  const merge = async (data: StoreData, payload: Payload) => {
    const result: BackupImportResult = {
      credentialsImported: 0,
      credentialsSkipped: 0,
      modelsImported: 0,
      modelsSkipped: 0,
      defaultsRestored: [],
    }
    const needsSeal = payload.credentials.some((c) => c.apiKey || c.serviceAccountJson)
    const opener = data.credentials.length ? await deps.vault.opener(data) : null
    const sealer = needsSeal ? await deps.vault.sealer(data) : null
    const credMap = new Map<string, string>()
    const added: string[] = []
    const secretOf = (c: StoredCredential, field: 'apiKey' | 'serviceAccountJson') => {
      const sealed = c.secrets?.[field]
      if (!sealed || !opener) return null
      const r = opener.open(c.id, field, sealed)
      return r.ok ? r.value : undefined // undefined: unknown (cannot compare)
    }
    for (const b of payload.credentials) {
      if (!deps.isProviderId(b.provider)) {
        result.credentialsSkipped += 1
        continue
      }
      const same = data.credentials.find(
        (c) =>
          c.provider === b.provider &&
          c.name === b.name &&
          secretOf(c, 'apiKey') === b.apiKey &&
          secretOf(c, 'serviceAccountJson') === b.serviceAccountJson,
      )
      if (same) {
        credMap.set(b.id, same.id)
        result.credentialsSkipped += 1
        continue
      }
      const id = newId()
      const cred: StoredCredential = {
        id,
        provider: b.provider,
        name: b.name,
        baseUrl: b.baseUrl,
        endpoint: b.endpoint,
        apiVersion: b.apiVersion,
        endpoints: b.endpoints && Object.keys(b.endpoints).length ? b.endpoints : null,
        project: b.project,
        location: b.location,
        credentialsPath: b.credentialsPath,
        numCtx: b.numCtx,
        secrets: {},
        keyHint: b.apiKey ? keyHintOf(b.apiKey) : null,
        allowInsecureHttp: b.allowInsecureHttp,
        isPrimary:
          b.isPrimary && !data.credentials.some((c) => c.provider === b.provider && c.isPrimary),
        createdAt: b.createdAt,
        updatedAt: now(),
      }
      if (b.apiKey) cred.secrets.apiKey = sealer!.seal(id, 'apiKey', b.apiKey)
      if (b.serviceAccountJson)
        cred.secrets.serviceAccountJson = sealer!.seal(
          id,
          'serviceAccountJson',
          b.serviceAccountJson,
        )
      data.credentials.push(cred)
      credMap.set(b.id, id)
      added.push(id)
      result.credentialsImported += 1
    }
    // Every provider keeps exactly one primary: the oldest one when the backup named none.
    for (const provider of new Set(data.credentials.map((c) => c.provider))) {
      const mine = data.credentials.filter((c) => c.provider === provider)
      if (!mine.some((c) => c.isPrimary)) {
        mine.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!.isPrimary = true
      }
    }
    const modelMap = new Map<string, string>()
    for (const m of payload.models) {
      const credentialId = credMap.get(m.credentialId)
      const cred = data.credentials.find((c) => c.id === credentialId)
      if (!cred) {
        result.modelsSkipped += 1
        continue
      }
      const existing = data.models.find(
        (x) =>
          x.credentialId === cred.id &&
          x.type === m.type &&
          x.name.toLowerCase() === m.name.toLowerCase(),
      )
      if (existing) {
        modelMap.set(m.id, existing.id)
        result.modelsSkipped += 1
        continue
      }
      const id = newId()
      data.models.push({
        id,
        name: m.name,
        provider: cred.provider,
        type: m.type,
        credentialId: cred.id,
        createdAt: m.createdAt,
      })
      modelMap.set(m.id, id)
      result.modelsImported += 1
    }
    for (const slot of DEFAULT_SLOTS) {
      const target = modelMap.get(payload.defaults.slots[slot] ?? '')
      if (!target || data.defaults.slots[slot]) continue
      data.defaults.slots[slot] = target
      data.defaults.cleared = data.defaults.cleared.filter((s: DefaultSlot) => s !== slot)
      result.defaultsRestored.push(slot)
    }
    return { result, added }
  }

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
      if (payload.credentials.some((c) => c.apiKey || c.serviceAccountJson))
        await deps.vault.assertAvailable()
      const { result, added } = await deps.store.update((data) => merge(data, payload))
      if (added.length) deps.onImported?.(added)
      return result
    },
  }
}
