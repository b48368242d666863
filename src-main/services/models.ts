/**
 * Models use cases (DESIGN §5, §12, issue 6): discover a credential's models through its
 * adapter, register the chosen ones, list and remove them, and run a model test per type.
 * Discovery failures come back as a coded error beside an empty list, never as a silent one.
 */
import { randomUUID } from 'node:crypto'
import { testCodes, type ErrorCode, type TestCode } from '../../src-preload/contract/errors'
import type {
  DiscoverResult,
  ModelTestResult,
  ModelView,
  RegisterResult,
  UnregisterResult,
} from '../../src-preload/contract/models'
import type { ModelType } from '../../src-preload/contract/models-shared'
import { AppError, scrub } from '../errors'
import { credentialSecrets } from '../secrets/scrub'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  GuardedFetch,
  ProviderAdapter,
} from '../providers/adapter-types'
import type { CatalogEntry, ProviderId } from '../providers/catalog-types'
import type { StoreData, StoredModel, Store } from '../store/schema'
import { clearSlotsForModels } from './default-slots'
import { modelKey, toDiscoveredViews, toView, validateItems } from './model-views'

export interface ModelsDeps {
  store: Store
  /** The credential with its secrets (credentials service); throws AppError (`decryption_error`, `vault_locked`, …). */
  getDecrypted: (credentialId: string) => Promise<DecryptedCredential>
  /** The catalog entry of a provider. */
  getProvider: (provider: ProviderId) => CatalogEntry
  /** The adapter speaking an entry's API. */
  getAdapter: (entry: CatalogEntry) => ProviderAdapter
  fetch: GuardedFetch
  clock?: () => Date
  newId?: () => string
  /** The bundled speech clip for speech_to_text tests. */
  sttClip?: () => Promise<Buffer>
  /** Called after models were added or removed (slots may have been emptied with them). */
  onChanged?: () => void
}

/** The models use cases over one store. */
export interface ModelsService {
  /** Lists the credential's models with types; adapter failures come back in `error`. */
  discover(credentialId: string, signal?: AbortSignal): Promise<DiscoverResult>
  /** Registers models for a credential; (name, type) already there (any case) is reported, not duplicated. */
  register(
    credentialId: string,
    models: { name: string; type: ModelType }[],
  ): Promise<RegisterResult>
  /** Registered models, optionally of one type or one credential, sorted by name then type. */
  list(filter?: { type?: ModelType; credentialId?: string }): Promise<ModelView[]>
  /** Removes a model and empties the default slots that used it. */
  unregister(modelId: string): Promise<UnregisterResult>
  /** Exercises one registered model by its type (chat, embedding, TTS, STT). */
  modelTest(modelId: string, signal?: AbortSignal): Promise<ModelTestResult>
}

const TEST_CODES: ReadonlySet<string> = new Set(testCodes)

