/**
 * The Local page's cache of what main says (DESIGN §8): detected servers, which of them already
 * have a credential, user-added targets, the Ollama library per server, running pulls with their
 * latest progress (main keeps them too, so a page opened later catches up with
 * `local:activePulls`), GGUF imports likewise, and the machine facts / recommended models for
 * offline setup. No secrets: local servers need no key. Which servers have a credential is read
 * from the one credentials cache (`use-credentials-store`, `selectCredentialList`).
 */
import { create } from 'zustand'
import type {
  ConnectResult,
  CredentialView,
  DetectResult,
  ErrorBody,
  ImportProgress,
  MachineInfo,
  OllamaInstalledModel,
  OllamaRunningModel,
  PullProgress,
  RecommendedResult,
} from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { errorBodyOf } from '../lib/errors'
import { selectCredentialList, useCredentialsStore } from './use-credentials-store'
import { registerLateStore } from './late-routes'
import { createWatchers } from './watchers'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** A credential as this page needs it: which server it came from. */
export type CredentialRef = Pick<CredentialView, 'id' | 'provider' | 'baseUrl'>

export interface LibraryState {
  status: LoadStatus
  installed: OllamaInstalledModel[]
  running: OllamaRunningModel[]
  error: ErrorBody | null
}

export interface PullEntry {
  jobId: string
  model: string
  baseUrl: string | null
  progress: PullProgress | null
  startedAt: number
}

export interface ImportEntry {
  jobId: string
  name: string
  baseUrl: string | null
  progress: ImportProgress | null
}

export interface ConnectOutcome {
  result: ConnectResult
  /** False when the server already had a credential and it was reused. */
  created: boolean
}

interface LocalState {
  detectStatus: LoadStatus
  detect: DetectResult | null
  detectError: ErrorBody | null
  /** A scan is running (also the background ones, which keep the old result on screen). */
  scanning: boolean
  lastScanAt: number | null
  targets: string[]
  library: Record<string, LibraryState>
  pulls: Record<string, PullEntry>
  imports: Record<string, ImportEntry>
  machine: MachineInfo | null
  recommended: {
    baseUrl: string
    status: LoadStatus
    result: RecommendedResult | null
    error: ErrorBody | null
  } | null

  scan: () => Promise<void>
  /** Refreshes the credentials cache (which servers are connected); a failure keeps the last list. */
  loadCredentials: () => Promise<void>
  loadTargets: () => Promise<void>
  addTarget: (baseUrl: string) => Promise<void>
  removeTarget: (baseUrl: string) => Promise<void>
  /** `apiKey` (a server that wants one) goes straight to main; the store never keeps it. */
  connect: (
    baseUrl: string,
    autoAssignDefaults: boolean,
    apiKey?: string,
  ) => Promise<ConnectOutcome>
  loadLibrary: (baseUrl: string, quiet?: boolean) => Promise<void>
  startPull: (baseUrl: string, model: string) => Promise<string>
  cancelPull: (jobId: string) => Promise<void>
  dismissPull: (jobId: string) => void
  applyProgress: (p: PullProgress) => void
  /** Merges what main knows about pulls (started or ended while this page was closed). */
  loadActivePulls: () => Promise<void>
  removeModel: (baseUrl: string, model: string) => Promise<void>
  unloadModel: (baseUrl: string, model: string) => Promise<void>
  /** Starts a GGUF import; rejects with the validation error when the file is refused. */
  startImport: (baseUrl: string, path: string, name: string) => Promise<string>
  cancelImport: (jobId: string) => Promise<void>
  dismissImport: (jobId: string) => void
  applyImportProgress: (p: ImportProgress) => void
  /** Merges what main knows about imports (started or ended while this page was closed). */
  loadActiveImports: () => Promise<void>
  loadMachine: () => Promise<void>
  loadRecommended: (baseUrl: string, quiet?: boolean) => Promise<void>
  /** A view shows servers and jobs (the Local page, the first run); returns the unwatch. */
  watch: () => () => void
  /** Event bridge: `credentials:changed` — re-reads which servers are connected while watched. */
  onCredentialsChanged: () => void
  /** Event bridge: `local:pullProgress`, applied while watched (a later view loads the snapshot). */
  onPullProgress: (p: PullProgress) => void
  /** Event bridge: `local:importProgress`, applied while watched. */
  onImportProgress: (p: ImportProgress) => void
}

