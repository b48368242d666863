/**
 * The 7 default slots (DESIGN §3, issue 7): what each needs, and the rules over the stored
 * defaults — their JSON, each slot's effective model and problem, emptying slots whose models go.
 * Pure functions over StoreData; the defaults service and the credentials/models services use them.
 */
import {
  defaultSlots,
  type DefaultSlotName,
  type DefaultsJson,
  type DefaultsView,
  type SlotProblem,
  type SlotView,
} from '../../src-preload/contract/defaults'
import type { ModelType } from '../../src-preload/contract/models-shared'
import { fallsBackToChat } from '../../src-preload/contract/slot-names'
import { AppError } from '../errors'
import type { StoreData } from '../store/schema'

/** What each slot needs: its model type and whether it is required. */
const SLOT_NEEDS: Record<DefaultSlotName, { type: ModelType; required: boolean }> = {
  chat: { type: 'language', required: true },
  embedding: { type: 'embedding', required: true },
  textToSpeech: { type: 'text_to_speech', required: false },
  speechToText: { type: 'speech_to_text', required: false },
  transformation: { type: 'language', required: false },
  tools: { type: 'language', required: false },
  largeContext: { type: 'language', required: false },
}

/** Each slot's needs, and whether it falls back to chat (the contract's advanced slots). */
export const SLOT_SPECS = Object.fromEntries(
  defaultSlots.map((s) => [s, { ...SLOT_NEEDS[s], fallsBackToChat: fallsBackToChat(s) }]),
) as Record<DefaultSlotName, { type: ModelType; required: boolean; fallsBackToChat: boolean }>

export const REQUIRED_SLOTS: DefaultSlotName[] = defaultSlots.filter((s) => SLOT_SPECS[s].required)

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
  const slots = {} as Record<DefaultSlotName, SlotView>
  for (const slot of defaultSlots) {
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
export function clearSlotsForModels(
  data: StoreData,
  modelIds: Iterable<string>,
): DefaultSlotName[] {
  const gone = new Set(modelIds)
  const defaults = ensureDefaults(data)
  const cleared: DefaultSlotName[] = []
  for (const slot of defaultSlots) {
    const id = defaults.slots[slot]
    if (id !== null && gone.has(id)) {
      defaults.slots[slot] = null
      cleared.push(slot)
    }
  }
  return cleared
}

export function assertSlot(slot: string): asserts slot is DefaultSlotName {
  if (!(defaultSlots as readonly string[]).includes(slot)) {
    throw new AppError('validation', 'Unknown default slot.', {
      slot,
      allowed: defaultSlots.join(', '),
    })
  }
}

/** The stored defaults, filled in when an older or hand-edited store lacks parts of them. */
export function ensureDefaults(data: StoreData): StoreData['defaults'] {
  data.defaults ??= { slots: {} as StoreData['defaults']['slots'], cleared: [] }
  data.defaults.slots ??= {} as StoreData['defaults']['slots']
  data.defaults.cleared ??= []
  for (const s of defaultSlots) data.defaults.slots[s] ??= null
  return data.defaults
}
