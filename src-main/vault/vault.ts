/**
 * The vault (DESIGN §4): finds the master key through the source order, seals and opens secret
 * fields, tells a wrong master key (the key-check value does not open) from a corrupt value, and
 * rotates the key. Fail closed: with no source the vault is locked, sealing throws vault_locked
 * before anything is written, and there is never a plaintext fallback.
 */
import type { PlatformBridge } from '../platform'
import { AppError } from '../errors'
import type { SealedSecret, Store, StoreData } from '../store/schema'
import { createKnownSecrets, type KnownSecrets } from '../secrets/known-secrets'
import { fieldAad, openValue, sealValue } from './cipher'
import { createEnvSource, newSalt } from './env-source'
import { createSourceOrder, type SourceOrder, type SourceReport } from './source-order'
import { createKeychainSource, type KeytarLike } from './keychain-source'
import { createSafeStorageSource } from './safe-storage-source'
import type { KeySourceId, VaultState } from '../../src-preload/contract/vault'
import type { KeySource } from './types'

/** What `vault:status` answers. */
export interface VaultStatus {
  state: VaultState
  /** The source that holds (or would hold) the key; null when locked. */
  source: KeySourceId | null
  sources: SourceReport[]
}

/** Seals secret fields of one store snapshot (get it inside `store.update`). */
export interface Sealer {
  seal(credentialId: string, field: string, plaintext: string): SealedSecret
}

export type OpenResult =
  { ok: true; value: string } | { ok: false; reason: Exclude<VaultState, 'unlocked'> | 'corrupt' }

/** Opens secret fields of one store snapshot; never throws for key problems. */
export interface Opener {
  readonly state: VaultState
  open(credentialId: string, field: string, sealed: SealedSecret): OpenResult
}

export interface RotateResult {
  source: KeySourceId
  /** Secret values re-encrypted with the new key. */
  reencrypted: number
  /** Values that were already undecryptable (corrupt) and are left as they were. */
  skipped: number
}

/** Test seams that simulate a crash between rotation steps. */
export interface RotateHooks {
  afterStage?: () => void | Promise<void>
  afterStoreWrite?: () => void | Promise<void>
}

export interface Vault {
  /** State, the source in use, and every source's availability. Writes nothing. */
  status(): Promise<VaultStatus>
  /** Throws vault_locked unless some source is available; touches no file. */
  assertAvailable(): Promise<KeySourceId>
  /** A sealer for `data` (call inside store.update): sets salt / key check on first use. */
  sealer(data: StoreData): Promise<Sealer>
  /** An opener for `data`; key problems become per-value results. */
  opener(data: StoreData): Promise<Opener>
  /** Re-encrypts every secret with a new key; an interruption at any step loses nothing. */
  rotate(hooks?: RotateHooks): Promise<RotateResult>
  /** Secrets this process sealed or opened lately, to scrub from logs and error messages. */
  readonly known: KnownSecrets
}

const KEY_CHECK_AAD = 'vault:keyCheck'
const KEY_CHECK_TEXT = 'switchboard-key-check-v1'

type Resolved =
  | { state: 'locked'; source: null; key: null }
  | { state: 'wrong_key'; source: KeySource; key: null }
  | { state: 'unlocked'; source: KeySource; key: Buffer | null }

export const lockedError = () =>
  new AppError(
    'vault_locked',
    'No master key is available, so secrets cannot be saved or read. Set SWITCHBOARD_ENCRYPTION_KEY or unlock the OS keychain.',
  )
export const wrongKeyError = () =>
  new AppError(
    'vault_wrong_key',
    'The master key does not match the one that encrypted the stored secrets.',
  )

/** Key checks each key is known to open: the same key and check always give the same answer. */
const opensCheck = new WeakMap<Buffer, string>()

function checks(key: Buffer, keyCheck: string): boolean {
  // Issue 17: every list and show opened the key check (an AES-GCM open) to tell the vault's
  // state; a key (the cached Buffer) that opened this very check before opens it again.
  if (opensCheck.get(key) === keyCheck) return true
  try {
    const ok = openValue(key, keyCheck, KEY_CHECK_AAD) === KEY_CHECK_TEXT
    if (ok) opensCheck.set(key, keyCheck)
    return ok
  } catch {
    return false
  }
}

