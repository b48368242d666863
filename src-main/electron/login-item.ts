/**
 * Launch at login (a tray app): `app.setLoginItemSettings` on macOS and Windows, the XDG autostart
 * entry on Linux (where Electron's call does nothing). Only a packaged app registers itself: a
 * development run would register the bare Electron binary.
 */
import os from 'node:os'
import { app } from 'electron'
import { HIDDEN_ARG, setLinuxAutostart } from '../system/autostart'

export function applyLaunchAtLogin(enabled: boolean): void {
  if (!app.isPackaged) return
  if (process.platform === 'linux') {
    setLinuxAutostart(enabled, {
      env: process.env,
      homedir: os.homedir(),
      execPath: process.execPath,
    })
    return
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] })
}

/** True when this run was started at login (then the window stays closed; the tray is there). */
export function startedAtLogin(): boolean {
  if (process.argv.includes(HIDDEN_ARG)) return true
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true
}
