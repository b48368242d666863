/**
 * Adding a credential through group commit (issue 17): the record is built and its secrets
 * sealed to its id before the lock, then offered to the store as a `credentials.insert` op. While
 * this process waits its turn, the holder may apply the op in its own write (queued-ops.ts); if
 * not, this process applies it itself in its turn — the same rule either way (`insertApplier`).
 *
 * The op file holds sealed values only, pinned to the vault's salt and key check they were
 * sealed under: a holder whose store has another vault leaves the op, and its owner seals again.
 * Applying is idempotent by id, so an op applied by a holder that died before answering is
 * found in place when its owner takes its turn. The very first secret (no key check yet: the
 * vault is set up under the lock) and a locked or wrong key go the plain way (secret-sealing.ts).
 */
import { z } from 'zod'
import { CredentialView } from '../../src-preload/contract/credentials'
import type { OpApplier, Store, StoreData, StoredCredential } from '../store/schema'
import { CredentialRecord } from '../store/store-shape'
import type { Vault } from '../vault/vault'
import { claimPrimary, countModels } from './credential-records'
import { toCredentialView } from './credential-view'
import {
  hintAfter,
  presealSecrets,
  secretsToSet,
  updateWithSecrets,
  type SecretChanges,
} from './secret-sealing'
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

export const INSERT_KIND = 'credentials.insert'

/** A sealed value as the vault writes it (`v1.<base64>`): never a plaintext secret. */
const Sealed = z.string().regex(/^v1\.[A-Za-z0-9+/]+={0,2}$/)

// Strict all the way down: an op file is input from outside the store, a field we do not know
// is a reason to leave the op, never something to carry into the store.
const InsertPayload = z
  .strictObject({
    /** The vault the secrets were sealed under; null when the record has no secret. */
    vault: z.strictObject({ salt: z.string().min(1), keyCheck: z.string().min(1) }).nullable(),
    cred: CredentialRecord.extend({
      secrets: z.strictObject({ apiKey: Sealed.optional(), serviceAccountJson: Sealed.optional() }),
    }),
  })
  .refine((p) => p.vault !== null || Object.keys(p.cred.secrets).length === 0)

type InsertPayload = z.infer<typeof InsertPayload>

/** The rule of a create, as an op: pure over StoreData (see OpApplier). */
export const insertApplier: OpApplier<InsertPayload, CredentialView> = {
  parse: (payload) => {
    const r = parseUntrusted(InsertPayload, payload)
    return r.success ? r.data : null
  },
  apply(data: StoreData, { vault, cred }) {
    // Sealed under another vault (rotated or set up meanwhile): its owner seals again.
    if (vault && (data.salt !== vault.salt || data.keyCheck !== vault.keyCheck)) return null
    const there = data.credentials.find((c) => c.id === cred.id)
    if (there) {
      return { result: toCredentialView(there, countModels(data).get(there.id) ?? 0, 'ok') }
    }
    const record = structuredClone(cred) as StoredCredential
    claimPrimary(data, record, true)
    data.credentials.push(record)
    return { result: toCredentialView(record, 0, 'ok') }
  },
  parseResult: (result) => {
    const r = parseUntrusted(CredentialView, result)
    return r.success ? r.data : null
  },
}

/** After this many ops left by the store (the vault changed each time), the plain way. */
const ATTEMPTS = 3

/**
 * Adds `draft` (validated, its id minted) with `secrets` sealed to it; the first of its
 * provider becomes primary. Returns the new credential's view.
 */
export async function insertCredential(
  deps: { store: Store; vault: Vault; now: () => string },
  draft: StoredCredential,
  secrets: SecretChanges,
): Promise<CredentialView> {
  const { store, vault, now } = deps
  const sets = secretsToSet(secrets)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let pinned: InsertPayload['vault'] = null
    let sealed: StoredCredential['secrets'] = {}
    if (sets.length) {
      const prepared = await presealSecrets(store, vault, draft.id, sets)
      if (prepared.kind !== 'sealed') break
      pinned = { salt: prepared.pre.salt, keyCheck: prepared.pre.keyCheck }
      sealed = prepared.pre.values
    }
    const at = now()
    const cred: StoredCredential = {
      ...draft,
      createdAt: at,
      updatedAt: at,
      secrets: sealed,
      keyHint: hintAfter(secrets, draft.keyHint),
    }
    const payload = { vault: pinned, cred }
    // A record the op's strict check would refuse (a field it does not know) goes the plain way.
    if (insertApplier.parse(payload) === null) break
    const out = await store.commit<CredentialView>({ kind: INSERT_KIND, payload })
    if (out.done) return out.result
  }
  return updateWithSecrets({ store, vault }, draft.id, secrets, async (data, apply) => {
    const at = now()
    const cred: StoredCredential = { ...draft, createdAt: at, updatedAt: at }
    claimPrimary(data, cred, true)
    await apply(cred)
    data.credentials.push(cred)
    return toCredentialView(cred, 0, 'ok')
  })
}
