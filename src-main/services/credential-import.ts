/**
 * Backup import of credentials (issue 11): each entry through the same validation as `create`
 * (an invalid one is reported with its reason, the rest still go in), then one locked store
 * update that skips what is already here, seals and adds the rest, keeps one primary per
 * provider and lets the caller link what hangs off credentials (models, defaults).
 */
import type { RejectedCredential } from '../../src-preload/contract/settings'
import { neutralise } from '../../src-preload/contract/credential-fields'
import { toErrorBody } from '../errors'
import type { CatalogEntry } from '../providers/catalog-types'
import type { Store, StoreData, StoredCredential } from '../store/schema'
import type { Vault } from '../vault/vault'
import { checkRequired, invalid, validateInput, type RawInput } from './credential-input'
import {
  claimPrimary,
  draftOf,
  repairPrimaries,
  sealedFields,
  withSecretMarks,
} from './credential-records'
import { keyHintOf } from './credential-view'
import type { SecretChanges, SecretName } from './secret-sealing'

export interface ImportDeps {
  store: Store
  vault: Vault
  getProvider: (id: string) => CatalogEntry
  now: () => string
  newId: () => string
}

export interface ImportResult<T> {
  added: string[]
  skipped: number
  rejected: RejectedCredential[]
  extra: T
}

interface ValidEntry {
  index: number
  backupId: string | null
  draft: StoredCredential
  secrets: SecretChanges
  wantsPrimary: boolean
}

/** A printable label for a rejected entry: control and direction codes shown as U+FFFD. */
function labelOf(raw: unknown): { provider: string | null; name: string | null } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const text = (v: unknown, max: number) =>
    typeof v === 'string' ? neutralise(v.slice(0, max)) : null
  return { provider: text(r.provider, 64), name: text(r.name, 100) }
}

/**
 * Every entry through the one validation, outside the lock; a bad one is reported, not fatal.
 * Files are never read on import: a backup carries the service account itself.
 */
function validateEntries(
  entries: readonly unknown[],
  getProvider: ImportDeps['getProvider'],
): { valid: ValidEntry[]; rejected: RejectedCredential[] } {
  const rejected: RejectedCredential[] = []
  const valid: ValidEntry[] = []
  entries.forEach((raw, index) => {
    const label = labelOf(raw)
    try {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw invalid('credential', 'invalid_json')
      const input = raw as RawInput
      if (typeof input.provider !== 'string') throw invalid('provider', 'required')
      const entry = getProvider(input.provider)
      const changes = validateInput(entry, input, { create: true, readFiles: false })
      const draft = draftOf(entry, changes)
      checkRequired(entry, withSecretMarks(draft, changes.secrets))
      const createdAt =
        typeof input.createdAt === 'string' &&
        input.createdAt.length <= 64 &&
        !Number.isNaN(Date.parse(input.createdAt))
          ? new Date(input.createdAt).toISOString()
          : null
      draft.createdAt = createdAt ?? ''
      valid.push({
        index,
        backupId: typeof input.id === 'string' ? input.id : null,
        draft,
        secrets: changes.secrets,
        wantsPrimary: input.isPrimary === true,
      })
    } catch (err) {
      const body = toErrorBody(err)
      if (body.code === 'internal') throw err
      rejected.push({
        index,
        ...label,
        code: body.code,
        field: typeof body.params?.field === 'string' ? body.params.field : null,
        reason:
          typeof body.params?.reason === 'string'
            ? body.params.reason
            : body.params?.field === 'provider'
              ? 'unknown_provider'
              : null,
        // Messages may quote what the file said (a provider id): no escape codes get out.
        message: neutralise(body.message),
      })
    }
  })
  return { valid, rejected }
}

/**
 * Seals secrets into `cred` inside a store update: import only, which adds many credentials in
 * one update (create and update seal before the lock, see secret-sealing.ts).
 */
async function applySecrets(
  vault: Vault,
  data: StoreData,
  cred: StoredCredential,
  changes: SecretChanges,
) {
  const sets = Object.entries(changes).filter(([, v]) => typeof v === 'string') as [
    SecretName,
    string,
  ][]
  const sealer = sets.length ? await vault.sealer(data) : null
  const secrets = { ...(cred.secrets ?? {}) }
  for (const [field, value] of Object.entries(changes) as [SecretName, string | null][]) {
    if (value === null) delete secrets[field]
    else secrets[field] = sealer!.seal(cred.id, field, value)
  }
  cred.secrets = secrets
  if (changes.apiKey !== undefined) cred.keyHint = changes.apiKey ? keyHintOf(changes.apiKey) : null
}

export async function importCredentials<T>(
  deps: ImportDeps,
  entries: readonly unknown[],
  within: (data: StoreData, ids: Map<string, string>) => T | Promise<T>,
): Promise<ImportResult<T>> {
  const { store, vault, now, newId } = deps
  const { valid, rejected } = validateEntries(entries, deps.getProvider)
  if (valid.some((v) => Object.values(v.secrets).some(Boolean))) await vault.assertAvailable()
  const out = await store.update(async (data) => {
    const opener = data.credentials.some((c) => sealedFields(c).length)
      ? await vault.opener(data)
      : null
    const secretOf = (c: StoredCredential, field: SecretName) => {
      const sealed = c.secrets?.[field]
      if (!sealed) return null
      const r = opener?.open(c.id, field, sealed)
      return r?.ok ? r.value : undefined // undefined: cannot compare
    }
    const ids = new Map<string, string>()
    const added: string[] = []
    let skipped = 0
    for (const v of valid) {
      const same = data.credentials.find(
        (c) =>
          c.provider === v.draft.provider &&
          c.name === v.draft.name &&
          secretOf(c, 'apiKey') === (v.secrets.apiKey ?? null) &&
          secretOf(c, 'serviceAccountJson') === (v.secrets.serviceAccountJson ?? null),
      )
      if (same) {
        if (v.backupId) ids.set(v.backupId, same.id)
        skipped += 1
        continue
      }
      const at = now()
      const cred: StoredCredential = {
        ...v.draft,
        id: newId(),
        createdAt: v.draft.createdAt || at,
        updatedAt: at,
      }
      claimPrimary(data, cred, v.wantsPrimary)
      await applySecrets(vault, data, cred, v.secrets)
      data.credentials.push(cred)
      if (v.backupId) ids.set(v.backupId, cred.id)
      added.push(cred.id)
    }
    repairPrimaries(data)
    const extra = await within(data, ids)
    return { added, skipped, extra }
  })
  return { ...out, rejected }
}
