/**
 * The updater's status as main reports it (`updates:status`, kept current by `updates:changed`)
 * and its two actions. One copy for the banner above every page and the Settings panel.
 */
import { create } from 'zustand'
import type { UpdateStatus } from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'

interface UpdatesState {
  status: UpdateStatus | null
  /** Reads the status; a failure leaves the last known one. */
  load: () => Promise<void>
  /** Checks for an update now; the outcome arrives as `updates:changed` (errors included). */
  check: () => Promise<void>
  /** Quits and installs the downloaded update. */
  restart: () => void
  /** Event bridge: `updates:changed`. */
  onChanged: (status: UpdateStatus) => void
}

export const useUpdatesStore = create<UpdatesState>((set) => ({
  status: null,
  load: async () => {
    try {
      set({ status: await unwrap(api().updates.status({})) })
    } catch {
      // The panel shows "…" until main answers or reports a change.
    }
  },
  check: async () => {
    await unwrap(api().updates.check({})).catch(() => undefined)
  },
  restart: () => void api().updates.restart({}),
  onChanged: (status) => set({ status }),
}))
