/**
 * The overview as main computes it (`home:overview`: health, defaults, local servers, gateway,
 * what needs attention). A cache of main's answer; the fixes call the stores that own them.
 */
import { create } from 'zustand'
import type { ErrorBody, Overview } from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { errorBodyOf } from '../lib/errors'
import { createWatchers } from './watchers'
import { useCredentialsStore } from './use-credentials-store'

interface OverviewState {
  overview: Overview | null
  status: 'idle' | 'loading' | 'ready' | 'failed'
  error: ErrorBody | null
  /** Credentials being re-tested from an attention item. */
  retesting: Record<string, boolean>
  load: () => Promise<void>
  /** Re-tests one credential, then re-reads the overview. */
  retest: (credentialId: string) => Promise<void>
  /** Whether main says this is a first run (`home:overview`'s `firstRun`); false when it cannot tell. */
  isFirstRun: () => Promise<boolean>
  /** A view shows the overview; returns the unwatch. */
  watch: () => () => void
  /** Event bridge: anything the overview shows changed — re-reads while watched. */
  onChanged: () => void
}

const watchers = createWatchers()

export const useOverviewStore = create<OverviewState>((set, get) => ({
  overview: null,
  status: 'idle',
  error: null,
  retesting: {},
  load: async () => {
    set((s) => ({ status: s.overview ? s.status : 'loading', error: null }))
    try {
      set({ overview: await unwrap(api().home.overview({})), status: 'ready' })
    } catch (err) {
      set({ status: 'failed', error: errorBodyOf(err) })
    }
  },
  retest: async (credentialId) => {
    set((s) => ({ retesting: { ...s.retesting, [credentialId]: true } }))
    try {
      await useCredentialsStore.getState().test(credentialId)
    } finally {
      set((s) => ({ retesting: { ...s.retesting, [credentialId]: false } }))
      await get().load()
    }
  },
  isFirstRun: async () => {
    const res = await api()
      .home.overview({})
      .catch(() => null)
    return Boolean(res?.ok && res.data.firstRun)
  },
  watch: watchers.add,
  onChanged: () => {
    if (watchers.active()) void get().load()
  },
}))
