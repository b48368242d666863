/**
 * Helpers of the Models page's default slots (DESIGN §3): problem keys, who uses a model, names.
 * The slots and their grouping are the contract's (`primarySlots`, `advancedSlots`).
 */
import type {
  DefaultSlotName,
  DefaultsView,
  ModelView,
  SlotProblem,
} from '../../../src-preload/contract'

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