/** True when `key` opens at least one stored secret (the proof of a key without a key check). */
function opensASecret(key: Buffer, data: StoreData): boolean {
  for (const cred of data.credentials) {
    for (const [field, sealed] of Object.entries(cred.secrets ?? {})) {
      if (!sealed) continue
      try {
        openValue(key, sealed, fieldAad(cred.id, field))
        return true
      } catch {
        // not this one: try the next
      }
    }
  }
  return false
}

/** True when some credential holds a sealed secret. */
export function hasSealedSecrets(data: StoreData): boolean {
  return data.credentials.some((c) => Object.values(c.secrets ?? {}).some(Boolean))
}

/** Builds the vault over a store and the order of its key sources. */
export function createVault(
  store: Store,
  order: SourceOrder,
  known: KnownSecrets = createKnownSecrets(),
): Vault {
  // Keys found per source and salt; dropped when the key check stops matching (another process
  // rotated) so the next resolve reads the source again.
  const cache = new Map<string, Buffer>()
  const slot = (s: KeySource, salt: string) => `${s.id}\u0000${salt}`

  const resolveWith = async (source: KeySource | null, data: StoreData): Promise<Resolved> => {
    if (!source) return { state: 'locked', source: null, key: null }
    const salt = data.salt
    const verify = (k: Buffer | null) => !!k && (!data.keyCheck || checks(k, data.keyCheck))
    let key = cache.get(slot(source, salt)) ?? (await source.current(salt, false))
    if (!data.keyCheck) {
      // No key check yet. With no secret stored, any key will do (the first seal writes the
      // check). With secrets stored (a check lost to an old version or a hand edit), the key must
      // open one of them first: otherwise a wrong passphrase would re-seal the check and take the
      // vault over.
      if (!hasSealedSecrets(data)) return { state: 'unlocked', source, key }
      if (!key || !opensASecret(key, data)) {
        cache.delete(slot(source, salt))
        return { state: 'wrong_key', source, key: null }
      }
      cache.set(slot(source, salt), key)
      return { state: 'unlocked', source, key }
    }
    if (!verify(key)) {
      cache.delete(slot(source, salt))
      key = await source.current(salt, false)
      if (!verify(key)) {
        // A rotation that stopped after switching the store: its staged key opens it.
        const staged = await source.staged(salt)
        if (!verify(staged)) return { state: 'wrong_key', source, key: null }
        await source.promote()
        key = staged
      }
    }
    cache.set(slot(source, salt), key as Buffer)
    return { state: 'unlocked', source, key }
  }

  // Issue 17: the keychain's probe is an OS round trip (1 ms a list, 500× an empty call): a key
  // from the last picked source that still opens the key check is used; status() probes afresh.
  let lastPicked: KeySource | null = null
  const resolve = async (data: StoreData): Promise<Resolved> => {
    if (lastPicked && data.keyCheck) {
      const key = cache.get(slot(lastPicked, data.salt))
      if (key && checks(key, data.keyCheck)) return { state: 'unlocked', source: lastPicked, key }
    }
    lastPicked = (await order.pick()).source
    return resolveWith(lastPicked, data)
  }

  const sealerFor = (key: Buffer): Sealer => ({
    seal: (credentialId, field, plaintext) => {
      known.remember(plaintext)
      return sealValue(key, plaintext, fieldAad(credentialId, field))
    },
  })

  const vault: Vault = {
    known,
    async status() {
      const [data, reports] = await Promise.all([store.read(), order.probeAll()])
      const first = reports.find((r) => r.available)
      const source = order.sources.find((s) => s.id === first?.id) ?? null
      const r = await resolveWith(source, data)
      return { state: r.state, source: r.source?.id ?? null, sources: reports }
    },

    async assertAvailable() {
      const { source } = await order.pick()
      if (!source) throw lockedError()
      return source.id
    },

    async sealer(data) {
      const { source } = await order.pick()
      if (!source) throw lockedError()
      const r = await resolveWith(source, data)
      if (r.state === 'unlocked' && r.key && data.keyCheck) return sealerFor(r.key)
      // First secret ever (or every undecryptable one is gone): set up salt and key check.
      if (r.state === 'wrong_key' && hasSealedSecrets(data)) throw wrongKeyError()
      if (!data.salt) data.salt = newSalt()
      // A key already proven against a stored secret is the one the check is sealed with.
      const key = r.state === 'unlocked' && r.key ? r.key : await source.current(data.salt, true)
      if (!key) throw lockedError()
      data.keyCheck = sealValue(key, KEY_CHECK_TEXT, KEY_CHECK_AAD)
      data.keySource = source.id
      cache.set(slot(source, data.salt), key)
      return sealerFor(key)
    },

    async opener(data) {
      const r = await resolve(data)
      return {
        state: r.state,
        open(credentialId, field, sealed) {
          if (r.state === 'locked') return { ok: false, reason: 'locked' }
          if (r.state === 'wrong_key') return { ok: false, reason: 'wrong_key' }
          if (!r.key) return { ok: false, reason: 'corrupt' }
          try {
            const value = openValue(r.key, sealed, fieldAad(credentialId, field))
            known.remember(value)
            return { ok: true, value }
          } catch {
            return { ok: false, reason: 'corrupt' }
          }
        },
      }
    },

    async rotate(hooks = {}) {
      await vault.assertAvailable()
      let used: KeySource | null = null
      // Step 1 stages the new key under a pending name; step 2 writes the whole store re-sealed
      // with it in one atomic write; step 3 promotes the pending key. A crash before step 2 leaves
      // the old key and store intact; a crash after it is healed by resolveWith's staged lookup.
      const result = await store.update(async (data): Promise<RotateResult> => {
        const r = await resolve(data)
        if (r.state === 'locked') throw lockedError()
        if (r.state === 'wrong_key') throw wrongKeyError()
        const next = await r.source.stage()
        await hooks.afterStage?.()
        let reencrypted = 0
        let skipped = 0
        for (const cred of data.credentials) {
          for (const [field, sealed] of Object.entries(cred.secrets ?? {})) {
            if (!sealed) continue
            const aad = fieldAad(cred.id, field)
            try {
              if (!r.key) throw new Error('no key')
              const plain = openValue(r.key, sealed, aad)
              ;(cred.secrets as Record<string, string>)[field] = sealValue(next.key, plain, aad)
              reencrypted += 1
            } catch {
              skipped += 1
            }
          }
        }
        if (next.salt !== null) data.salt = next.salt
        data.keyCheck = sealValue(next.key, KEY_CHECK_TEXT, KEY_CHECK_AAD)
        data.keySource = r.source.id
        used = r.source
        return { source: r.source.id, reencrypted, skipped }
      })
      await hooks.afterStoreWrite?.()
      await (used as KeySource | null)?.promote()
      cache.clear()
      return result
    },
  }
  return vault
}

export interface DefaultVaultOptions {
  home: string
  env: NodeJS.ProcessEnv
  store: Store
  platform?: PlatformBridge
  /** Injected keytar (tests); undefined loads the real module, null = not installed. */
  keytar?: KeytarLike | null
  os?: NodeJS.Platform
}

/** The vault with DESIGN §4's source order: env passphrase, OS keychain, safeStorage. */
export function createDefaultVault(options: DefaultVaultOptions): Vault {
  const order = createSourceOrder([
    createEnvSource(options.env),
    createKeychainSource({ env: options.env, keytar: options.keytar, platform: options.os }),
    createSafeStorageSource({
      home: options.home,
      safeStorage: options.platform?.safeStorage,
      platform: options.os,
    }),
  ])
  const known = createKnownSecrets()
  // The env passphrase opens every secret: it is scrubbed like one.
  const passphrase = options.env.SWITCHBOARD_ENCRYPTION_KEY
  if (passphrase) known.remember(passphrase)
  return createVault(options.store, order, known)
}
