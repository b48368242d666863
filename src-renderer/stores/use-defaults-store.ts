/** The 7 default-model slots as main reports them, plus the last auto-assign report. No secrets. */
import { create } from 'zustand'
import type {
  AutoAssignResult,
  DefaultSlotName,
  DefaultsView,
  ErrorBody,
  SetDefaultResult,
} from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { errorBodyOf } from '../lib/errors'
import { createWatchers } from './watchers'

interface DefaultsState {
  view: DefaultsView | null
  status: 'idle' | 'loading' | 'ready' | 'failed'
  loadError: ErrorBody | null
  /** The slot being saved, so its control can show it is busy. */
  saving: DefaultSlotName | null
  /** A failed set, shown next to its slot. */
  slotError: { slot: DefaultSlotName; error: ErrorBody } | null
  autoAssigning: boolean
  lastAutoAssign: AutoAssignResult | null
  autoAssignError: ErrorBody | null
  /** Re-reads the slots from main. */
  load: () => Promise<void>
  /** Sets (or with null, clears) a slot; null when main refused (error kept in `slotError`). */
  setSlot: (slot: DefaultSlotName, modelId: string | null) => Promise<SetDefaultResult | null>
  /** Fills empty required slots; the report lands in `lastAutoAssign`. */
  autoAssign: () => Promise<AutoAssignResult | null>
  /** Forgets the last auto-assign report. */
  dismissReport: () => void
  /**
   * Fills empty required slots and returns main's report (throws ApiError), leaving the Models
   * page's report alone: the first run shows its own.
   */
  autoAssignFor: () => Promise<AutoAssignResult>
  /** A view shows the slots (the Models page); returns the unwatch. */
  watch: () => () => void
  /** Event bridge: credentials or app data changed — re-reads while watched. */
  onChanged: () => void
}

const watchers = createWatchers()

export const useDefaultsStore = create<DefaultsState>((set, get) => ({
  view: null,
  status: 'idle',
  loadError: null,
  saving: null,
  slotError: null,
  autoAssigning: false,
  lastAutoAssign: null,
  autoAssignError: null,

  load: async () => {
    set((s) => ({ status: s.view ? s.status : 'loading', loadError: null }))
    try {
      const view = await unwrap(api().defaults.get({}))
      set({ view, status: 'ready' })
    } catch (err) {
      set({ status: 'failed', loadError: errorBodyOf(err) })
    }
  },

  setSlot: async (slot, modelId) => {
    set({ saving: slot, slotError: null })
    try {
      const res = await unwrap(api().defaults.set({ slot, modelId }))
      set({ view: res.defaults, saving: null })
      return res
    } catch (err) {
      set({ saving: null, slotError: { slot, error: errorBodyOf(err) } })
      return null
    }
  },

  autoAssign: async () => {
    set({ autoAssigning: true, autoAssignError: null })
    try {
      const res = await unwrap(api().defaults.autoAssign({}))
      const view = await unwrap(api().defaults.get({}))
      set({ autoAssigning: false, lastAutoAssign: res, view, status: 'ready' })
      return res
    } catch (err) {
      set({ autoAssigning: false, autoAssignError: errorBodyOf(err) })
      return null
    }
  },

  dismissReport: () => set({ lastAutoAssign: null }),

  autoAssignFor: () => unwrap(api().defaults.autoAssign({})),

  watch: watchers.add,
  onChanged: () => {
    if (watchers.active()) void get().load()
  },
}))
