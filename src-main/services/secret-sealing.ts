/**
 * Writing secrets without holding the store lock for the crypto (issue 17). Key derivation
 * (scrypt, a keychain round trip) and sealing happen BEFORE the lock, against a snapshot of the
 * store; the locked read-modify-write only drops the sealed values in. The sealed values stay
 * valid as long as the vault's salt and key check are the ones they were sealed under — checked
 * under the lock; if another process rotated or set up the vault meanwhile, the update is
 * abandoned (nothing written) and prepared again.
 *
 * Setting the vault up (the very first secret: new salt, key check, a keychain key created) stays
 * under the lock, as before, so two processes can never create two master keys: exactly one
 * process does it once per install, and everyone who raced it retries with the sealed path.
 */
import type { StoreData, StoredCredential, Store } from '../store/schema'
import type { Vault } from '../vault/vault'
import { keyHintOf } from './credential-view'

export type SecretName = 'apiKey' | 'serviceAccountJson'
/** New values to seal (string) or fields to remove (null), by field. */
export type SecretChanges = Partial<Record<SecretName, string | null>>

/** Puts the changes into a credential, inside the locked update. */
export type ApplySecrets = (cred: StoredCredential) => Promise<void>

const RETRY = Symbol('vault changed while sealing')
/** After this many abandoned attempts the secrets are sealed under the lock (always progresses). */
const ATTEMPTS = 4

export interface Presealed {
  salt: string
  keyCheck: string
  values: Partial<Record<SecretName, string>>
}

export type Prepared =
  | { kind: 'sealed'; pre: Presealed }
  /** The vault has no key check yet: whoever sets it up does so under the lock. */
  | { kind: 'no_key_check' }
  /** Locked or wrong key: sealing under the lock reports it exactly as before. */
  | { kind: 'under_lock' }

/** Seals `sets` for credential `id` against a snapshot, outside the lock (see the file's doc). */
export async function presealSecrets(
  store: Store,
  vault: Vault,
  id: string,
  sets: [SecretName, string][],
): Promise<Prepared> {
  const snap = await store.read()
  if (!snap.keyCheck) return { kind: 'no_key_check' }
  // The opener only reads the key (never creates one); the sealer then reuses it.
  if ((await vault.opener(snap)).state !== 'unlocked') return { kind: 'under_lock' }
  const copy: StoreData = { ...snap }
  const sealer = await vault.sealer(copy)
  if (copy.salt !== snap.salt || copy.keyCheck !== snap.keyCheck) return { kind: 'under_lock' }
  const values: Presealed['values'] = {}
  for (const [field, value] of sets) values[field] = sealer.seal(id, field, value)
  return { kind: 'sealed', pre: { salt: snap.salt, keyCheck: snap.keyCheck, values } }
}

/** The key hint once `changes` are applied: a new key's last 4, none when the key is removed. */
export function hintAfter(changes: SecretChanges, current: string | null): string | null {
  if (changes.apiKey === undefined) return current
  return changes.apiKey ? keyHintOf(changes.apiKey) : null
}

/** The fields `changes` give a new value to, with that value. */
export function secretsToSet(changes: SecretChanges): [SecretName, string][] {
  return Object.entries(changes).filter(([, v]) => typeof v === 'string') as [SecretName, string][]
}

/**
 * `store.update(fn)` for a change that writes the secrets of credential `id`: `fn` calls the
 * given `apply(cred)` on that credential. Returns fn's value.
 */
export async function updateWithSecrets<T>(
  deps: { store: Store; vault: Vault },
  id: string,
  changes: SecretChanges,
  fn: (data: StoreData, apply: ApplySecrets) => T | Promise<T>,
): Promise<T> {
  const { store, vault } = deps
  const sets = secretsToSet(changes)
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= ATTEMPTS
    const prepared: Prepared =
      sets.length && !last ? await presealSecrets(store, vault, id, sets) : { kind: 'under_lock' }
    try {
      return await store.update(async (data) => {
        if (prepared.kind === 'sealed') {
          const { salt, keyCheck } = prepared.pre
          if (data.salt !== salt || data.keyCheck !== keyCheck) throw RETRY
        }
        // Someone set the vault up while we waited: seal outside the lock after all.
        if (prepared.kind === 'no_key_check' && data.keyCheck) throw RETRY
        const apply: ApplySecrets = async (cred) => {
          const secrets = { ...(cred.secrets ?? {}) }
          let sealer: Awaited<ReturnType<Vault['sealer']>> | null = null
          for (const [field, value] of Object.entries(changes) as [SecretName, string | null][]) {
            if (value === null) {
              delete secrets[field]
              continue
            }
            const pre = prepared.kind === 'sealed' && cred.id === id ? prepared.pre : null
            secrets[field] =
              pre?.values[field] ??
              (sealer ??= await vault.sealer(data)).seal(cred.id, field, value)
          }
          cred.secrets = secrets
          cred.keyHint = hintAfter(changes, cred.keyHint)
        }
        return fn(data, apply)
      })
    } catch (err) {
      if (err === RETRY) continue
      throw err
    }
  }
}
