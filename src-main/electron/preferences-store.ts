/**
 * The app's preferences file through electron-store (DESIGN §3: app-only, per user), behind the
 * plain PreferencesBackend so nothing else imports it. It lives in the data folder as
 * `preferences.json`, apart from the shared credential store the CLI reads.
 */
import Store from 'electron-store'
import type { Preferences } from '../../src-preload/contract/preferences'
import type { PreferencesBackend } from '../prefs/preferences'
import { removeRawIpcListeners } from './ipc'

export function electronPreferencesBackend(home: string): PreferencesBackend {
  const store = new Store<Record<string, unknown>>({
    cwd: home,
    name: 'preferences',
    // A hand-broken file gives the defaults instead of a crash at start-up; the values are only
    // preferences, never credentials.
    clearInvalidConfig: true,
  })
  // electron-store answers a synchronous `electron-store-get-data` IPC for renderers that use it;
  // ours never does, and every channel main answers is in the contract: take it back out.
  removeRawIpcListeners(['electron-store-get-data'])
  return {
    read: () => store.store,
    write: (value: Preferences) => {
      store.store = value as unknown as Record<string, unknown>
    },
  }
}
