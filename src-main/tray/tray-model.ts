/**
 * The tray's state and actions, free of Electron: what the menu shows, "Test all" with results
 * arriving one by one, and one summary notification at the end. The Electron TrayService renders
 * whatever this model publishes.
 */
import type { TrayCredential, TrayGateway, TrayState } from './menu'
import { isOkCode } from './menu'
import type { TestCode } from '../../src-preload/contract/errors'

type Translate = (key: string, params?: Record<string, unknown>) => string

/**
 * Whether main's `event` may change what the tray shows: the credentials and their marks, the
 * gateway, and the models and defaults behind "Quick test chat model" (`app:changed`).
 */
export function refreshesTray(event: string): boolean {
  return event.startsWith('credentials:') || event === 'gateway:changed' || event === 'app:changed'
}

export interface TrayModelDeps {
  /** The credentials with their last result, as the tray lists them. */
  listCredentials: () => Promise<TrayCredential[]>
  /** Runs every test (bounded in parallel), calling onResult as each one finishes. */
  testAll: (onResult: (r: { credentialId: string; code: TestCode }) => void) => Promise<unknown>
  /** Runs a local-server sweep; resolves with the number of servers found. */
  detectLocal: () => Promise<number>
  /** The local gateway's state (running, URL); absent: the tray shows it off. */
  gatewayStatus?: () => Promise<TrayGateway>
  /** The chat default model and its credential; null when none is set. */
  chatDefault?: () => Promise<TrayState['chatDefault']>
  notify: (title: string, body: string) => void
  t: Translate
  clock?: () => Date
}

export interface TrayModel {
  refresh(): Promise<void>
  testAll(): Promise<void>
  detectLocal(): Promise<void>
  subscribe(listener: (state: TrayState) => void): () => void
  state(): TrayState
  /** A downloaded update waits for a restart (its version), or none (null). */
  setUpdateReady(version: string | null): void
}

/** Builds the tray model over its dependencies. */
export function createTrayModel(deps: TrayModelDeps): TrayModel {
  const clock = deps.clock ?? (() => new Date())
  let current: TrayState = { credentials: [], testing: false, now: clock() }
  const listeners = new Set<(s: TrayState) => void>()
  const publish = (next: Partial<TrayState>) => {
    current = { ...current, ...next, now: clock() }
    for (const l of listeners) l(current)
  }
  const safeList = async () => {
    try {
      return await deps.listCredentials()
    } catch {
      return current.credentials // a locked vault or busy store keeps the last known list
    }
  }

  return {
    state: () => current,
    setUpdateReady(version) {
      if ((current.updateReady ?? null) !== version) publish({ updateReady: version })
    },
    subscribe(listener) {
      listeners.add(listener)
      listener(current)
      return () => listeners.delete(listener)
    },
    async refresh() {
      const gateway = deps.gatewayStatus
        ? await deps.gatewayStatus().catch(() => current.gateway)
        : undefined
      const chatDefault = deps.chatDefault
        ? await deps.chatDefault().catch(() => current.chatDefault ?? null)
        : undefined
      publish({
        credentials: await safeList(),
        ...(gateway ? { gateway } : {}),
        ...(chatDefault !== undefined ? { chatDefault } : {}),
      })
    },
    async testAll() {
      if (current.testing) return
      publish({ testing: true })
      let ok = 0
      let failed = 0
      let problem: string | null = null
      try {
        await deps.testAll(({ credentialId, code }) => {
          if (isOkCode(code)) ok++
          else failed++
          const at = clock().toISOString()
          publish({
            credentials: current.credentials.map((c) =>
              c.id === credentialId ? { ...c, last: { code, at } } : c,
            ),
          })
        })
      } catch (err) {
        // A locked vault or a wrong master key stops the whole run: say that, not "0 failing".
        // A run already going (from a window) is `conflict` with its context, as IPC answers it.
        const { code = 'internal', params } = (err ?? {}) as {
          code?: string
          params?: Record<string, unknown>
        }
        problem = deps.t(`errors:${code}`, { ...params, defaultValue: deps.t('errors:internal') })
      } finally {
        publish({ testing: false, credentials: await safeList() })
        deps.notify(
          deps.t('tray:summary.title'),
          problem ?? deps.t('tray:summary.body', { ok, failed }),
        )
      }
    },
    async detectLocal() {
      try {
        const found = await deps.detectLocal()
        deps.notify(deps.t('tray:detect.title'), deps.t('tray:detect.body', { count: found }))
      } catch {
        deps.notify(deps.t('tray:detect.title'), deps.t('tray:detect.failed'))
      }
    },
  }
}
