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
import { writeFileAtomic } from '../store/atomic-write'
import { DEFAULT_SLOTS, type DefaultSlot, type Store, type StoreData } from '../store/schema'
import { hasSealedSecrets, lockedError, wrongKeyError, type Vault } from '../vault/vault'
import type { CredentialsService } from './credentials'

export const BACKUP_FORMAT = 'switchboard-backup' as const
export const BACKUP_VERSION = 1
/** scrypt cost of new backups: ~64 MiB, a few hundred ms — a backup file may leave the machine. */
const NEW_KDF = { N: 1 << 16, r: 8, p: 1 }
const MAX_FILE_BYTES = 32 * 1024 * 1024
const MIN_PASSPHRASE = 8

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

/**
 * Bounds on the scrypt cost a backup header may ask for, checked BEFORE deriving: a crafted header
 * (N=2^20, r=32, p=4) would otherwise cost ~47 s and 4 GB before the passphrase is even tried.
 * scrypt works through 128·N·r bytes p times over, so 128·N·r·p bounds memory and time alike;
 * 256 MiB is four times what Switchboard writes (NEW_KDF, 64 MiB) and well under a second here.
 */
export const KDF_LIMITS = { minLogN: 14, maxLogN: 20, maxR: 32, maxP: 16, maxBytes: 256 << 20 }

const Kdf = z.object({
  name: z.literal('scrypt'),
  salt: z.string().min(16).max(128),
  N: z
    .number()
    .int()
    .refine(
      (n) => n >= 1 << KDF_LIMITS.minLogN && n <= 1 << KDF_LIMITS.maxLogN && (n & (n - 1)) === 0,
    ),
  r: z.number().int().min(1).max(KDF_LIMITS.maxR),
  p: z.number().int().min(1).max(KDF_LIMITS.maxP),
})

/** scrypt's working set times its passes: the one figure the cap is about. */
export const kdfCost = (k: { N: number; r: number; p: number }) => 128 * k.N * k.r * k.p

/** Refuses a header whose KDF would cost more than the cap (reason `kdf_too_costly`). */
function checkKdfCost(kdf: { N: number; r: number; p: number }) {
  if (kdfCost(kdf) <= KDF_LIMITS.maxBytes) return
  throw invalid(
    `This backup asks for a key derivation costing ${Math.round(kdfCost(kdf) / 2 ** 20)} MiB; ` +
      `Switchboard opens backups up to ${KDF_LIMITS.maxBytes / 2 ** 20} MiB and never writes more. ` +
      'It was not made by Switchboard, or it was changed.',
    'kdf_too_costly',
    { maxMiB: KDF_LIMITS.maxBytes / 2 ** 20 },
  )
}
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

/**
 * A credential as a backup carries it: the stored fields with the secrets in clear. Import does
 * not trust this shape: each entry goes through the credentials service's one validation, and a
 * bad entry is reported on its own (the payload schema only asks for an array of them).
 */
interface BackupCredential {
  id: string
  provider: string
  name: string
  baseUrl: string | null
  endpoint: string | null
  apiVersion: string | null
  endpoints: Record<string, string> | null
  project: string | null
  location: string | null
  credentialsPath: string | null
  numCtx: number | null
  apiKey: string | null
  serviceAccountJson: string | null
  allowInsecureHttp: boolean
  isPrimary: boolean
  createdAt: string
  updatedAt: string
}
const BackupModel = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(512),
  provider: z.string().max(64),
  type: ModelType,
  credentialId: z.string().max(128),
  createdAt: z.string().max(64),
})
const Payload = z.object({
  credentials: z.array(z.unknown()).max(10_000),
  models: z.array(z.unknown()).max(100_000),
  defaults: z.object({ slots: z.record(z.string(), z.string().max(128).nullable()) }),
})
type Payload = z.infer<typeof Payload>
/** What export writes (the typed view of the same payload). */
type ExportPayload = Omit<Payload, 'credentials' | 'models'> & {
  credentials: BackupCredential[]
  models: z.infer<typeof BackupModel>[]
}

const invalid = (message: string, reason: string, params: Record<string, number> = {}) =>
  new AppError('validation', message, { reason, ...params })
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
      { ...kdf, maxmem: KDF_LIMITS.maxBytes + (32 << 20) },
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
  payload: Payload | ExportPayload,
  passphrase: string,
  createdAt: string,
  kdfParams: { N: number; r: number; p: number } = NEW_KDF,
): Promise<string> {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    kdf: { name: 'scrypt' as const, salt: salt.toString('base64'), ...kdfParams },
    cipher: { name: 'aes-256-gcm' as const, iv: iv.toString('base64') },
  }
  const key = await deriveKey(passphrase, salt, kdfParams)
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
  checkKdfCost(e.kdf)
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
  let doc: unknown
  try {
    doc = JSON.parse(plain)
  } catch {
    doc = null
  }
  const payload = Payload.safeParse(doc)
  if (!payload.success)
    throw invalid('The backup opened but its content is not valid.', 'invalid_content')
  return payload.data
}

/** The plaintext payload of the current store; undecryptable credentials are left out. */
async function payloadOf(
  data: StoreData,
  vault: Vault,
): Promise<{ payload: ExportPayload; skipped: number }> {
  const opener = hasSealedSecrets(data) ? await vault.opener(data) : null
  if (opener?.state === 'locked') throw lockedError()
  if (opener?.state === 'wrong_key') throw wrongKeyError()
  const credentials: BackupCredential[] = []
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

  /**
   * Links the backup's models and default slots to the credentials the import kept or found
   * (runs inside the credentials service's store update, so the whole merge is one write).
   */
  const linkModels = (data: StoreData, payload: Payload, credMap: Map<string, string>) => {
    const out = { modelsImported: 0, modelsSkipped: 0, defaultsRestored: [] as string[] }
    const modelMap = new Map<string, string>()
    for (const raw of payload.models) {
      const parsed = BackupModel.safeParse(raw)
      const m = parsed.success ? parsed.data : null
      const cred = m && data.credentials.find((c) => c.id === credMap.get(m.credentialId))
      if (!m || !cred) {
        out.modelsSkipped += 1
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
        out.modelsSkipped += 1
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
      out.modelsImported += 1
    }
    for (const slot of DEFAULT_SLOTS) {
      const target = modelMap.get(payload.defaults.slots[slot] ?? '')
      if (!target || data.defaults.slots[slot]) continue
      data.defaults.slots[slot] = target
      data.defaults.cleared = data.defaults.cleared.filter((s: DefaultSlot) => s !== slot)
      out.defaultsRestored.push(slot)
    }
    return out
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
      // Never write a file that import would refuse (the original bug: unrestorable backups).
      if (Buffer.byteLength(text) > MAX_FILE_BYTES || !Payload.safeParse(payload).success) {
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
        linkModels(data, payload, ids),
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
