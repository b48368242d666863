/**
 * Launch at login (src-main/electron/login-item.ts) under a stand-in `electron`: only a packaged
 * app registers itself; on Linux through the XDG autostart entry (here under a temp
 * XDG_CONFIG_HOME), elsewhere through Electron's login items with the hidden flag; a run started
 * with that flag (or opened at login on macOS) counts as started at login.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HIDDEN_ARG } from '../../../src-main/system/autostart'
import { tmpHome } from '../../support/home'

const electronApp = {
  isPackaged: false,
  loginItems: [] as unknown[],
  wasOpenedAtLogin: false,
  setLoginItemSettings(s: unknown) {
    this.loginItems.push(s)
  },
  getLoginItemSettings() {
    return { openAtLogin: false, wasOpenedAtLogin: this.wasOpenedAtLogin }
  },
}
vi.mock('electron', () => ({ app: electronApp }))

const { applyLaunchAtLogin, startedAtLogin } = await import('../../../src-main/electron/login-item')

const saved = { env: process.env.XDG_CONFIG_HOME, argv: process.argv, platform: process.platform }
const setPlatform = (p: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: p })
let config = ''
beforeEach(() => {
  config = tmpHome('sb-login-item-')
  process.env.XDG_CONFIG_HOME = config
  electronApp.isPackaged = false
  electronApp.loginItems = []
  electronApp.wasOpenedAtLogin = false
})
afterEach(() => {
  if (saved.env === undefined) delete process.env.XDG_CONFIG_HOME
  else process.env.XDG_CONFIG_HOME = saved.env
  process.argv = saved.argv
  setPlatform(saved.platform)
})

const entries = () => {
  const dir = path.join(config, 'autostart')
  return fs.existsSync(dir) ? fs.readdirSync(dir) : []
}

describe('applyLaunchAtLogin', () => {
  it('registers nothing from a development run', () => {
    setPlatform('linux')
    applyLaunchAtLogin(true)
    setPlatform('darwin')
    applyLaunchAtLogin(true)
    expect(entries()).toEqual([])
    expect(electronApp.loginItems).toEqual([])
  })

  it('on Linux writes and removes the XDG autostart entry with the hidden flag', () => {
    electronApp.isPackaged = true
    setPlatform('linux')
    applyLaunchAtLogin(true)
    const [entry] = entries()
    expect(entry).toMatch(/\.desktop$/)
    expect(fs.readFileSync(path.join(config, 'autostart', entry!), 'utf8')).toContain(HIDDEN_ARG)
    expect(electronApp.loginItems).toEqual([])
    applyLaunchAtLogin(false)
    expect(entries()).toEqual([])
  })

  it("elsewhere uses Electron's login items, started hidden", () => {
    electronApp.isPackaged = true
    setPlatform('win32')
    applyLaunchAtLogin(true)
    applyLaunchAtLogin(false)
    expect(electronApp.loginItems).toEqual([
      { openAtLogin: true, args: [HIDDEN_ARG] },
      { openAtLogin: false, args: [HIDDEN_ARG] },
    ])
    expect(entries()).toEqual([])
  })
})

describe('startedAtLogin', () => {
  it('is true with the hidden flag, or when macOS says it opened the app at login', () => {
    setPlatform('linux')
    process.argv = ['/opt/Switchboard/switchboard']
    expect(startedAtLogin()).toBe(false)
    process.argv = ['/opt/Switchboard/switchboard', HIDDEN_ARG]
    expect(startedAtLogin()).toBe(true)
    process.argv = ['/Applications/Switchboard.app/Contents/MacOS/Switchboard']
    electronApp.wasOpenedAtLogin = true
    expect(startedAtLogin()).toBe(false)
    setPlatform('darwin')
    expect(startedAtLogin()).toBe(true)
  })
})
