/** The default slots grouped as the Models page shows them (DESIGN §3), and their i18n keys. */
import type {
  DefaultSlotName,
  DefaultsView,
  ModelView,
  SlotProblem,
} from '../../../src-preload/contract'

/** Primary row: chat and embedding are required, TTS and STT optional. */
export const PRIMARY_SLOTS = [
  'chat',
  'embedding',
  'textToSpeech',
  'speechToText',
] as const satisfies readonly DefaultSlotName[]

/** Advanced group: optional language slots that fall back to chat. */
export const ADVANCED_SLOTS = [
  'transformation',
  'tools',
  'largeContext',
] as const satisfies readonly DefaultSlotName[]

/** i18n key of a problem (`models:problems.<key>`). */
export const PROBLEM_KEY: Record<SlotProblem, string> = {
  missing_model: 'missingModel',
  credential_undecryptable: 'credentialUndecryptable',
  credential_failing: 'credentialFailing',
  type_mismatch: 'typeMismatch',
}

/** The slots whose own choice (not a fallback) is this model: what removing it empties. */
export function slotsUsing(view: DefaultsView | null, modelId: string): DefaultSlotName[] {
  if (!view) return []
  return (Object.values(view.slots) as DefaultsView['slots'][DefaultSlotName][])
    .filter((s) => s.modelId === modelId)
    .map((s) => s.slot)
}

/** A model's name by id, or null when it is not registered. */
export function modelName(models: readonly ModelView[], id: string | null): string | null {
  if (!id) return null
  return models.find((m) => m.id === id)?.name ?? null
}

/** Slot names as words joined for a sentence ("Chat, Tools"). */
export function slotList(t: (key: string) => string, slots: readonly DefaultSlotName[]): string {
  return slots.map((s) => t(`slots.${s}.label`)).join(t('listSeparator'))
}
