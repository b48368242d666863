/**
 * Default models per job (DESIGN §3, issue 7): the defaults use cases over one store — read the
 * slots with their problems, set or clear one, auto-assign. The slot rules live in
 * default-slots.ts, the ranking in auto-assign.ts. Metadata only: nothing here decrypts a secret
 * or talks to the network.
 */
import type {
  AutoAssignResult,
  DefaultsJson,
  DefaultsView,
  SetDefaultResult,
} from '../../src-preload/contract/defaults'
import { AppError } from '../errors'
import type { DefaultSlotName } from '../../src-preload/contract/slot-names'
import type { Store, StoreData } from '../store/schema'
import { autoAssignInto } from './auto-assign'
import {
  assertSlot,
  computeDefaultsView,
  defaultsJson,
  ensureDefaults,
  SLOT_SPECS,
} from './default-slots'

export interface DefaultsDeps {
  store: Store
  /**
   * Ids of credentials whose secrets cannot be decrypted (the credentials service's
   * `status: decryption_error`). Optional: without it only a stored `decryption_error` test
   * result marks a credential undecryptable.
   */
  undecryptableCredentialIds?: () => Promise<Iterable<string>>
  /** Called after a write changed a slot (the tray's quick test follows the chat default). */
  onChanged?: () => void
}

/** The defaults use cases over one store. */
export interface DefaultsService {
  /** Every slot with its effective model, fallback and problem. */
  get(): Promise<DefaultsView>
  /** The CLI's `defaults --json`: model id per slot, or null. */
  getJson(): Promise<DefaultsJson>
  /** Sets (or, with null, clears on purpose) one slot after checking the model fits it. */
  set(slot: DefaultSlotName, modelId: string | null): Promise<SetDefaultResult>
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
      deps.onChanged?.()
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
      const result = await deps.store.update((data) => autoAssignInto(data, broken))
      if (result.assigned.length) deps.onChanged?.()
      return result
    },
  }
}
