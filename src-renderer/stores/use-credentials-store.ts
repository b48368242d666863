/**
 * The credentials domain in the renderer: what main says about credentials, the provider forms,
 * and connection-test results. Main is the source of truth; this store only caches its answers.
 * It is the renderer's one credentials cache: the only code that asks main for the list
 * (`loadList`); the Models and Local pages read it through `selectCredentialList`.
 * It NEVER holds a secret: create / update pass the request straight through to main and keep
 * only the returned view (hasKey + keyHint).
 */
import { create } from 'zustand'
import type {
  ConnectionTestView,
  CredentialCreateRequest,
  CredentialDeleteImpact,
  CredentialDeleteResult,
  CredentialListUpdate,
  CredentialView,
  ErrorBody,
  LastTestsUpdate,
  LastTestView,
  ProviderFormView,
  RequestOf,
} from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { errorBodyOf } from '../lib/errors'
import { createWatchers } from './watchers'

interface CredentialsState {
  credentials: CredentialView[] | null
  /** Main's version of `credentials`: a refresh that finds it unchanged receives no list. */
  listVersion: string | undefined
  providers: ProviderFormView[] | null
  /** Last stored result per credential (code, message, time, latency). */
  lastTests: Record<string, LastTestView>
  /** `lastTests` was read from main (the list may be cached before, by another page). */
  lastTestsRead: boolean
  /** Main's version of `lastTests`, sent with the next read like `listVersion`. */
  lastTestsVersion: string | undefined
  /** Full results seen in this session (with hint and params), per credential. */
  results: Record<string, ConnectionTestView>
  /** Credentials whose test is running. */
  testing: Record<string, boolean>
  testAllRunning: boolean
  loadError: ErrorBody | null
  /** Reads credentials, provider forms (once) and last results. */
  load: () => Promise<void>
  /** Reads the provider catalog once (display names for other pages). */
  loadProviders: () => Promise<void>
  /** Re-reads credentials and last results (after a change elsewhere). */
  refresh: () => Promise<void>
  /**
   * Re-reads the credential list alone and caches it; rejects with the ApiError (keeping the last
   * list) so each page can show the failure its own way.
   */
  loadList: () => Promise<CredentialView[]>
  create: (req: CredentialCreateRequest) => Promise<CredentialView>
  update: (req: RequestOf<'credentials:update'>) => Promise<CredentialView>
  remove: (id: string) => Promise<CredentialDeleteResult>
  /** What deleting `id` would take with it, as main answers it (the delete's own rule). */
  deleteImpact: (id: string) => Promise<CredentialDeleteImpact>
  setPrimary: (id: string) => Promise<void>
  test: (id: string) => Promise<ConnectionTestView | null>
  testAll: () => Promise<{
    elapsedMs: number
    results: ConnectionTestView[]
    cancelled: boolean
  } | null>
  cancelTests: () => Promise<void>
  /** Records one streamed or returned test result. */
  recordResult: (result: ConnectionTestView) => void
  /** A view shows credentials and results (API Keys); returns the unwatch. */
  watch: () => () => void
  /** Event bridge: `credentials:changed` — re-reads while watched. */
  onChanged: () => void
  /** Event bridge: `credentials:testResult` (a running test-all) — recorded while watched. */
  onTestResult: (e: { result: ConnectionTestView }) => void
}

const asLast = (r: ConnectionTestView): LastTestView => ({
  code: r.code,
  message: r.message,
  at: new Date().toISOString(),
  latencyMs: r.latencyMs,
})

/** A new list, with the session results of credentials that are gone dropped. */
function withList(state: CredentialsState, credentials: CredentialView[]) {
  const ids = new Set(credentials.map((c) => c.id))
  const results = Object.fromEntries(Object.entries(state.results).filter(([id]) => ids.has(id)))
  return { credentials, results }
}

/**
 * Asks main for the list with the version this store holds, so an unchanged list (a focus
 * refresh, an event for a change that did not touch it) crosses IPC as a version only: 1,000
 * views cost milliseconds to serialize on both sides (issue 17).
 */
function readList(state: CredentialsState): Promise<CredentialListUpdate> {
  const since = state.credentials ? state.listVersion : undefined
  return unwrap(api().credentials.listIfChanged(since ? { since } : {}))
}

