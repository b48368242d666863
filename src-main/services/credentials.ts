/**
 * Credentials use cases (DESIGN §3, §4, §9): create, list, show, update, delete, set primary,
 * and `getDecrypted` for adapters (main-process only). Secrets are sealed by the vault inside
 * the store's locked update; views never carry a secret. Reading metadata works with a wrong or
 * missing master key (affected credentials show `decryption_error`); saving a secret needs the
 * key and fails with vault_locked / vault_wrong_key before anything is written.
 */
import { randomUUID } from 'node:crypto'
import type {
  CredentialCreateRequest,
  CredentialDeleteResult,
  CredentialPatch,
  CredentialStatus,
  CredentialsChange,
  CredentialView,
} from '../../src-preload/contract/credentials'
import type { RejectedCredential } from '../../src-preload/contract/settings'
import { neutralise } from '../../src-preload/contract/credential-fields'
import { AppError, toErrorBody } from '../errors'
import type { DecryptedCredential } from '../providers/adapter-types'
import type { CatalogEntry } from '../providers/catalog-types'
import type { Store, StoreData, StoredCredential } from '../store/schema'
import { lockedError, wrongKeyError, type Opener, type Vault } from '../vault/vault'
import {
  applyChanges,
  checkRequired,
  invalid,
  validateInput,
  type CredentialChanges,
  type RawInput,
} from './credential-input'
import { keyHintOf, toCredentialView } from './credential-view'
import { clearSlotsForModels } from './defaults'
import { updateWithSecrets, type SecretChanges, type SecretName } from './secret-sealing'

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
  /** One credential; not_found when absent. */
  show(id: string): Promise<CredentialView>
  /** Adds a credential; the first of its provider becomes primary. */
  create(input: CredentialCreateRequest): Promise<CredentialView>
  /** Validates a create request exactly as `create` would, writing nothing (migrate-env dry run). */
  check(input: CredentialCreateRequest): void
  /** Changes only the given fields (empty / absent key keeps the stored one, null clears). */
  update(id: string, patch: CredentialPatch): Promise<CredentialView>
  /** Removes a credential (also an undecryptable one), its models and the slots that used them. */
  delete(id: string): Promise<CredentialDeleteResult>
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
  ): Promise<{ added: string[]; skipped: number; rejected: RejectedCredential[]; extra: T }>
}

/** A printable label for a rejected entry: control and direction codes shown as U+FFFD. */
function labelOf(raw: unknown): { provider: string | null; name: string | null } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const text = (v: unknown, max: number) =>
    typeof v === 'string' ? neutralise(v.slice(0, max)) : null
  return { provider: text(r.provider, 64), name: text(r.name, 100) }
}

const notFound = (id: string) =>
  new AppError('not_found', 'No credential with this id.', { id: id.slice(0, 128) })

function find(data: StoreData, id: string): StoredCredential {
  const cred = data.credentials.find((c) => c.id === id)
  if (!cred) throw notFound(id)
  return cred
}

/** Secret fields present on a stored credential. */
function sealedFields(cred: StoredCredential): [SecretName, string][] {
  return (Object.entries(cred.secrets ?? {}) as [SecretName, string | undefined][]).filter(
    (e): e is [SecretName, string] => Boolean(e[1]),
  )
}

function statusOf(cred: StoredCredential, opener: Opener | null): CredentialStatus {
  const fields = sealedFields(cred)
  if (!fields.length) return 'ok'
  if (!opener) return 'decryption_error'
  return fields.every(([f, v]) => opener.open(cred.id, f, v).ok) ? 'ok' : 'decryption_error'
}

function countModels(data: StoreData): Map<string, number> {
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
function claimPrimary(data: StoreData, cred: StoredCredential, wanted: boolean): void {
  cred.isPrimary =
    wanted && !data.credentials.some((c) => c.provider === cred.provider && c.isPrimary)
}
function repairPrimaries(data: StoreData): void {
  for (const provider of new Set(data.credentials.map((c) => c.provider))) {
    const mine = data.credentials.filter((c) => c.provider === provider)
    if (mine.some((c) => c.isPrimary)) continue
    mine.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    )[0]!.isPrimary = true
  }
}

/** A stored credential built from validated create changes (no id, no secrets sealed yet). */
function draftOf(entry: CatalogEntry, changes: CredentialChanges): StoredCredential {
  const cred: StoredCredential = {
    id: '',
    provider: entry.id,
    name: changes.name ?? '',
    baseUrl: null,
    endpoint: null,
    apiVersion: null,
    endpoints: null,
    project: null,
    location: null,
    credentialsPath: null,
    numCtx: null,
    secrets: {},
    keyHint: null,
    allowInsecureHttp: false,
    isPrimary: false,
    createdAt: '',
    updatedAt: '',
  }
  applyChanges(cred, changes)
  return cred
}

/** Marks which secrets the changes will leave set (for the required check before sealing). */
function withSecretMarks(cred: StoredCredential, secrets: SecretChanges): StoredCredential {
  const marks = { ...cred.secrets }
  for (const [field, value] of Object.entries(secrets) as [SecretName, string | null][]) {
    if (value === null) delete marks[field]
    else marks[field] = 'set'
  }
  return { ...cred, secrets: marks }
}

