/**
 * Credentials use cases (DESIGN §3, §4, §9): create, list, show, update, delete, set primary,
 * and `getDecrypted` for adapters (main-process only). Secrets are sealed by the vault inside
 * the store's locked update; views never carry a secret. Reading metadata works with a wrong or
 * missing master key (affected credentials show `decryption_error`); saving a secret needs the
 * key and fails with vault_locked / vault_wrong_key before anything is written.
 */
import { randomUUID } from 'node:crypto'
import type {
  AsText,
  CredentialCreateRequest,
  CredentialDeleteImpact,
  CredentialDeleteResult,
  CredentialListUpdate,
  CredentialPatch,
  CredentialsChange,
  CredentialView,
} from '../../src-preload/contract/credentials'
import type { DecryptedCredential } from '../providers/adapter-types'
import type { CatalogEntry } from '../providers/catalog-types'
import type { Store, StoreData, StoredCredential } from '../store/schema'
import type { Opener, Vault } from '../vault/vault'
import { decryptCredential } from './credential-decrypt'
import { importCredentials, type ImportResult } from './credential-import'
import { applyChanges, checkRequired, validateInput, type RawInput } from './credential-input'
import {
  countModels,
  draftOf,
  find,
  sealedFields,
  statusOf,
  withSecretMarks,
} from './credential-records'
import { toCredentialView } from './credential-view'
import { createVersions } from './versioned'
import { deleteImpactOf, removeCredential } from './credential-delete'
import { insertApplier, insertCredential, INSERT_KIND } from './credential-insert'
import { updateWithSecrets } from './secret-sealing'

export interface CredentialsDeps {
  store: Store
  vault: Vault
  /** The catalog entry of a provider; throws AppError('validation') for an unknown id. */
  getProvider: (id: string) => CatalogEntry
  clock?: () => Date
  newId?: () => string
  /** Told after every change (the app pushes `credentials:changed`). */
  onChanged?: (reason: CredentialsChange, ids: string[]) => void
}

export interface CredentialsService {
  /** Every credential (creation order), optionally of one provider. Works with a wrong key. */
  list(filter?: { provider?: string }): Promise<CredentialView[]>
  /** The list and its version, or only the version when it is still `since` (nothing changed). */
  listIfChanged(since?: string): Promise<CredentialListUpdate>
  /** Ids of the credentials whose secret does not decrypt (`decryption_error`): never used. */
  undecryptableIds(): Promise<string[]>
  /** One credential; not_found when absent. */
  show(id: string): Promise<CredentialView>
  /** Adds a credential; the first of its provider becomes primary. */
  create(input: AsText<CredentialCreateRequest>): Promise<CredentialView>
  /** Validates a create request exactly as `create` would, writing nothing (migrate-env dry run). */
  check(input: AsText<CredentialCreateRequest>): void
  /** Changes only the given fields (empty / absent key keeps the stored one, null clears). */
  update(id: string, patch: AsText<CredentialPatch>): Promise<CredentialView>
  /** Removes a credential (also an undecryptable one), its models and the slots that used them. */
  delete(id: string): Promise<CredentialDeleteResult>
  /** What `delete(id)` would take with it or leave pointing nowhere; writes nothing. */
  deleteImpact(id: string): Promise<CredentialDeleteImpact>
  /** Makes a credential its provider's primary one. */
  setPrimary(id: string): Promise<CredentialView>
  /** The credential with secrets decrypted, for adapters only. Never send it to a renderer. */
  getDecrypted(id: string): Promise<DecryptedCredential>
  /**
   * Adds credentials from a backup (issue 11): each entry through the same validation as
   * `create`; an invalid one is reported with its reason and the rest still go in. One store
   * update: entries already here (same provider, name and secrets) are skipped, the others get
   * new ids, sealed secrets and the primary rule; `within` then runs in the same update with the
   * backup-id → store-id map (models and defaults hang off it).
   */
  importMany<T>(
    entries: readonly unknown[],
    within: (data: StoreData, ids: Map<string, string>) => T | Promise<T>,
  ): Promise<ImportResult<T>>
}

/** A view frozen down to its nested `endpoints`: views in the list cache are shared. */
function frozenView(view: CredentialView): CredentialView {
  if (view.endpoints) Object.freeze(view.endpoints)
  return Object.freeze(view)
}

