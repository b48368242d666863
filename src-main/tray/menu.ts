/**
 * The tray menu as a pure function of state (DESIGN §11): tested without Electron. Items carry
 * an action id instead of a click handler; the Electron edge maps ids to functions.
 */
import type { TestCode } from '../../src-preload/contract/errors'

export type TrayHealth = 'healthy' | 'degraded' | 'failing' | 'untested'
export type TrayAction =
  | 'testAll'
  | 'detectLocal'
  | 'quickTestChat'
  | 'copyGatewayUrl'
  | 'open'
  | 'quit'
  | 'restartToUpdate'

export interface TrayCredential {
  id: string
  name: string
  providerName: string
  last: { code: TestCode; at: string } | null
}

/** The local gateway as the tray shows it (DESIGN §14). */
export interface TrayGateway {
  running: boolean
  url: string | null
}

export interface TrayState {
  credentials: TrayCredential[]
  testing: boolean
  now: Date
  /** Absent before the gateway's state is known. */
  gateway?: TrayGateway
  /** The version of a downloaded update waiting for a restart (never installed without a click). */
  updateReady?: string | null
  /** The chat default, which "Quick test chat model" checks; absent or null: none set. */
  chatDefault?: { credentialId: string; modelId: string } | null
}

export interface TrayItem {
  label?: string
  type?: 'normal' | 'separator'
  enabled?: boolean
  action?: TrayAction
}

type T = (key: string, params?: Record<string, unknown>) => string

/** True when a test code means the key works. */
export const isOkCode = (code: TestCode): boolean => code.startsWith('ok')

/** The overall health: failing when every tested credential fails, degraded when some do. */
export function trayHealth(state: TrayState): TrayHealth {
  const tested = state.credentials.filter((c) => c.last)
  if (tested.length === 0) return 'untested'
  const failing = tested.filter((c) => !isOkCode(c.last!.code)).length
  if (failing === 0) return 'healthy'
  return failing === tested.length ? 'failing' : 'degraded'
}

/** A short age like "5 min ago", through the translator. */
export function ageLabel(at: string, now: Date, t: T): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(at).getTime()) / 1000))
  if (seconds < 60) return t('tray:age.justNow')
  if (seconds < 3600) return t('tray:age.minutes', { count: Math.floor(seconds / 60) })
  if (seconds < 86400) return t('tray:age.hours', { count: Math.floor(seconds / 3600) })
  return t('tray:age.days', { count: Math.floor(seconds / 86400) })
}

/** Builds the menu template for the current state. */
export function buildTrayMenu(state: TrayState, t: T): TrayItem[] {
  const health = trayHealth(state)
  const items: TrayItem[] = [
    { label: t(`tray:health.${health}`, { count: state.credentials.length }), enabled: false },
    { type: 'separator' },
  ]
  if (state.updateReady) {
    items.push(
      {
        label: t('tray:updateReady', { version: state.updateReady }),
        action: 'restartToUpdate',
      },
      { type: 'separator' },
    )
  }
  if (state.credentials.length === 0) {
    items.push({ label: t('tray:noCredentials'), enabled: false })
  }
  for (const c of state.credentials) {
    const mark = c.last ? (isOkCode(c.last.code) ? '✓' : '✗') : '–'
    const status = c.last ? ageLabel(c.last.at, state.now, t) : t('tray:untested')
    items.push({ label: `${mark} ${c.providerName} · ${c.name} — ${status}`, enabled: false })
  }
  items.push(
    { type: 'separator' },
    {
      label: state.testing ? t('tray:testing') : t('tray:testAll'),
      enabled: !state.testing && state.credentials.length > 0,
      action: 'testAll',
    },
    { label: t('tray:detectLocal'), action: 'detectLocal' },
    {
      label: t('tray:quickTestChat'),
      enabled: Boolean(state.chatDefault),
      action: 'quickTestChat',
    },
    { type: 'separator' },
    ...gatewayItems(state.gateway, t),
    { label: t('tray:open'), action: 'open' },
    { label: t('tray:quit'), action: 'quit' },
  )
  return items
}

/** The gateway's line (on at URL / off) and "Copy gateway URL", enabled while it runs. */
function gatewayItems(gateway: TrayGateway | undefined, t: T): TrayItem[] {
  const running = Boolean(gateway?.running && gateway.url)
  return [
    {
      label: running ? t('tray:gateway.on', { url: gateway!.url }) : t('tray:gateway.off'),
      enabled: false,
    },
    { label: t('tray:gateway.copyUrl'), enabled: running, action: 'copyGatewayUrl' },
    { type: 'separator' },
  ]
}