/** Builds the credentials service. */
export function createCredentialsService(deps: CredentialsDeps): CredentialsService {
  const { store, vault, getProvider } = deps
  const now = () => (deps.clock ?? (() => new Date()))().toISOString()
  const newId = deps.newId ?? randomUUID
  const changed = (reason: CredentialsChange, ids: string[]) => deps.onChanged?.(reason, ids)

  const openerFor = async (data: StoreData, creds: StoredCredential[]) =>
    creds.some((c) => sealedFields(c).length) ? vault.opener(data) : null

  /**
   * Seals secrets into `cred` inside a store update: backup import only, which adds many
   * credentials in one update (create and update seal before the lock, see secret-sealing.ts).
   */
  const applySecrets = async (data: StoreData, cred: StoredCredential, changes: SecretChanges) => {
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
    if (changes.apiKey !== undefined)
      cred.keyHint = changes.apiKey ? keyHintOf(changes.apiKey) : null
  }

  const viewOf = async (data: StoreData, cred: StoredCredential, knownOk = false) =>
    toCredentialView(
      cred,
      countModels(data).get(cred.id) ?? 0,
      knownOk ? 'ok' : statusOf(cred, await openerFor(data, [cred])),
    )

  /** The one validation of a create request: the field table, the URL guard, the catalog. */
  const prepare = (input: CredentialCreateRequest) => {
    const entry = getProvider(input.provider)
    const changes = validateInput(entry, input as RawInput, { create: true })
    const draft = draftOf(entry, changes)
    checkRequired(entry, withSecretMarks(draft, changes.secrets))
    return { changes, draft }
  }

  let listCache: {
    data: StoreData
    state: Opener['state'] | null
    views: CredentialView[]
  } | null = null

  const service: CredentialsService = {
    async list(filter = {}) {
      const data = await store.read()
      const opener = await openerFor(data, data.credentials)
      const state = opener?.state ?? null
      // One view per store version and vault state (issue 17): opening 1,000 secrets to tell
      // their status on every list was most of its cost. The store hands out the same frozen
      // data object until the file changes, so identity is the version.
      if (listCache?.data !== data || listCache.state !== state) {
        const counts = countModels(data)
        const views = data.credentials.map((c) =>
          Object.freeze(toCredentialView(c, counts.get(c.id) ?? 0, statusOf(c, opener))),
        )
        listCache = { data, state, views }
      }
      const { views } = listCache
      return filter.provider ? views.filter((v) => v.provider === filter.provider) : [...views]
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
      const view = await updateWithSecrets(
        { store, vault },
        id,
        changes.secrets,
        async (data, apply) => {
          const at = now()
          const cred: StoredCredential = { ...draft, id, createdAt: at, updatedAt: at }
          claimPrimary(data, cred, true)
          await apply(cred)
          data.credentials.push(cred)
          return toCredentialView(cred, 0, 'ok')
        },
      )
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
      // 1. Every entry through the one validation, outside the lock; a bad one is reported, not
      //    fatal. Files are never read on import: a backup carries the service account itself.
      const rejected: RejectedCredential[] = []
      const valid: {
        index: number
        backupId: string | null
        draft: StoredCredential
        secrets: SecretChanges
        wantsPrimary: boolean
      }[] = []
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
      if (valid.some((v) => Object.values(v.secrets).some(Boolean))) await vault.assertAvailable()
      // 2. One locked update: skip what is already here, seal and add the rest, keep one primary
      //    per provider, then let the caller link what hangs off credentials (models, defaults).
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
          await applySecrets(data, cred, v.secrets)
          data.credentials.push(cred)
          if (v.backupId) ids.set(v.backupId, cred.id)
          added.push(cred.id)
        }
        repairPrimaries(data)
        const extra = await within(data, ids)
        return { added, skipped, extra }
      })
      if (out.added.length) changed('created', out.added)
      return { ...out, rejected }
    },

    async delete(id) {
      // Deleting needs no key, so an undecryptable credential can always be removed. Its models
      // go with it (a model without its credential cannot be used, and a second provider
      // credential may have another key or account), and every default slot that pointed at one
      // of them is emptied — not marked as cleared by the user, so auto-assign may refill it.
      const result = await store.update((data) => {
        const cred = find(data, id)
        data.credentials = data.credentials.filter((c) => c.id !== id)
        const gone = data.models.filter((m) => m.credentialId === id).map((m) => m.id)
        data.models = data.models.filter((m) => m.credentialId !== id)
        const clearedSlots = clearSlotsForModels(data, gone)
        for (const key of [id, ...gone]) delete data.lastTests[key]
        if (cred.isPrimary) repairPrimaries(data)
        return { id, deletedModels: gone.length, clearedSlots: clearedSlots as string[] }
      })
      changed('deleted', [id])
      return result
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
      const cred = find(data, id)
      const out: DecryptedCredential = {
        id: cred.id,
        provider: cred.provider,
        name: cred.name,
        baseUrl: cred.baseUrl,
        endpoint: cred.endpoint,
        apiVersion: cred.apiVersion,
        endpoints: cred.endpoints ? { ...cred.endpoints } : null,
        project: cred.project,
        location: cred.location,
        credentialsPath: cred.credentialsPath,
        numCtx: cred.numCtx,
        apiKey: null,
        serviceAccountJson: null,
        allowInsecureHttp: Boolean(cred.allowInsecureHttp),
      }
      const fields = sealedFields(cred)
      if (!fields.length) return out
      const opener = await vault.opener(data)
      for (const [field, sealed] of fields) {
        const r = opener.open(cred.id, field, sealed)
        if (r.ok) {
          out[field] = r.value
          continue
        }
        if (r.reason === 'locked') throw lockedError()
        if (r.reason === 'wrong_key') throw wrongKeyError()
        throw new AppError(
          'decryption_error',
          "This credential's secret could not be decrypted; delete it or enter the key again.",
          { id: cred.id, provider: cred.provider, field },
        )
      }
      return out
    },
  }
  return service
}
