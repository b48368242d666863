/**
 * Default models per job (DESIGN §3, issue 7): the 7 slots, their problems (stale model, broken
 * credential, wrong type), setting and clearing them, and auto-assign by the preference table in
 * model-preferences.ts. Metadata only: nothing here decrypts a secret or talks to the network.
 */
import {
  defaultSlots,
  type AutoAssignResult,
  type DefaultSlotName,
  type DefaultsJson,
  type DefaultsView,
  type SetDefaultResult,
  type SlotProblem,
  type SlotView,
} from '../../src-preload/contract/defaults'
import type { ModelType } from '../../src-preload/contract/models-shared'
import { AppError } from '../errors'
import { classifyIp } from '../net/ip-address'
import type { ProviderId } from '../providers/catalog-types'
import {
  DEFAULT_SLOTS,
  type DefaultSlot,
  type StoreData,
  type StoredCredential,
  type StoredModel,
  type Store,
} from '../store/schema'
import {
  ALWAYS_LOCAL_PROVIDERS,
  LOCAL_PROVIDER_PREFERENCE,
  MODEL_PREFERENCES,
  PROVIDER_PREFERENCE,
  SELF_HOSTED_PROVIDERS,
} from './model-preferences'

// The contract's slot list and the store's must be the same set; this fails the typecheck if not.
type SameSlots = [DefaultSlot] extends [DefaultSlotName]
  ? [DefaultSlotName] extends [DefaultSlot]
    ? true
    : never
  : never
const slotsAgree: SameSlots = true
void slotsAgree

/** What each slot needs: its model type, whether it is required, and whether it falls back to chat. */
export const SLOT_SPECS: Record<
  DefaultSlot,
  { type: ModelType; required: boolean; fallsBackToChat: boolean }
> = {
  chat: { type: 'language', required: true, fallsBackToChat: false },
  embedding: { type: 'embedding', required: true, fallsBackToChat: false },
  textToSpeech: { type: 'text_to_speech', required: false, fallsBackToChat: false },
  speechToText: { type: 'speech_to_text', required: false, fallsBackToChat: false },
  transformation: { type: 'language', required: false, fallsBackToChat: true },
  tools: { type: 'language', required: false, fallsBackToChat: true },
  largeContext: { type: 'language', required: false, fallsBackToChat: true },
}

export const REQUIRED_SLOTS: DefaultSlot[] = DEFAULT_SLOTS.filter((s) => SLOT_SPECS[s].required)

export interface DefaultsDeps {
  store: Store
  /**
   * Ids of credentials whose secrets cannot be decrypted (the credentials service's
   * `status: decryption_error`). Optional: without it only a stored `decryption_error` test
   * result marks a credential undecryptable.
   */
  undecryptableCredentialIds?: () => Promise<Iterable<string>>
}

/** The defaults use cases over one store. */
export interface DefaultsService {
  /** Every slot with its effective model, fallback and problem. */
  get(): Promise<DefaultsView>
  /** The CLI's `defaults --json`: model id per slot, or null. */
  getJson(): Promise<DefaultsJson>
  /** Sets (or, with null, clears on purpose) one slot after checking the model fits it. */
  set(slot: DefaultSlot, modelId: string | null): Promise<SetDefaultResult>
  /** Fills the empty required slots the user did not clear, by the preference table. */
  autoAssign(): Promise<AutoAssignResult>
}

/** Builds the defaults service. */
export function createDefaultsService(deps: DefaultsDeps): DefaultsService {
  const undecryptable = async (data: StoreData): Promise<Set<string>> => {
    const ids = new Set(
      deps.undecryptableCredentialIds ? await deps.undecryptableCredentialIds() : [],
    )
    for (const [id, t] of Object.entries(data.lastTests ?? {})) {
      if (t?.code === 'decryption_error') ids.add(id)
    }
    return ids
  }

  const view = async (data: StoreData) => computeDefaultsView(data, await undecryptable(data))

  return {
    async get() {
      return view(await deps.store.read())
    },

    async getJson() {
      return defaultsJson(await deps.store.read())
    },

    async set(slot, modelId) {
      assertSlot(slot)
      const previousModelId = await deps.store.update((data) => {
        const defaults = ensureDefaults(data)
        const previous = defaults.slots[slot] ?? null
        if (modelId !== null) {
          const model = data.models.find((m) => m.id === modelId)
          if (!model)
            throw new AppError('not_found', 'No registered model has this id.', { modelId })
          const expected = SLOT_SPECS[slot].type
          if (model.type !== expected) {
            throw new AppError('validation', `The ${slot} slot needs a ${expected} model.`, {
              slot,
              expected,
              actual: model.type,
            })
          }
        }
        defaults.slots[slot] = modelId
        const others = defaults.cleared.filter((s) => s !== slot)
        defaults.cleared = modelId === null ? [...others, slot] : others
        return previous
      })
      const data = await deps.store.read()
      return {
        slot,
        modelId,
        previousModelId,
        embeddingChanged:
          slot === 'embedding' && previousModelId !== null && previousModelId !== modelId,
        defaults: await view(data),
      }
    },

    async autoAssign() {
      const before = await deps.store.read()
      const broken = await undecryptable(before)
      return deps.store.update((data) => autoAssignInto(data, broken))
    },
  }
}

