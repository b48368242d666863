/**
 * Event handlers of stores that live in a lazily loaded page's chunk (Local, Gateway). The event
 * bridge must not import those stores, or the first paint would carry their code (issue 17): each
 * registers its handlers when its module loads. Before that no view can watch it, so an event for
 * it has nothing to update and is dropped.
 */
import type {
  GatewayStatusView,
  ImportProgress,
  OfflineSetupProgress,
  PullProgress,
} from '../../src-preload/contract'

/** What each late store handles. */
export interface LateHandlers {
  local: {
    onCredentialsChanged: () => void
    onPullProgress: (p: PullProgress) => void
    onImportProgress: (p: ImportProgress) => void
  }
  offlineSetup: { onProgress: (p: OfflineSetupProgress) => void }
  gateway: { statusChanged: (status: GatewayStatusView) => void }
}

const registered: Partial<LateHandlers> = {}

/** Called once by a late store's module as it loads. */
export function registerLateStore<K extends keyof LateHandlers>(
  key: K,
  handlers: LateHandlers[K],
): void {
  registered[key] = handlers
}

/** A late store's handlers, or undefined while its module has not loaded. */
export function lateStore<K extends keyof LateHandlers>(key: K): LateHandlers[K] | undefined {
  return registered[key]
}
