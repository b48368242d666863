/**
 * The update state machine, free of Electron: electron-updater's AppUpdater is injected (the app
 * passes `autoUpdater`, the tests a real AppImageUpdater pointed at a local feed). It checks at
 * start and once a day when the person allows it, downloads quietly, and installs only when they
 * click "Restart" (or quit: electron-updater's autoInstallOnAppQuit). Never a forced restart.
 */
import type { UpdateStatus } from '../../src-preload/contract/updates'
import type { Preferences } from '../../src-preload/contract/preferences'
import type { PreferencesService } from '../prefs/preferences'
import { scrub } from '../errors'

/** The part of electron-updater's AppUpdater this machine drives. */
export interface UpdaterLike {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  allowPrerelease: boolean
  allowDowngrade: boolean
  channel: string | null
  on(event: string, listener: (...args: never[]) => void): unknown
  checkForUpdates(): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
}

export type UpdateSettings = Preferences['updates']

export interface UpdateMachineOptions {
  updater: UpdaterLike | null
  currentVersion: string
  settings: UpdateSettings
  clock?: () => Date
  /** Runs `fn` every `ms`; returns the cancel. setInterval by default (tests fire it by hand). */
  every?: (fn: () => void, ms: number) => () => void
}

export interface UpdateMachine {
  status(): UpdateStatus
  /** The first check (when auto-check is on) and the daily timer. */
  start(): void
  /** A check now, whatever the auto-check switch says (the Settings button). */
  check(): Promise<UpdateStatus>
  /** New settings from the preferences: channel and auto-check apply at once. */
  configure(settings: UpdateSettings): void
  /** Installs the downloaded update and restarts; false (nothing happens) unless one is ready. */
  restart(): boolean
  subscribe(listener: (s: UpdateStatus) => void): () => void
  stop(): void
}

export const DAY_MS = 24 * 60 * 60 * 1000

/** A short, scrubbed English reason; `network` when the feed could not be reached. */
function describeError(err: unknown): { code: 'network' | 'internal'; message: string } {
  const e = err as { code?: string; message?: string }
  const text = String(e?.message ?? err)
  const network =
    /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ERR_INTERNET|ERR_NAME_NOT_RESOLVED|ERR_NETWORK|ERR_CONNECTION/.test(
      `${e?.code ?? ''} ${text}`,
    )
  return { code: network ? 'network' : 'internal', message: scrub(text.split('\n')[0] ?? '') }
}

export function createUpdateMachine(options: UpdateMachineOptions): UpdateMachine {
  const clock = options.clock ?? (() => new Date())
  const every =
    options.every ??
    ((fn, ms) => {
      const t = setInterval(fn, ms)
      t.unref?.()
      return () => clearInterval(t)
    })
  const updater = options.updater
  const listeners = new Set<(s: UpdateStatus) => void>()
  let settings = { ...options.settings }
  let cancelTimer: (() => void) | null = null
  let inFlight: Promise<UpdateStatus> | null = null
  let current: UpdateStatus = {
    phase: updater ? 'idle' : 'unsupported',
    currentVersion: options.currentVersion,
    version: null,
    percent: null,
    lastCheck: null,
    channel: settings.channel,
    autoCheck: settings.autoCheck,
    error: null,
  }
  const publish = (next: Partial<UpdateStatus>) => {
    current = { ...current, ...next, channel: settings.channel, autoCheck: settings.autoCheck }
    for (const l of listeners) l(current)
  }

  const applyChannel = () => {
    if (!updater) return
    // Setting `channel` makes electron-updater allow downgrades (AppUpdater.ts, `set channel`):
    // a person leaving beta keeps the newer beta until stable catches up, so turn that back off.
    updater.channel = settings.channel === 'beta' ? 'beta' : 'latest'
    updater.allowPrerelease = settings.channel === 'beta'
    updater.allowDowngrade = false
  }

  if (updater) {
    updater.autoDownload = true
    updater.autoInstallOnAppQuit = true
    applyChannel()
    updater.on('checking-for-update', () => {
      if (current.phase !== 'ready') publish({ phase: 'checking', error: null })
    })
    updater.on('update-available', (info: { version: string }) =>
      publish({ phase: 'downloading', version: info.version, percent: 0, error: null }),
    )
    updater.on('update-not-available', () => {
      if (current.phase !== 'ready')
        publish({
          phase: 'upToDate',
          version: null,
          percent: null,
          lastCheck: clock().toISOString(),
        })
    })
    updater.on('download-progress', (p: { percent: number }) =>
      publish({ phase: 'downloading', percent: Math.max(0, Math.min(100, Math.round(p.percent))) }),
    )
    updater.on('update-downloaded', (info: { version: string }) =>
      publish({
        phase: 'ready',
        version: info.version,
        percent: 100,
        lastCheck: clock().toISOString(),
        error: null,
      }),
    )
    updater.on('error', (err: unknown) => {
      // A failed check after a finished download keeps the ready update: it is still installable.
      if (current.phase === 'ready') return
      publish({ phase: 'error', error: describeError(err), lastCheck: clock().toISOString() })
    })
  }

  const check = (): Promise<UpdateStatus> => {
    if (!updater) return Promise.resolve(current)
    if (current.phase === 'ready') return Promise.resolve(current)
    inFlight ??= (async () => {
      try {
        const result = (await updater.checkForUpdates()) as {
          downloadPromise?: Promise<unknown> | null
        } | null
        // Wait for the download so the answer says `ready` (or why not); progress goes out as events.
        await result?.downloadPromise?.catch(() => undefined)
      } catch (err) {
        if (current.phase !== 'error' && current.phase !== 'ready') {
          publish({ phase: 'error', error: describeError(err), lastCheck: clock().toISOString() })
        }
      } finally {
        inFlight = null
      }
      return current
    })()
    return inFlight
  }

  const schedule = () => {
    cancelTimer?.()
    cancelTimer = null
    if (updater && settings.autoCheck) cancelTimer = every(() => void check(), DAY_MS)
  }

  return {
    status: () => current,
    start() {
      if (!updater) return
      schedule()
      if (settings.autoCheck) void check()
    },
    check,
    configure(next) {
      const channelChanged = next.channel !== settings.channel
      const autoChanged = next.autoCheck !== settings.autoCheck
      settings = { ...next }
      applyChannel()
      if (autoChanged) schedule()
      publish({})
      // Another channel may have another latest version: look now if the person allows checks.
      if (channelChanged && settings.autoCheck) void check()
    },
    restart() {
      if (!updater || current.phase !== 'ready') return false
      // isSilent=false shows the installer's own UI on Windows; isForceRunAfter relaunches the app.
      updater.quitAndInstall(false, true)
      return true
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    stop() {
      cancelTimer?.()
      cancelTimer = null
    },
  }
}

/**
 * Keeps the machine's settings with the preferences: a change of `updates` is applied at once;
 * changes of other preferences (theme, language, …) leave the machine alone. Returns the unsubscribe.
 */
export function followPreferences(
  machine: Pick<UpdateMachine, 'configure'>,
  preferences: Pick<PreferencesService, 'onChange'>,
): () => void {
  return preferences.onChange((next, previous) => {
    if (JSON.stringify(next.updates) !== JSON.stringify(previous.updates)) {
      machine.configure(next.updates)
    }
  })
}