/** Exactly the CLI JSON of DESIGN §9: `{chat, embedding, …}` model ids or null. */
export function defaultsJson(data: StoreData): DefaultsJson {
  const slots = data.defaults?.slots
  return Object.fromEntries(defaultSlots.map((s) => [s, slots?.[s] ?? null])) as DefaultsJson
}

/** Why a model cannot be trusted for a slot of type `type`, or null. */
export function modelProblem(
  data: StoreData,
  modelId: string,
  type: ModelType,
  undecryptable: ReadonlySet<string>,
): SlotProblem | null {
  const model = data.models.find((m) => m.id === modelId)
  // A model whose credential is gone is as unusable as a deleted model.
  if (!model || !data.credentials.some((c) => c.id === model.credentialId)) return 'missing_model'
  if (model.type !== type) return 'type_mismatch'
  if (undecryptable.has(model.credentialId)) return 'credential_undecryptable'
  const last = data.lastTests?.[model.credentialId]
  if (last && !last.code.startsWith('ok')) return 'credential_failing'
  return null
}

/** Every slot's view: effective model (chat for an empty fallback slot), fallback, problem. */
export function computeDefaultsView(
  data: StoreData,
  undecryptable: ReadonlySet<string>,
): DefaultsView {
  const stored = defaultsJson(data)
  const cleared = new Set(data.defaults?.cleared ?? [])
  const slots = {} as Record<DefaultSlot, SlotView>
  for (const slot of DEFAULT_SLOTS) {
    const spec = SLOT_SPECS[slot]
    const modelId = stored[slot]
    const fallback = modelId === null && spec.fallsBackToChat
    const effectiveModelId = fallback ? stored.chat : modelId
    slots[slot] = {
      slot,
      type: spec.type,
      required: spec.required,
      modelId,
      effectiveModelId,
      fallback,
      cleared: cleared.has(slot),
      problem:
        effectiveModelId === null
          ? null
          : modelProblem(data, effectiveModelId, spec.type, undecryptable),
    }
  }
  const missingRequired = REQUIRED_SLOTS.filter(
    (s) => slots[s].modelId === null || slots[s].problem === 'missing_model',
  )
  return { slots, missingRequired }
}

/**
 * Empties every slot that points at one of `modelIds` (their models are going away) and
 * returns those slots. Not recorded as user-cleared, so auto-assign may refill required ones.
 * Mutates `data`; call it inside `store.update` (the credentials service may too, on delete).
 */
export function clearSlotsForModels(data: StoreData, modelIds: Iterable<string>): DefaultSlot[] {
  const gone = new Set(modelIds)
  const defaults = ensureDefaults(data)
  const cleared: DefaultSlot[] = []
  for (const slot of DEFAULT_SLOTS) {
    const id = defaults.slots[slot]
    if (id !== null && gone.has(id)) {
      defaults.slots[slot] = null
      cleared.push(slot)
    }
  }
  return cleared
}

/** Auto-assign on `data` in place (call inside `store.update`); returns the report. */
export function autoAssignInto(
  data: StoreData,
  undecryptable: ReadonlySet<string>,
): AutoAssignResult {
  const defaults = ensureDefaults(data)
  const result: AutoAssignResult = { assigned: [], skipped: [], missing: [] }
  for (const slot of REQUIRED_SLOTS) {
    const current = defaults.slots[slot]
    const type = SLOT_SPECS[slot].type
    // A slot pointing at a deleted model is empty in all but name: fill it.
    const dangling =
      current !== null && modelProblem(data, current, type, undecryptable) === 'missing_model'
    if (current !== null && !dangling) {
      result.skipped.push({ slot, reason: 'already_set' })
      continue
    }
    if (current === null && defaults.cleared.includes(slot)) {
      result.skipped.push({ slot, reason: 'cleared' })
      continue
    }
    const candidates = data.models.filter((m) => m.type === type)
    if (candidates.length === 0) {
      if (dangling) defaults.slots[slot] = null
      result.missing.push(slot)
      continue
    }
    const healthy = candidates.filter((m) => modelProblem(data, m.id, type, undecryptable) === null)
    const best = rankModels(healthy, data.credentials, type)[0]
    if (!best) {
      result.skipped.push({ slot, reason: 'no_healthy_model' })
      continue
    }
    defaults.slots[slot] = best.id
    result.assigned.push({ slot, modelId: best.id })
  }
  return result
}

