/**
 * Offline setups as main runs them (src-main/services/offline-setup.ts): the latest report of
 * each job, from `setup:offlineProgress` events and the `setup:offlineActive` snapshot (ordered
 * by `seq`). The renderer starts, cancels and shows jobs; it never runs a step itself.
 */
import { create } from 'zustand'
import type { OfflineSetupProgress } from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { registerLateStore } from './late-routes'
import { createWatchers } from './watchers'

interface OfflineSetupState {
  jobs: Record<string, OfflineSetupProgress>
  /** Starts a setup in main; resolves with its job id (rejects with ApiError when refused). */
  start: (baseUrl: string, model: string, makeDefault: boolean) => Promise<string>
  cancel: (jobId: string) => Promise<void>
  /** Forgets a finished job (a later snapshot does not bring it back). */
  dismiss: (jobId: string) => void
  apply: (p: OfflineSetupProgress) => void
  loadActive: () => Promise<void>
  /** A view follows setups: reads main's snapshot; returns the unwatch. */
  watch: () => () => void
  /** Event bridge: `setup:offlineProgress`, applied while watched. */
  onProgress: (p: OfflineSetupProgress) => void
}

export function createOfflineSetupStore() {
  const dismissed = new Set<string>()
  const watchers = createWatchers()
  return create<OfflineSetupState>((set, get) => ({
    jobs: {},
    start: async (baseUrl, model, makeDefault) => {
      const { jobId } = await unwrap(api().setup.offlineStart({ baseUrl, model, makeDefault }))
      return jobId
    },
    cancel: async (jobId) => {
      await unwrap(api().setup.offlineCancel({ jobId }))
    },
    dismiss: (jobId) => {
      dismissed.add(jobId)
      set((s) => {
        const { [jobId]: _gone, ...rest } = s.jobs
        return { jobs: rest }
      })
    },
    apply: (p) => {
      if (dismissed.has(p.jobId)) return
      const known = get().jobs[p.jobId]
      if (known && (known.seq ?? 0) >= (p.seq ?? 0)) return
      set((s) => ({ jobs: { ...s.jobs, [p.jobId]: p } }))
    },
    loadActive: async () => {
      const list = await unwrap(api().setup.offlineActive({})).catch(() => [])
      for (const p of list) get().apply(p)
    },
    watch: () => {
      // Watch first: an event overtaking the snapshot is applied, and `seq` orders the two.
      const unwatch = watchers.add()
      void get().loadActive()
      return unwatch
    },
    onProgress: (p) => {
      if (watchers.active()) get().apply(p)
    },
  }))
}

export const useOfflineSetupStore = createOfflineSetupStore()

registerLateStore('offlineSetup', {
  onProgress: (p) => useOfflineSetupStore.getState().onProgress(p),
})
