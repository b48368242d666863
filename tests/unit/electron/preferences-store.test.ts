/**
 * The preferences file through electron-store (src-main/electron/preferences-store.ts), played
 * by `conf` (what electron-store extends) beside a stand-in `electron`: `preferences.json` in the data folder, written and read back, a
 * hand-broken file read as empty instead of a crash, and electron-store's raw IPC listener taken
 * back out (every channel main answers is in the contract).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_PREFERENCES } from '../../../src-preload/contract/preferences'
import { tmpHome } from '../../support/home'

const listeners = new Set<string>()
const ipcMain = {
  on: (channel: string) => listeners.add(channel),
  removeAllListeners: (channel: string) => listeners.delete(channel),
}
vi.mock('electron', () => ({ ipcMain }))
// electron-store is `conf` plus the Electron defaults and a raw IPC listener; the package itself
// loads the real `electron` (a binary path outside Electron), so it is played by conf here.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  return {
    default: class extends Conf {
      constructor({ name, ...options }: { name: string; cwd: string }) {
        super({ ...options, configName: name, projectVersion: '1.0.0' })
        ipcMain.on('electron-store-get-data')
      }
    },
  }
})

const { electronPreferencesBackend } = await import('../../../src-main/electron/preferences-store')

describe('electronPreferencesBackend', () => {
  it('writes preferences.json in the data folder and reads it back', () => {
    const home = tmpHome('sb-prefs-store-')
    const prefs = { ...DEFAULT_PREFERENCES, theme: 'dark' as const, language: 'it-IT' as const }
    electronPreferencesBackend(home).write(prefs)
    const file = path.join(home, 'preferences.json')
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(prefs)
    expect(electronPreferencesBackend(home).read()).toEqual(prefs)
  })

  it('reads a hand-broken file as empty instead of failing', () => {
    const home = tmpHome('sb-prefs-store-')
    fs.writeFileSync(path.join(home, 'preferences.json'), '{ not json')
    expect(electronPreferencesBackend(home).read()).toEqual({})
  })

  it('leaves no raw electron-store IPC listener behind', () => {
    electronPreferencesBackend(tmpHome('sb-prefs-store-'))
    expect([...listeners]).toEqual([])
  })
})
