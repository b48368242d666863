/**
 * Registered models, model tests and the discovery dialog's session. A cache of what main says
 * (main stays the source of truth); holds no secret. The credentials the models belong to are
 * read from the one credentials cache (`use-credentials-store`), which `load` refreshes.
 * `openDiscovery(credentialId)` opens the dialog from anywhere that mounts DiscoveryDialogHost.
 */
import { create } from 'zustand'
import type {
  DiscoverResult,
  ErrorBody,
  ModelTestResult,
  ModelType,
  ModelView,
  RegisterResult,
  UnregisterResult,
} from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { errorBodyOf } from '../lib/errors'
import { createWatchers } from './watchers'
import { useCredentialsStore } from './use-credentials-store'

/** A model test in flight or finished. */
export interface ModelTestState {
  running: boolean
  result: ModelTestResult | null
  /** The call itself failed (model gone, vault locked …), as opposed to a failing test. */
  error: ErrorBody | null
}

/** The discovery dialog's session. */
export interface DiscoveryState {
  open: boolean
  credentialId: string | null
  status: 'idle' | 'loading' | 'ready' | 'failed'
  result: DiscoverResult | null
  /** The listing failed: the coded error main returned (or threw). */
  error: ErrorBody | null
  jobId: string | null
  registering: boolean
  registerError: ErrorBody | null
}

interface ModelsState {
  models: ModelView[]
  status: 'idle' | 'loading' | 'ready' | 'failed'
  loadError: ErrorBody | null
  tests: Record<string, ModelTestState>
  discovery: DiscoveryState
  /** Re-reads registered models and (into the credentials cache) credentials from main. */
  load: () => Promise<void>
  /** Opens the discovery dialog on a credential (or the first one) and starts listing. */
  openDiscovery: (credentialId?: string | null) => void
  /** Closes the dialog, cancelling a listing still running. */
  closeDiscovery: () => void
  /** Lists a credential's models into the dialog. */
  discover: (credentialId: string) => Promise<void>
  /** Registers models for the dialog's credential; null when the call failed (error kept in the dialog). */
  register: (models: { name: string; type: ModelType }[]) => Promise<RegisterResult | null>
  /** Runs a model's test; the outcome lands in `tests[modelId]`. */
  testModel: (modelId: string) => Promise<void>
  /** Unregisters a model; throws ApiError when main refuses. */
  removeModel: (modelId: string) => Promise<UnregisterResult>
  /** One credential's registered models, read from main (throws ApiError); not cached. */
  modelsOf: (credentialId: string) => Promise<ModelView[]>
  /** A view shows the models (the Models page); returns the unwatch. */
  watch: () => () => void
  /** Event bridge: credentials or app data changed (another window, the CLI) — re-reads while watched. */
  onChanged: () => void
}

const closedDiscovery: DiscoveryState = {
  open: false,
  credentialId: null,
  status: 'idle',
  result: null,
  error: null,
  jobId: null,
  registering: false,
  registerError: null,
}

let jobCounter = 0
const newJobId = (kind: string) =>
  `${kind}-${Date.now().toString(36)}-${(jobCounter++).toString(36)}`

const watchers = createWatchers()

export const useModelsStore = create<ModelsState>((set, get) => ({
  models: [],
  status: 'idle',
  loadError: null,
  tests: {},
  discovery: closedDiscovery,

  load: async () => {
    set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading', loadError: null }))
    try {
      const [models] = await Promise.all([
        unwrap(api().models.list({})),
        useCredentialsStore.getState().loadList(),
      ])
      set({ models, status: 'ready' })
    } catch (err) {
      set({ status: 'failed', loadError: errorBodyOf(err) })
    }
  },

  openDiscovery: (credentialId) => {
    const credentials = useCredentialsStore.getState().credentials ?? []
    const chosen =
      credentialId ??
      credentials.find((c) => c.isPrimary && c.status === 'ok')?.id ??
      credentials[0]?.id ??
      null
    set({ discovery: { ...closedDiscovery, open: true, credentialId: chosen } })
    // Opened from another page (API Keys) before this store read the credentials: read them now,
    // so the dialog can name the credential and offer the others.
    if (credentialId && !credentials.some((c) => c.id === credentialId)) void get().load()
    if (chosen) void get().discover(chosen)
  },

  closeDiscovery: () => {
    const { jobId, status } = get().discovery
    if (jobId && status === 'loading') void api().models.cancel({ jobId })
    set({ discovery: closedDiscovery })
  },

  discover: async (credentialId) => {
    const previous = get().discovery
    if (previous.jobId && previous.status === 'loading')
      void api().models.cancel({ jobId: previous.jobId })
    const jobId = newJobId('discover')
    set({
      discovery: {
        ...previous,
        open: true,
        credentialId,
        status: 'loading',
        result: null,
        error: null,
        jobId,
        registerError: null,
      },
    })
    let result: DiscoverResult | null = null
    let error: ErrorBody | null = null
    try {
      result = await unwrap(api().models.discover({ credentialId, jobId }))
      error = result.error
    } catch (err) {
      error = errorBodyOf(err)
    }
    // A newer listing (another credential picked) or a closed dialog wins over this one.
    if (get().discovery.jobId !== jobId) return
    set((s) => ({
      discovery: { ...s.discovery, status: error ? 'failed' : 'ready', result, error },
    }))
  },

  register: async (models) => {
    const { credentialId } = get().discovery
    if (!credentialId || models.length === 0) return null
    set((s) => ({ discovery: { ...s.discovery, registering: true, registerError: null } }))
    try {
      const res = await unwrap(api().models.register({ credentialId, models }))
      set((s) => ({ discovery: { ...s.discovery, registering: false } }))
      await get().load()
      return res
    } catch (err) {
      set((s) => ({
        discovery: { ...s.discovery, registering: false, registerError: errorBodyOf(err) },
      }))
      return null
    }
  },

  testModel: async (modelId) => {
    const put = (state: ModelTestState) => set((s) => ({ tests: { ...s.tests, [modelId]: state } }))
    put({ running: true, result: get().tests[modelId]?.result ?? null, error: null })
    try {
      const result = await unwrap(api().models.test({ modelId, jobId: newJobId('test') }))
      put({ running: false, result, error: null })
    } catch (err) {
      put({ running: false, result: null, error: errorBodyOf(err) })
    }
  },

  removeModel: async (modelId) => {
    const res = await unwrap(api().models.unregister({ modelId }))
    set((s) => {
      const tests = { ...s.tests }
      delete tests[modelId]
      return { models: s.models.filter((m) => m.id !== modelId), tests }
    })
    void get().load()
    return res
  },

  modelsOf: (credentialId) => unwrap(api().models.list({ credentialId })),

  watch: watchers.add,
  onChanged: () => {
    if (watchers.active()) void get().load()
  },
}))

/** Opens the discovery dialog on a credential (for other pages, e.g. an API Keys row button). */
export function openDiscovery(credentialId: string): void {
  useModelsStore.getState().openDiscovery(credentialId)
}
