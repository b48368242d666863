/**
 * The backup file format (DESIGN §9 `export` / `import`): a versioned JSON envelope whose payload
 * is encrypted under a passphrase (scrypt + AES-256-GCM, header bound into the tag). Sealing,
 * opening and the bounds on what a header may ask for. No store, no vault.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { z } from 'zod'
import { ModelType } from '../../src-preload/contract/models-shared'
import { AppError } from '../errors'
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

export const BACKUP_FORMAT = 'switchboard-backup' as const
export const BACKUP_VERSION = 1
/** scrypt cost of new backups: ~64 MiB, a few hundred ms — a backup file may leave the machine. */
export const NEW_KDF = { N: 1 << 16, r: 8, p: 1 }
export const MAX_FILE_BYTES = 32 * 1024 * 1024
export const MIN_PASSPHRASE = 8

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
export interface BackupCredential {
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
export const BackupModel = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(512),
  provider: z.string().max(64),
  type: ModelType,
  credentialId: z.string().max(128),
  createdAt: z.string().max(64),
})
export const Payload = z.object({
  credentials: z.array(z.unknown()).max(10_000),
  models: z.array(z.unknown()).max(100_000),
  defaults: z.object({ slots: z.record(z.string(), z.string().max(128).nullable()) }),
})
export type Payload = z.infer<typeof Payload>
/** What export writes (the typed view of the same payload). */
export type ExportPayload = Omit<Payload, 'credentials' | 'models'> & {
  credentials: BackupCredential[]
  models: z.infer<typeof BackupModel>[]
}

export const invalid = (message: string, reason: string, params: Record<string, number> = {}) =>
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
  const parsed = parseUntrusted(Envelope, raw)
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
  const payload = parseUntrusted(Payload, doc)
  if (!payload.success)
    throw invalid('The backup opened but its content is not valid.', 'invalid_content')
  return payload.data
}
