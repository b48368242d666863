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
import { AppError } from '../errors'
import type { DecryptedCredential } from '../providers/adapter-types'
import type { CatalogEntry } from '../providers/catalog-types'
import type { Store, StoreData, StoredCredential } from '../store/schema'
import { lockedError, wrongKeyError, type Opener, type Vault } from '../vault/vault'
import {
  PLAIN_FIELDS,
  checkRequired,
  checkServiceAccountJson,
  cleanEndpoints,
  cleanPlain,
  cleanText,
  hasField,
  invalid,
  readServiceAccountFile,
} from './credential-input'
import { toCredentialView } from './credential-view'
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
  /** Changes only the given fields (empty / absent key keeps the stored one, null clears). */
  update(id: string, patch: CredentialPatch): Promise<CredentialView>
  /** Removes a credential (also an undecryptable one), its models and the slots that used them. */
  delete(id: string): Promise<CredentialDeleteResult>
  /** Makes a credential its provider's primary one. */
  setPrimary(id: string): Promise<CredentialView>
  /** The credential with secrets decrypted, for adapters only. Never send it to a renderer. */
  getDecrypted(id: string): Promise<DecryptedCredential>
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

/** The secret changes a create / update asks for, validated against the provider. */
function secretChanges(
  entry: CatalogEntry,
  input: {
    apiKey?: string | null
    serviceAccountJson?: string | null
    credentialsPath?: string | null
  },
): SecretChanges {
  const out: SecretChanges = {}
  if (input.apiKey === null) out.apiKey = null
  else if (input.apiKey !== undefined) {
    const key = input.apiKey.trim()
    // An empty key field means "keep the stored key" (the edit form leaves it blank).
    if (key) {
      if (!hasField(entry, 'apiKey')) {
        throw invalid(
          'apiKey',
          'not_supported',
          `${entry.displayName} credentials have no API key.`,
        )
      }
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
      if (/[\u0000-\u001f\u007f]/.test(key)) {
        throw invalid('apiKey', 'invalid_characters', 'The API key contains control characters.')
      }
      out.apiKey = key
    }
  }
  const accountAllowed = hasField(entry, 'credentialsPath')
  if (input.serviceAccountJson === null) out.serviceAccountJson = null
  else if (input.serviceAccountJson !== undefined && input.serviceAccountJson.trim()) {
    if (!accountAllowed) {
      throw invalid(
        'serviceAccountJson',
        'not_supported',
        `${entry.displayName} has no service account.`,
      )
    }
    out.serviceAccountJson = checkServiceAccountJson(input.serviceAccountJson.trim())
  }
  // Vertex: the file's content is imported and encrypted, so moving the file later breaks nothing.
  if (
    out.serviceAccountJson === undefined &&
    accountAllowed &&
    input.credentialsPath !== undefined
  ) {
    const file = cleanText(input.credentialsPath)
    out.serviceAccountJson = file ? readServiceAccountFile(file) : null
  }
  return out
}

/** Builds the credentials service. */
export function createCredentialsService(deps: CredentialsDeps): CredentialsService {
  const { store, vault, getProvider } = deps
  const now = () => (deps.clock ?? (() => new Date()))().toISOString()
  const newId = deps.newId ?? randomUUID
  const changed = (reason: CredentialsChange, ids: string[]) => deps.onChanged?.(reason, ids)

  const openerFor = async (data: StoreData, creds: StoredCredential[]) =>
    creds.some((c) => sealedFields(c).length) ? vault.opener(data) : null

  const viewOf = async (data: StoreData, cred: StoredCredential, knownOk = false) =>
    toCredentialView(
      cred,
      countModels(data).get(cred.id) ?? 0,
      knownOk ? 'ok' : statusOf(cred, await openerFor(data, [cred])),
    )

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

    async create(input) {
      const entry = getProvider(input.provider)
      const name = cleanText(input.name)
      if (!name) throw invalid('name', 'required', 'A name is required.')
      const plain = Object.fromEntries(
        PLAIN_FIELDS.map((f) => [f, cleanPlain(entry, f, input[f] ?? null)]),
      ) as Pick<StoredCredential, (typeof PLAIN_FIELDS)[number]>
      const endpoints = cleanEndpoints(entry, null, input.endpoints)
      const secrets = secretChanges(entry, input)
      const draft: StoredCredential = {
        id: '',
        provider: entry.id,
        name,
        ...plain,
        endpoints,
        secrets: Object.fromEntries(Object.entries(secrets).filter(([, v]) => v)),
        keyHint: null,
        allowInsecureHttp: input.allowInsecureHttp ?? false,
        isPrimary: false,
        createdAt: '',
        updatedAt: '',
      }
      checkRequired(entry, draft)
      // Fail closed before touching the disk: no master key, no secret saved.
      if (Object.keys(draft.secrets).length) await vault.assertAvailable()
      // The id is minted first: secrets are sealed to it (AAD) before the store lock is taken.
      const id = newId()
      const view = await updateWithSecrets({ store, vault }, id, secrets, async (data, apply) => {
        const at = now()
        const cred: StoredCredential = { ...draft, id, secrets: {}, createdAt: at, updatedAt: at }
        cred.isPrimary = !data.credentials.some((c) => c.provider === cred.provider && c.isPrimary)
        await apply(cred)
        data.credentials.push(cred)
        return toCredentialView(cred, 0, 'ok')
      })
      changed('created', [view.id])
      return view
    },

    async update(id, patch) {
      const snapshot = await store.read()
      const stored = find(snapshot, id)
      const entry = getProvider(stored.provider)
      // Re-import the service-account file only when the path changes (the edit form re-sends it).
      const samePath =
        patch.credentialsPath !== undefined &&
        cleanText(patch.credentialsPath) === stored.credentialsPath &&
        Boolean(stored.secrets?.serviceAccountJson)
      const secrets = secretChanges(
        entry,
        samePath ? { ...patch, credentialsPath: undefined } : patch,
      )
      if (Object.values(secrets).some((v) => typeof v === 'string')) await vault.assertAvailable()
      const name = patch.name === undefined ? undefined : cleanText(patch.name)
      if (patch.name !== undefined && !name)
        throw invalid('name', 'required', 'A name is required.')
      const plain: Partial<Record<(typeof PLAIN_FIELDS)[number], string | number | null>> = {}
      for (const f of PLAIN_FIELDS) {
        if (patch[f] !== undefined) plain[f] = cleanPlain(entry, f, patch[f])
      }
      const updated = await updateWithSecrets(
        { store, vault },
        id,
        secrets,
        async (data, apply) => {
          const cred = find(data, id)
          if (name) cred.name = name
          Object.assign(cred, plain)
          cred.endpoints = cleanEndpoints(entry, cred.endpoints ?? null, patch.endpoints)
          if (patch.allowInsecureHttp !== undefined)
            cred.allowInsecureHttp = patch.allowInsecureHttp
          await apply(cred)
          checkRequired(entry, cred)
          cred.updatedAt = now()
          return structuredClone(cred)
        },
      )
      changed('updated', [id])
      // The view (its status opens the secrets) is built after the lock is released.
      return viewOf(await store.read(), updated)
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
        if (cred.isPrimary) {
          const next = data.credentials
            .filter((c) => c.provider === cred.provider)
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0]
          if (next) next.isPrimary = true
        }
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
