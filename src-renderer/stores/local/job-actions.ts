/**
 * The Local store's pulls and GGUF imports: started here, cancelled through main, and kept in
 * step with main's progress reports (live events and the snapshot a view loads when it opens).
 * A finished job reloads the server's library (and its recommended models) in the background.
 */
import type { StoreApi } from 'zustand'
import type { ImportProgress, PullProgress } from '../../../src-preload/contract'
import { api, unwrap } from '../../lib/api'
import { mergeImportReport, mergePullReport, withoutJob } from './job-reports'
import type { LocalJobs, LocalState } from './local-types'

/** The jobs' state and actions for `createLocalStore`; each store instance gets its own. */
export function createJobActions(
  set: StoreApi<LocalState>['setState'],
  get: () => LocalState,
): LocalJobs {
  // Final events that arrived before the pull call answered (possible: the event and the reply race).
  const early = new Map<string, PullProgress>()
  // Jobs the user closed: a later snapshot from main (which keeps ended jobs a while) must not
  // bring them back.
  const dismissed = new Set<string>()

  return {
    pulls: {},
    imports: {},

    startPull: async (baseUrl, model) => {
      const { jobId } = await unwrap(api().local.ollamaPull({ baseUrl, model }))
      set((s) => {
        const known = s.pulls[jobId]
        return {
          pulls: {
            ...s.pulls,
            [jobId]: {
              jobId,
              model,
              baseUrl,
              progress: known?.progress ?? null,
              startedAt: known?.startedAt ?? Date.now(),
            },
          },
        }
      })
      const final = early.get(jobId)
      if (final) {
        early.delete(jobId)
        get().applyProgress(final)
      }
      return jobId
    },

    cancelPull: async (jobId) => {
      const { cancelled } = await unwrap(api().local.ollamaCancelPull({ jobId }))
      // The pull already ended on its own: nothing more will come, so close it here.
      if (!cancelled) get().dismissPull(jobId)
    },

    dismissPull: (jobId) =>
      set((s) => {
        dismissed.add(jobId)
        return { pulls: withoutJob(s.pulls, jobId) }
      }),

    applyProgress: (p) => {
      if (dismissed.has(p.jobId)) return
      const entry = get().pulls[p.jobId]
      const next = mergePullReport(entry, p, Date.now())
      if (next.fresh && !entry && p.done) early.set(p.jobId, p)
      const merged = next.entry
      if (merged && merged !== entry) set((s) => ({ pulls: { ...s.pulls, [p.jobId]: merged } }))
      if (!next.fresh || !p.done) return
      const baseUrl = merged?.baseUrl
      if (baseUrl && !p.error) {
        void get().loadLibrary(baseUrl, true)
        if (get().recommended?.baseUrl === baseUrl) void get().loadRecommended(baseUrl, true)
      }
    },

    loadActivePulls: async () => {
      const list = await unwrap(api().local.activePulls({})).catch(() => [] as PullProgress[])
      for (const p of list) {
        const known = p.jobId in get().pulls
        get().applyProgress(p)
        // The entry now holds the final report; `early` is only for a reply still on its way.
        if (!known) early.delete(p.jobId)
      }
    },

    startImport: async (baseUrl, path, name) => {
      const { jobId } = await unwrap(api().local.importGguf({ baseUrl, path, name }))
      set((s) => ({
        imports: {
          ...s.imports,
          [jobId]: { jobId, name, baseUrl, progress: s.imports[jobId]?.progress ?? null },
        },
      }))
      return jobId
    },

    cancelImport: async (jobId) => {
      const { cancelled } = await unwrap(api().local.cancelImport({ jobId }))
      if (!cancelled) get().dismissImport(jobId)
    },

    dismissImport: (jobId) =>
      set((s) => {
        dismissed.add(jobId)
        return { imports: withoutJob(s.imports, jobId) }
      }),

    applyImportProgress: (p) => {
      if (dismissed.has(p.jobId)) return
      const next = mergeImportReport(get().imports[p.jobId], p)
      if (!next) return
      set((s) => ({ imports: { ...s.imports, [p.jobId]: next.entry } }))
      if (next.ended && next.entry.baseUrl) void get().loadLibrary(next.entry.baseUrl, true)
    },

    loadActiveImports: async () => {
      const list = await unwrap(api().local.activeImports({})).catch(() => [] as ImportProgress[])
      for (const p of list) get().applyImportProgress(p)
    },
  }
}
