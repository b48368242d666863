/**
 * Rules over stored credential records shared by the credentials use cases (create, import,
 * delete, decrypt): finding one, its sealed fields and status, the primary rule, drafts.
 * Pure functions over StoreData: no store, no vault, no I/O.
 */
import type { CredentialStatus } from '../../src-preload/contract/credentials'
import { AppError } from '../errors'
import type { CatalogEntry } from '../providers/catalog-types'
import { blankCredential } from '../store/blank-credential'
import type { StoreData, StoredCredential } from '../store/schema'
import type { Opener } from '../vault/vault'
import { applyChanges, type CredentialChanges } from './credential-input'
import type { SecretChanges, SecretName } from './secret-sealing'

export const notFound = (id: string) =>
  new AppError('not_found', 'No credential with this id.', { id: id.slice(0, 128) })

export function find(data: StoreData, id: string): StoredCredential {
  const cred = data.credentials.find((c) => c.id === id)
  if (!cred) throw notFound(id)
  return cred
}

/** Secret fields present on a stored credential. */
export function sealedFields(cred: StoredCredential): [SecretName, string][] {
  return (Object.entries(cred.secrets ?? {}) as [SecretName, string | undefined][]).filter(
    (e): e is [SecretName, string] => Boolean(e[1]),
  )
}

export function statusOf(cred: StoredCredential, opener: Opener | null): CredentialStatus {
  const fields = sealedFields(cred)
  if (!fields.length) return 'ok'
  if (!opener) return 'decryption_error'
  return fields.every(([f, v]) => opener.open(cred.id, f, v).ok) ? 'ok' : 'decryption_error'
}

export function countModels(data: StoreData): Map<string, number> {
  const counts = new Map<string, number>()
  for (const m of data.models) counts.set(m.credentialId, (counts.get(m.credentialId) ?? 0) + 1)
  return counts
}

/**
 * The primary rule, in one place (DESIGN §3): a credential that asks to be primary gets it only
 * when its provider has none; afterwards every provider that has credentials but no primary
 * promotes its oldest. Create asks (the first of a provider wins), import asks when the backup's
 * credential was primary, delete repairs.
 */
export function claimPrimary(data: StoreData, cred: StoredCredential, wanted: boolean): void {
  cred.isPrimary =
    wanted && !data.credentials.some((c) => c.provider === cred.provider && c.isPrimary)
}
export function repairPrimaries(data: StoreData): void {
  for (const provider of new Set(data.credentials.map((c) => c.provider))) {
    const mine = data.credentials.filter((c) => c.provider === provider)
    if (mine.some((c) => c.isPrimary)) continue
    mine.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    )[0]!.isPrimary = true
  }
}

/** A stored credential built from validated create changes (no id, no secrets sealed yet). */
export function draftOf(entry: CatalogEntry, changes: CredentialChanges): StoredCredential {
  const cred = blankCredential(entry.id, { name: changes.name ?? '' })
  applyChanges(cred, changes)
  return cred
}

/** Marks which secrets the changes will leave set (for the required check before sealing). */
export function withSecretMarks(cred: StoredCredential, secrets: SecretChanges): StoredCredential {
  const marks = { ...cred.secrets }
  for (const [field, value] of Object.entries(secrets) as [SecretName, string | null][]) {
    if (value === null) delete marks[field]
    else marks[field] = 'set'
  }
  return { ...cred, secrets: marks }
}
