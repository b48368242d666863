/**
 * The renderer's one listener to main: it subscribes once to each event channel of the contract
 * and hands every event to the stores that cache what it changes. Stores expose the handlers
 * (`onChanged`, `onPullProgress` …) and decide what to do (most re-read only while a view
 * watches them); pages and components never subscribe to main themselves.
 * Data flows main → event bridge → stores → components; components → store actions → main.
 */
import type { SwitchboardApi } from '../../src-preload/api'
import type { EventName, EventPayloadOf } from '../../src-preload/contract'
import { api } from '../lib/api'
import { useCredentialsStore } from './use-credentials-store'
import { useDefaultsStore } from './use-defaults-store'
import { lateStore } from './late-routes'
import { useEnvStore } from './use-env-store'
import { useModelsStore } from './use-models-store'
import { useOverviewStore } from './use-overview-store'
import { useSettingsStore } from './use-settings-store'
import { useThemeStore } from './use-theme-store'
import { useUpdatesStore } from './use-updates-store'
import { useVaultStore } from './use-vault-store'
import { useVerifyStore } from './use-verify-store'

/** One route per event of the contract: a new event fails the typecheck until it is routed. */
export type EventRoutes = { [E in EventName]: (payload: EventPayloadOf<E>) => void }

/**
 * Which stores hear each event. Stores of lazily loaded pages (Local, Gateway) are reached through
 * `late-routes.ts`, so this module does not pull their code into the first paint.
 */
export const routes: EventRoutes = {
  'app:changed': () => {
    useModelsStore.getState().onChanged()
    useDefaultsStore.getState().onChanged()
    useOverviewStore.getState().onChanged()
  },
  'credentials:changed': (e) => {
    useCredentialsStore.getState().onChanged()
    useVaultStore.getState().onCredentialsChanged(e)
    useModelsStore.getState().onChanged()
    useDefaultsStore.getState().onChanged()
    lateStore('local')?.onCredentialsChanged()
    useOverviewStore.getState().onChanged()
    useEnvStore.getState().onCredentialsChanged()
  },
  'credentials:testResult': (e) => {
    useCredentialsStore.getState().onTestResult(e)
    useOverviewStore.getState().onChanged()
  },
  'gateway:changed': (status) => {
    lateStore('gateway')?.statusChanged(status)
    useOverviewStore.getState().onChanged()
  },
  'local:importProgress': (p) => lateStore('local')?.onImportProgress(p),
  'local:pullProgress': (p) => lateStore('local')?.onPullProgress(p),
  'settings:preferencesChanged': (prefs) => {
    useSettingsStore.getState().receive(prefs)
    useThemeStore.getState().receive(prefs.theme)
  },
  'setup:offlineProgress': (p) => lateStore('offlineSetup')?.onProgress(p),
  'updates:changed': (status) => useUpdatesStore.getState().onChanged(status),
  'verify:event': (p) => useVerifyStore.getState().apply(p),
  'verify:openRequested': (target) => useVerifyStore.getState().openDialog(target),
}

type Listen = (listener: (payload: unknown) => void) => () => void

/** `credentials:testResult` → the preload's `credentials.onTestResult`. */
function listenerOf(bridge: SwitchboardApi, name: EventName): Listen {
  const [domain, verb] = name.split(':') as [string, string]
  // The preload names each event's method `on<Verb>` in its domain (src-preload/api.ts).
  const methods = bridge[domain as keyof SwitchboardApi] as unknown as Record<string, Listen>
  return methods[`on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`]!
}

/**
 * Subscribes once to every event and routes it; returns the unsubscribe. Called once, at start,
 * before the first render (main.tsx); tests pass their own bridge and routes.
 */
export function startEventBridge(
  bridge: SwitchboardApi = api(),
  table: EventRoutes = routes,
): () => void {
  const offs = (Object.keys(table) as EventName[]).map((name) => {
    const route = table[name] as (payload: unknown) => void
    return listenerOf(bridge, name)((payload) => route(payload))
  })
  return () => offs.forEach((off) => off())
}
