/**
 * The Local page's cache of what main says (DESIGN §8): detected servers, which of them already
 * have a credential, user-added targets, the Ollama library per server, running pulls with their
 * latest progress (main keeps them too, so a page opened later catches up with
 * `local:activePulls`), GGUF imports likewise, and the machine facts / recommended models for
 * offline setup. No secrets: local servers need no key. Which servers have a credential is read
 * from the one credentials cache (`use-credentials-store`, `selectCredentialList`). The state's
 * shape is `local/local-types.ts`; the pulls and imports are `local/job-actions.ts`.
 */
import { create } from 'zustand'
import { api, unwrap } from '../lib/api'
import { errorBodyOf } from '../lib/errors'
import { selectCredentialList, useCredentialsStore } from './use-credentials-store'
import { registerLateStore } from './late-routes'
import { createWatchers } from './watchers'
import { createJobActions } from './local/job-actions'
import type { LibraryState, LocalState } from './local/local-types'

export type {
  ConnectOutcome,
  CredentialRef,
  ImportEntry,
  LibraryState,
  LoadStatus,
  PullEntry,
} from './local/local-types'

const emptyLibrary: LibraryState = { status: 'idle', installed: [], running: [], error: null }

/** Builds the store; tests build their own instance. */
export function createLocalStore() {
  const watchers = createWatchers()

  return create<LocalState>((set, get) => ({
    detectStatus: 'idle',
    detect: null,
    detectError: null,
    scanning: false,
    lastScanAt: null,
    targets: [],
    library: {},
    machine: null,
    recommended: null,
    ...createJobActions(set, get),

    scan: async () => {
      if (get().scanning) return
      set((s) => ({ scanning: true, detectStatus: s.detect ? s.detectStatus : 'loading' }))
      if (!get().detect) {
        // Show the sweep main already made (at start-up) while this one runs.
        const earlier = await unwrap(api().local.lastDetection({})).catch(() => null)
        if (earlier && !get().detect) set({ detect: earlier, detectStatus: 'ready' })
      }
      try {
        const detect = await unwrap(api().local.detect({}))
        set({ detect, detectStatus: 'ready', detectError: null, lastScanAt: Date.now() })
      } catch (err) {
        set({ detectStatus: 'error', detectError: errorBodyOf(err) })
      } finally {
        set({ scanning: false })
      }
    },

    loadCredentials: async () => {
      // A broken store is shown by its own banner; here a failure only means "cannot tell which
      // servers are connected": servers not known to be connected offer Connect.
      await useCredentialsStore
        .getState()
        .loadList()
        .catch(() => undefined)
    },

    loadTargets: async () => {
      const { targets } = await unwrap(api().local.targets({}))
      set({ targets })
    },

    addTarget: async (baseUrl) => {
      const { targets } = await unwrap(api().local.addTarget({ baseUrl }))
      set({ targets })
      await get().scan()
    },

    removeTarget: async (baseUrl) => {
      const { targets } = await unwrap(api().local.removeTarget({ baseUrl }))
      set({ targets })
      await get().scan()
    },

    connect: async (baseUrl, autoAssignDefaults, apiKey) => {
      const before = new Set(selectCredentialList(useCredentialsStore.getState()).map((c) => c.id))
      const result = await unwrap(
        api().local.connect({ baseUrl, autoAssignDefaults, ...(apiKey ? { apiKey } : {}) }),
      )
      await get().loadCredentials()
      return { result, created: !before.has(result.credentialId) }
    },

    loadLibrary: async (baseUrl, quiet = false) => {
      const prev = get().library[baseUrl] ?? emptyLibrary
      if (!quiet || prev.status !== 'ready') {
        set((s) => ({ library: { ...s.library, [baseUrl]: { ...prev, status: 'loading' } } }))
      }
      try {
        const [installed, running] = await Promise.all([
          unwrap(api().local.ollamaList({ baseUrl })),
          unwrap(api().local.ollamaPs({ baseUrl })),
        ])
        set((s) => ({
          library: {
            ...s.library,
            [baseUrl]: { status: 'ready', installed, running, error: null },
          },
        }))
      } catch (err) {
        set((s) => ({
          library: {
            ...s.library,
            [baseUrl]: { ...prev, status: 'error', error: errorBodyOf(err) },
          },
        }))
      }
    },

    removeModel: async (baseUrl, model) => {
      await unwrap(api().local.ollamaRemove({ baseUrl, model }))
      await get().loadLibrary(baseUrl, true)
      if (get().recommended?.baseUrl === baseUrl) void get().loadRecommended(baseUrl, true)
    },

    unloadModel: async (baseUrl, model) => {
      await unwrap(api().local.ollamaUnload({ baseUrl, model }))
      await get().loadLibrary(baseUrl, true)
    },

    loadMachine: async () => {
      try {
        set({ machine: await unwrap(api().local.machine({})) })
      } catch {
        set({ machine: null })
      }
    },

    loadRecommended: async (baseUrl, quiet = false) => {
      const prev = get().recommended
      const keep = prev && prev.baseUrl === baseUrl ? prev.result : null
      if (!quiet || !keep)
        set({ recommended: { baseUrl, status: 'loading', result: keep, error: null } })
      try {
        const result = await unwrap(api().local.recommended({ baseUrl }))
        set({
          recommended: { baseUrl, status: 'ready', result, error: null },
          machine: result.machine,
        })
      } catch (err) {
        set({ recommended: { baseUrl, status: 'error', result: keep, error: errorBodyOf(err) } })
      }
    },

    watch: watchers.add,
    onCredentialsChanged: () => {
      if (watchers.active()) void get().loadCredentials()
    },
    onPullProgress: (p) => {
      if (watchers.active()) get().applyProgress(p)
    },
    onImportProgress: (p) => {
      if (watchers.active()) get().applyImportProgress(p)
    },
  }))
}

export const useLocalStore = createLocalStore()

registerLateStore('local', {
  onCredentialsChanged: () => useLocalStore.getState().onCredentialsChanged(),
  onPullProgress: (p) => useLocalStore.getState().onPullProgress(p),
  onImportProgress: (p) => useLocalStore.getState().onImportProgress(p),
})