/**
 * Orders models of one type best first: provider (cloud order when a cloud credential exists,
 * local first otherwise), then the provider's model preferences, then the primary credential,
 * then an exact name over a fragment, the shorter name, and the earlier registration.
 */
export function rankModels(
  models: readonly StoredModel[],
  credentials: readonly StoredCredential[],
  type: ModelType,
): StoredModel[] {
  const hasCloud = credentials.some(isCloudCredential)
  const credById = new Map(credentials.map((c) => [c.id, c]))
  const providerRank = (m: StoredModel): number => {
    const cred = credById.get(m.credentialId)
    const base = indexOr(PROVIDER_PREFERENCE, m.provider)
    if (hasCloud) return base
    // No cloud key: everything on this machine or network first, in the local order.
    const local = cred ? isLocalCredential(cred) : false
    return local ? indexOr(LOCAL_PROVIDER_PREFERENCE, m.provider) : 1000 + base
  }
  const keyed = models.map((m, order) => {
    const cred = credById.get(m.credentialId)
    const prefs = MODEL_PREFERENCES[m.provider]?.[type] ?? []
    const name = m.name.toLowerCase()
    let prefIndex = prefs.length
    let exact = 1
    for (let i = 0; i < prefs.length; i++) {
      const p = prefs[i]!.toLowerCase()
      if (name === p || name.includes(p)) {
        prefIndex = i
        exact = name === p ? 0 : 1
        break
      }
    }
    return {
      m,
      key: [
        providerRank(m),
        prefIndex,
        cred?.isPrimary ? 0 : 1,
        cred?.createdAt ?? '',
        exact,
        prefIndex < prefs.length ? m.name.length : 0,
        m.createdAt,
        order,
      ] as const,
    }
  })
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const x = a.key[i]!
      const y = b.key[i]!
      if (x < y) return -1
      if (x > y) return 1
    }
    return 0
  })
  return keyed.map((k) => k.m)
}

/** A hosted provider's credential (not a self-hosted kind, whatever URL a compat one points at). */
export function isCloudCredential(cred: Pick<StoredCredential, 'provider'>): boolean {
  return !SELF_HOSTED_PROVIDERS.includes(cred.provider)
}

/**
 * A credential that runs on the user's own machine or network: Ollama, LM Studio and oMLX
 * always; the compat providers when their base URL is loopback or a private LAN address.
 */
export function isLocalCredential(cred: Pick<StoredCredential, 'provider' | 'baseUrl'>): boolean {
  if (ALWAYS_LOCAL_PROVIDERS.includes(cred.provider)) return true
  if (!SELF_HOSTED_PROVIDERS.includes(cred.provider)) return false
  return cred.baseUrl ? isLocalUrl(cred.baseUrl) : false
}

/** True for loopback, RFC 1918 / CGNAT addresses and `localhost`, `.local`, `.lan` names. */
export function isLocalUrl(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return false
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1)
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host.endsWith('.local') || host.endsWith('.lan') || host === 'host.docker.internal')
    return true
  const verdict = classifyIp(host)
  return verdict !== null && verdict.ok && verdict.kind !== 'public'
}

function indexOr(list: readonly ProviderId[], id: ProviderId): number {
  const i = list.indexOf(id)
  return i === -1 ? list.length : i
}

function assertSlot(slot: string): asserts slot is DefaultSlot {
  if (!(DEFAULT_SLOTS as readonly string[]).includes(slot)) {
    throw new AppError('validation', 'Unknown default slot.', {
      slot,
      allowed: DEFAULT_SLOTS.join(', '),
    })
  }
}

/** The stored defaults, filled in when an older or hand-edited store lacks parts of them. */
function ensureDefaults(data: StoreData): StoreData['defaults'] {
  data.defaults ??= { slots: {} as StoreData['defaults']['slots'], cleared: [] }
  data.defaults.slots ??= {} as StoreData['defaults']['slots']
  data.defaults.cleared ??= []
  for (const s of DEFAULT_SLOTS) data.defaults.slots[s] ??= null
  return data.defaults
}
