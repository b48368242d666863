/**
 * Channels of the defaults domain (DESIGN §3): the 7 default-model slots, their problems, and
 * auto-assign. `DefaultsJson` and `AutoAssignResult` are also what the CLI prints with `--json`.
 */
import { z } from 'zod'
import { channel } from './define'
import { ModelsEntityId } from './models'
import type { ModelType } from './models-shared'
import { defaultSlots } from './slot-names'

// The list itself is plain data in slot-names.ts (the CLI reads it before zod loads).
export { defaultSlots }
export const DefaultSlotName = z.enum(defaultSlots)
export type DefaultSlotName = z.infer<typeof DefaultSlotName>

/** Why a slot cannot be trusted; null when it is fine (or simply empty). */
export type SlotProblem =
  'missing_model' | 'credential_undecryptable' | 'credential_failing' | 'type_mismatch'

/**
 * One slot as the UI sees it (`defaults:get`). The CLI prints no JSON of it: `switchboard
 * defaults` shows it as a SLOT / MODEL / NOTE table (required slots starred, the effective model,
 * fallback, problem and cleared as notes); `defaults --json` prints only `DefaultsJson`.
 */
export interface SlotView {
  slot: DefaultSlotName
  /** The model type the slot needs. */
  type: ModelType
  required: boolean
  /** The model chosen for this slot; null when empty. */
  modelId: string | null
  /** What actually runs: the slot's model, or chat's for an empty fallback slot. */
  effectiveModelId: string | null
  /** True when the slot is empty and uses the chat model instead. */
  fallback: boolean
  /** The user emptied this slot on purpose; auto-assign leaves it alone. */
  cleared: boolean
  /** What is wrong with the effective model, if anything. */
  problem: SlotProblem | null
}

/** `defaults:get`: every slot, plus the required slots that are empty or broken. */
export interface DefaultsView {
  slots: Record<DefaultSlotName, SlotView>
  /** Required slots with no usable model (empty or `missing_model`): the banner's list. */
  missingRequired: DefaultSlotName[]
}

/** The CLI's `defaults --json` shape (DESIGN §9): model id per slot, or null. */
export type DefaultsJson = Record<DefaultSlotName, string | null>

/** `defaults:set` result. */
export interface SetDefaultResult {
  slot: DefaultSlotName
  modelId: string | null
  previousModelId: string | null
  /** The embedding model changed: embeddings stored elsewhere with the old one no longer match. */
  embeddingChanged: boolean
  defaults: DefaultsView
}

/** Why auto-assign left a required slot alone. */
export type AutoAssignSkipReason = 'already_set' | 'cleared' | 'no_healthy_model'

/** `defaults:autoAssign` result. */
export interface AutoAssignResult {
  assigned: { slot: DefaultSlotName; modelId: string }[]
  skipped: { slot: DefaultSlotName; reason: AutoAssignSkipReason }[]
  /** Required slots still empty because no model of their type is registered. */
  missing: DefaultSlotName[]
}

export const defaultsChannels = {
  'defaults:get': channel<DefaultsView>()(z.object({}).strict()),
  /** Sets a slot; `modelId: null` empties it and remembers that the user did. */
  'defaults:set': channel<SetDefaultResult>()(
    z.object({ slot: DefaultSlotName, modelId: ModelsEntityId.nullable() }).strict(),
  ),
  'defaults:autoAssign': channel<AutoAssignResult>()(z.object({}).strict()),
}

export const defaultsEvents = {}