/** Builds the models service. */
export function createModelsService(deps: ModelsDeps): ModelsService {
  const clock = deps.clock ?? (() => new Date())
  const newId = deps.newId ?? randomUUID

  const credentialOf = (data: StoreData, credentialId: string) => {
    const cred = data.credentials.find((c) => c.id === credentialId)
    if (!cred) throw new AppError('not_found', 'No credential has this id.', { credentialId })
    return cred
  }

  return {
    async discover(credentialId, signal) {
      const cred = credentialOf(await deps.store.read(), credentialId)
      const entry = deps.getProvider(cred.provider)
      const base = { credentialId, provider: cred.provider }
      // Static lists (Voyage, Deepgram, Vertex, …) come from the adapter too: it checks the
      // credential is usable first, and may prefer a live listing where one exists.
      let listed: DiscoveredModel[]
      let secrets: string[] = []
      try {
        const decrypted = await deps.getDecrypted(credentialId)
        secrets = secretsOf(decrypted)
        const ctx: AdapterContext = { entry, fetch: deps.fetch, signal }
        listed = await deps.getAdapter(entry).discover(decrypted, ctx)
        if (!Array.isArray(listed)) throw new AppError('internal', 'The adapter returned no list.')
      } catch (err) {
        if (isSetupError(err)) throw err
        return { ...base, models: [], error: errorBody(err, secrets) }
      }
      // Re-read: discovery can take a while, and the registered marks should be current.
      const registered = (await deps.store.read()).models.filter(
        (m) => m.credentialId === credentialId,
      )
      return {
        ...base,
        models: toDiscoveredViews(listed, registered, cred.provider),
        error: null,
      }
    },

    async register(credentialId, models) {
      const items = validateItems(models)
      const result = await deps.store.update((data) => {
        const cred = credentialOf(data, credentialId)
        const created: ModelView[] = []
        const existing: ModelView[] = []
        const seen = new Set<string>()
        for (const item of items) {
          const key = modelKey(item.name, item.type)
          if (seen.has(key)) continue
          seen.add(key)
          const found = data.models.find(
            (m) => m.credentialId === credentialId && modelKey(m.name, m.type) === key,
          )
          if (found) {
            existing.push(toView(found))
            continue
          }
          const model: StoredModel = {
            id: newId(),
            name: item.name,
            provider: cred.provider,
            type: item.type,
            credentialId,
            createdAt: clock().toISOString(),
          }
          data.models.push(model)
          created.push(toView(model))
        }
        return { created, existing }
      })
      if (result.created.length) deps.onChanged?.()
      return result
    },

    async list(filter = {}) {
      const { models } = await deps.store.read()
      return models
        .filter((m) => (filter.type ? m.type === filter.type : true))
        .filter((m) => (filter.credentialId ? m.credentialId === filter.credentialId : true))
        .map(toView)
        .sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type))
    },

    async unregister(modelId) {
      const result = await deps.store.update((data) => {
        const index = data.models.findIndex((m) => m.id === modelId)
        if (index === -1)
          throw new AppError('not_found', 'No registered model has this id.', { modelId })
        const [removed] = data.models.splice(index, 1)
        const clearedSlots = clearSlotsForModels(data, [modelId])
        return { removed: toView(removed!), clearedSlots }
      })
      deps.onChanged?.()
      return result
    },

    async modelTest(modelId, signal) {
      const data = await deps.store.read()
      const model = data.models.find((m) => m.id === modelId)
      if (!model) throw new AppError('not_found', 'No registered model has this id.', { modelId })
      const cred = credentialOf(data, model.credentialId)
      const entry = deps.getProvider(cred.provider)
      const base = { modelId, name: model.name, provider: model.provider, type: model.type }
      const started = performance.now()
      const elapsed = () => Math.round(performance.now() - started)
      let secrets: string[] = []
      try {
        const decrypted = await deps.getDecrypted(cred.id)
        secrets = secretsOf(decrypted)
        const ctx: AdapterContext = { entry, fetch: deps.fetch, signal, sttClip: deps.sttClip }
        const out = await deps
          .getAdapter(entry)
          .modelTest(decrypted, { name: model.name, type: model.type }, ctx)
        const result: ModelTestResult = {
          ...base,
          ok: out.ok,
          code: out.code,
          message: scrub(out.message ?? '', secrets, 500),
          latencyMs: out.latencyMs ?? elapsed(),
        }
        if (out.result) result.result = scrubResult(out.result, secrets)
        return result
      } catch (err) {
        // Adapters report failures as outcomes; a coded test failure thrown anyway is one too.
        if (err instanceof AppError && TEST_CODES.has(err.code)) {
          return {
            ...base,
            ok: false,
            code: err.code as TestCode,
            message: scrub(err.message, secrets, 500),
            latencyMs: elapsed(),
          }
        }
        throw err
      }
    },
  }
}

/** Errors that are about Switchboard's own state, not the provider: they propagate as thrown. */
function isSetupError(err: unknown): boolean {
  return (
    err instanceof AppError &&
    (err.code === 'not_found' || err.code === 'vault_locked' || err.code === 'vault_wrong_key')
  )
}

function errorBody(err: unknown, secrets: readonly string[]): NonNullable<DiscoverResult['error']> {
  if (err instanceof AppError) {
    const body: NonNullable<DiscoverResult['error']> = {
      code: err.code,
      message: scrub(err.message, secrets, 500),
    }
    if (err.params) {
      body.params = Object.fromEntries(
        Object.entries(err.params).map(([k, v]) => [
          k,
          typeof v === 'string' ? scrub(v, secrets) : v,
        ]),
      )
    }
    return body
  }
  return { code: 'internal' as ErrorCode, message: 'Discovery failed inside Switchboard.' }
}

/** Every secret of the credential, in the forms the scrubber searches for. */
function secretsOf(c: DecryptedCredential): string[] {
  return credentialSecrets(c)
}

function scrubResult(r: NonNullable<ModelTestResult['result']>, secrets: readonly string[]) {
  // The clip stays in main: a model test answers its size only.
  const { audio: _audio, ...rest } = r as typeof r & { audio?: unknown }
  const out: NonNullable<ModelTestResult['result']> = { ...rest }
  if (typeof r.reply === 'string') out.reply = scrub(r.reply, secrets)
  if (typeof r.transcript === 'string') out.transcript = scrub(r.transcript, secrets)
  return out
}