/** Asks main for the last results with the version held, like `readList`. */
function readLastTests(state: CredentialsState): Promise<LastTestsUpdate> {
  const since = state.lastTestsRead ? state.lastTestsVersion : undefined
  return unwrap(api().credentials.lastTestsIfChanged(since ? { since } : {}))
}

/** The state a list update leads to (nothing when main said the list is unchanged). */
function applyList(state: CredentialsState, update: CredentialListUpdate) {
  if (!update.credentials) return {}
  return { ...withList(state, update.credentials), listVersion: update.version }
}

const NO_CREDENTIALS: CredentialView[] = []

/** The cached credential list, empty until it is first read (one stable array, for selectors). */
export const selectCredentialList = (s: { credentials: CredentialView[] | null }) =>
  s.credentials ?? NO_CREDENTIALS

const watchers = createWatchers()

export const useCredentialsStore = create<CredentialsState>((set, get) => ({
  credentials: null,
  listVersion: undefined,
  providers: null,
  lastTests: {},
  lastTestsRead: false,
  lastTestsVersion: undefined,
  results: {},
  testing: {},
  testAllRunning: false,
  loadError: null,

  load: async () => {
    try {
      const providers = get().providers ?? (await unwrap(api().credentials.providers({})))
      set({ providers })
      await get().refresh()
    } catch (err) {
      set({ loadError: errorBodyOf(err) })
    }
  },

  loadProviders: async () => {
    if (get().providers) return
    try {
      set({ providers: await unwrap(api().credentials.providers({})) })
    } catch {
      // Names fall back to provider ids; the API Keys page reports load errors.
    }
  },

  refresh: async () => {
    try {
      const [update, tests] = await Promise.all([readList(get()), readLastTests(get())])
      set({
        ...applyList(get(), update),
        ...(tests.lastTests ? { lastTests: tests.lastTests, lastTestsVersion: tests.version } : {}),
        lastTestsRead: true,
        loadError: null,
      })
    } catch (err) {
      set({ loadError: errorBodyOf(err) })
    }
  },

  loadList: async () => {
    set(applyList(get(), await readList(get())))
    return get().credentials ?? NO_CREDENTIALS
  },

  create: async (req) => {
    const view = await unwrap(api().credentials.create(req))
    await get().refresh()
    return view
  },

  update: async (req) => {
    const view = await unwrap(api().credentials.update(req))
    // An edited credential's last result no longer describes it.
    const { [view.id]: _gone, ...results } = get().results
    set({ results })
    await get().refresh()
    return view
  },

  deleteImpact: (id) => unwrap(api().credentials.deleteImpact({ id })),

  remove: async (id) => {
    const result = await unwrap(api().credentials.delete({ id }))
    await get().refresh()
    return result
  },

  setPrimary: async (id) => {
    await unwrap(api().credentials.setPrimary({ id }))
    await get().refresh()
  },

  test: async (id) => {
    set({ testing: { ...get().testing, [id]: true } })
    try {
      const result = await unwrap(api().credentials.test({ id }))
      get().recordResult(result)
      return result
    } finally {
      const { [id]: _done, ...testing } = get().testing
      set({ testing })
    }
  },

  testAll: async () => {
    const ids = (get().credentials ?? []).map((c) => c.id)
    set({
      testAllRunning: true,
      testing: Object.fromEntries(ids.map((id) => [id, true])),
    })
    try {
      const res = await unwrap(api().credentials.testAll({}))
      for (const r of res.results) get().recordResult(r)
      return res
    } finally {
      set({ testAllRunning: false, testing: {} })
    }
  },

  cancelTests: async () => {
    await unwrap(api().credentials.cancelTests({}))
  },

  recordResult: (result) => {
    const id = result.credentialId
    const { [id]: _done, ...testing } = get().testing
    set({
      results: { ...get().results, [id]: result },
      lastTests: { ...get().lastTests, [id]: asLast(result) },
      testing: get().testAllRunning ? testing : get().testing,
    })
  },

  watch: watchers.add,
  onChanged: () => {
    if (watchers.active()) void get().refresh()
  },
  onTestResult: ({ result }) => {
    if (watchers.active()) get().recordResult(result)
  },
}))