const emptyLibrary: LibraryState = { status: 'idle', installed: [], running: [], error: null }

/** Builds the store; tests build their own instance. */
export function createLocalStore() {
  // Final events that arrived before the pull call answered (possible: the event and the reply race).
  const early = new Map<string, PullProgress>()
  // Jobs the user closed: a later snapshot from main (which keeps ended jobs a while) must not
  // bring them back.
  const dismissed = new Set<string>()
  // A report older than the one shown (a snapshot answered after a newer live event) is dropped.
  const stale = (known: { seq?: number } | null | undefined, p: { seq?: number }) =>
    known?.seq !== undefined && p.seq !== undefined && p.seq <= known.seq
  const watchers = createWatchers()

  return create<LocalState>((set, get) => ({
    detectStatus: 'idle',
    detect: null,
    detectError: null,
    scanning: false,
    lastScanAt: null,
    targets: [],
    library: {},
    pulls: {},
    imports: {},
    machine: null,
    recommended: null,

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
        const pulls = { ...s.pulls }
        delete pulls[jobId]
        return { pulls }
      }),

    applyProgress: (p) => {
      if (dismissed.has(p.jobId)) return
      const entry = get().pulls[p.jobId]
      const baseUrl = entry?.baseUrl ?? p.baseUrl ?? null
      if (stale(entry?.progress, p)) {
        // Older than what is shown, but it may still tell which server the pull runs on.
        if (entry && baseUrl !== entry.baseUrl)
          set((s) => ({ pulls: { ...s.pulls, [p.jobId]: { ...entry, baseUrl } } }))
        return
      }
      if (!entry && p.done) early.set(p.jobId, p)
      set((s) => ({
        pulls: {
          ...s.pulls,
          [p.jobId]: entry
            ? { ...entry, baseUrl, progress: p }
            : { jobId: p.jobId, model: p.model, baseUrl, progress: p, startedAt: Date.now() },
        },
      }))
      if (p.done) {
        if (baseUrl && !p.error) {
          void get().loadLibrary(baseUrl, true)
          if (get().recommended?.baseUrl === baseUrl) void get().loadRecommended(baseUrl, true)
        }
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

    removeModel: async (baseUrl, model) => {
      await unwrap(api().local.ollamaRemove({ baseUrl, model }))
      await get().loadLibrary(baseUrl, true)
      if (get().recommended?.baseUrl === baseUrl) void get().loadRecommended(baseUrl, true)
    },

    unloadModel: async (baseUrl, model) => {
      await unwrap(api().local.ollamaUnload({ baseUrl, model }))
      await get().loadLibrary(baseUrl, true)
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
        const imports = { ...s.imports }
        delete imports[jobId]
        return { imports }
      }),

    applyImportProgress: (p) => {
      if (dismissed.has(p.jobId)) return
      const entry = get().imports[p.jobId]
      if (stale(entry?.progress, p)) return
      const baseUrl = entry?.baseUrl ?? p.baseUrl ?? null
      set((s) => ({
        imports: {
          ...s.imports,
          [p.jobId]: { jobId: p.jobId, name: p.name, baseUrl, progress: p },
        },
      }))
      const ended = p.stage === 'done' && entry?.progress?.stage !== 'done'
      if (ended && baseUrl) void get().loadLibrary(baseUrl, true)
    },

    loadActiveImports: async () => {
      const list = await unwrap(api().local.activeImports({})).catch(() => [] as ImportProgress[])
      for (const p of list) get().applyImportProgress(p)
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
