/**
 * electron-updater at the Electron edge: the GitHub releases feed named by `publish` in
 * electron-builder.yml (baked into the package as app-update.yml). A development run has no
 * feed and does not update itself.
 */
import { app } from 'electron'
import { autoUpdater } from 'electron-updater'
import type { UpdaterLike } from '../updates/update-machine'

export function createAppUpdater(): UpdaterLike | null {
  if (!app.isPackaged) return null
  // Its own log lines would go to the console unscrubbed; the state machine reports errors.
  autoUpdater.logger = null
  return autoUpdater as unknown as UpdaterLike
}
