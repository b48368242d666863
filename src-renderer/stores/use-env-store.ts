/**
 * Provider keys found in the app's environment (variable names only, never values) and the
 * migration that imports them. Main is the source of truth; "dismissed" lasts for this session.
 */
import { create } from 'zustand'
import type { EnvStatusView, MigrateEnvResult } from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { createWatchers } from './watchers'

interface EnvState {
  status: EnvStatusView | null
  /** The amber banner was dismissed for this session. */
  dismissed: boolean
  /** Reads `settings:envStatus`; a failure leaves the last known status. */
  load: () => Promise<void>
  /** Runs `settings:migrateEnv` (throws ApiError) and re-reads the status. */
  migrate: (dryRun: boolean) => Promise<MigrateEnvResult>
  dismiss: () => void
  /** A view shows the banner; returns the unwatch. */
  watch: () => () => void
  /** Event bridge: `credentials:changed` — a deleted credential may make a key importable again. */
  onCredentialsChanged: () => void
}

const watchers = createWatchers()

export const useEnvStore = create<EnvState>((set, get) => ({
  status: null,
  dismissed: false,
  load: async () => {
    try {
      set({ status: await unwrap(api().settings.envStatus({})) })
    } catch {
      // The banner is a convenience: without a status it simply does not show.
    }
  },
  migrate: async (dryRun) => {
    const result = await unwrap(api().settings.migrateEnv({ dryRun }))
    if (!dryRun) await get().load()
    return result
  },
  dismiss: () => set({ dismissed: true }),
  watch: watchers.add,
  onCredentialsChanged: () => {
    if (watchers.active()) void get().load()
  },
}))