/** Builds the credentials service. */
export function createCredentialsService(deps: CredentialsDeps): CredentialsService {
  const { store, vault, getProvider } = deps
  const now = () => (deps.clock ?? (() => new Date()))().toISOString()
  const newId = deps.newId ?? randomUUID
  const changed = (reason: CredentialsChange, ids: string[]) => deps.onChanged?.(reason, ids)
  // Any process with this service applies credential inserts queued behind its own writes.
  store.register(INSERT_KIND, insertApplier)

  const openerFor = async (data: StoreData, creds: StoredCredential[]) =>
    creds.some((c) => sealedFields(c).length) ? vault.opener(data) : null

  const viewOf = async (data: StoreData, cred: StoredCredential, knownOk = false) =>
    toCredentialView(
      cred,
      countModels(data).get(cred.id) ?? 0,
      knownOk ? 'ok' : statusOf(cred, await openerFor(data, [cred])),
    )

  /** The one validation of a create request: the field table, the URL guard, the catalog. */
  const prepare = (input: AsText<CredentialCreateRequest>) => {
    const entry = getProvider(input.provider)
    const changes = validateInput(entry, input as RawInput, { create: true })
    const draft = draftOf(entry, changes)
    checkRequired(entry, withSecretMarks(draft, changes.secrets))
    return { changes, draft }
  }

  let listCache: {
    data: StoreData
    anySealed: boolean
    state: Opener['state'] | null
    views: CredentialView[]
    version: string
  } | null = null
  // A version names one view list: a new one when a write or the vault's state changed a view.
  // Writes that leave every view as it was (a test result, a model's type, a default) keep it.
  const versions = createVersions<CredentialView[]>()

  /** The view list of the store as it is now, built once per store version and vault state. */
  const currentList = async () => {
    const data = await store.read()
    // One view list per store version and vault state (issue 17): opening 1,000 secrets to
    // tell their status on every list was most of its cost. The store hands out the same
    // frozen data object until the file changes, so identity is the version. Whether any
    // secret is sealed is remembered with it (a scan of every credential per call).
    const same = listCache?.data === data
    const anySealed = same
      ? listCache!.anySealed
      : data.credentials.some((c) => sealedFields(c).length)
    const opener = anySealed ? await vault.opener(data) : null
    const state = opener?.state ?? null
    if (!same || listCache!.state !== state) {
      const counts = countModels(data)
      const views = data.credentials.map((c) =>
        toCredentialView(c, counts.get(c.id) ?? 0, statusOf(c, opener)),
      )
      const named = versions(views)
      // New views are frozen where they are (shared by every caller); kept ones already are.
      if (named.value === views) views.forEach(frozenView)
      listCache = { data, anySealed, state, views: named.value, version: named.version }
    }
    return listCache!
  }

  const service: CredentialsService = {
    async undecryptableIds() {
      return (await service.list()).filter((c) => c.status === 'decryption_error').map((c) => c.id)
    },

    async list(filter = {}) {
      const { views } = await currentList()
      // Callers get their own array of the shared, frozen views.
      return filter.provider ? views.filter((v) => v.provider === filter.provider) : [...views]
    },

    async listIfChanged(since) {
      const { views, version } = await currentList()
      // Unchanged: the renderer keeps the list it has (1,000 views cost ~1.5 ms to serialize
      // and ~2 ms to deserialize through IPC, issue 17); otherwise the whole list again.
      return { version, credentials: since === version ? null : [...views] }
    },

    async show(id) {
      const data = await store.read()
      return viewOf(data, find(data, id))
    },

    check(input) {
      prepare(input)
    },

    async create(input) {
      const { changes, draft } = prepare(input)
      // Fail closed before touching the disk: no master key, no secret saved.
      if (Object.values(changes.secrets).some(Boolean)) await vault.assertAvailable()
      // The id is minted first: secrets are sealed to it (AAD) before the store lock is taken.
      const id = newId()
      const view = await insertCredential({ store, vault, now }, { ...draft, id }, changes.secrets)
      changed('created', [view.id])
      return view
    },

    async update(id, patch) {
      const snapshot = await store.read()
      const stored = find(snapshot, id)
      const entry = getProvider(stored.provider)
      const changes = validateInput(entry, patch as RawInput, {
        create: false,
        storedPath: stored.credentialsPath,
        hasStoredAccount: Boolean(stored.secrets?.serviceAccountJson),
      })
      if (Object.values(changes.secrets).some(Boolean)) await vault.assertAvailable()
      const updated = await updateWithSecrets(
        { store, vault },
        id,
        changes.secrets,
        async (data, apply) => {
          const cred = find(data, id)
          const next = structuredClone(cred)
          applyChanges(next, changes)
          checkRequired(entry, withSecretMarks(next, changes.secrets))
          Object.assign(cred, next)
          await apply(cred)
          cred.updatedAt = now()
          return structuredClone(cred)
        },
      )
      changed('updated', [id])
      // The view (its status opens the secrets) is built after the lock is released.
      return viewOf(await store.read(), updated)
    },

    async importMany(entries, within) {
      const out = await importCredentials(
        { store, vault, getProvider, now, newId },
        entries,
        within,
      )
      if (out.added.length) changed('created', out.added)
      return out
    },

    async delete(id) {
      const result = await store.update((data) => {
        const { modelIds, clearedSlots } = removeCredential(data, id)
        return { id, deletedModels: modelIds.length, clearedSlots: clearedSlots as string[] }
      })
      changed('deleted', [id])
      return result
    },

    async deleteImpact(id) {
      return deleteImpactOf(await store.read(), id)
    },

    async setPrimary(id) {
      const updated = await store.update(async (data) => {
        const cred = find(data, id)
        for (const c of data.credentials) {
          if (c.provider === cred.provider && c.isPrimary !== (c.id === id)) {
            c.isPrimary = c.id === id
            if (c.id === id) c.updatedAt = now()
          }
        }
        return structuredClone(cred)
      })
      changed('primary', [id])
      return viewOf(await store.read(), updated)
    },

    async getDecrypted(id) {
      const data = await store.read()
      return decryptCredential(vault, data, find(data, id))
    },
  }
  return service
}
