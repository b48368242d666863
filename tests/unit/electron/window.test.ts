/**
 * The main window (src-main/electron/window.ts) under a stand-in `electron`: the secure options
 * are written where the window is created and asserted here, and the window's WebContents is
 * what IPC trusts (by id) until it is destroyed.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { tmpHome } from '../../support/home'

const made: { options: Record<string, unknown>; win: FakeWindow }[] = []
let nextId = 41

class FakeWindow extends EventEmitter {
  webContents = Object.assign(new EventEmitter(), { id: nextId++ })
  constructor(public options: Record<string, unknown>) {
    super()
    made.push({ options, win: this })
  }
  loadURL = async () => undefined
  maximize() {}
  show() {}
  isDestroyed = () => false
  isMaximized = () => false
  getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 })
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}))

const { createMainWindow, isOwnWebContents } = await import('../../../src-main/electron/window')

describe('the main window', () => {
  const home = tmpHome('sb-window-')
  const open = () =>
    createMainWindow({
      home,
      preloadPath: '/p.cjs',
      url: 'app://switchboard/index.html',
      iconPath: '/i.png',
      title: 'S',
    })

  it('isolates, sandboxes and disables node in every window', () => {
    open()
    const { options } = made.at(-1)!
    expect(options.show).toBe(false)
    expect(options.webPreferences).toEqual({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('trusts the WebContents it created, and only while it lives', () => {
    open()
    const { win } = made.at(-1)!
    const id = win.webContents.id
    expect(isOwnWebContents(id)).toBe(true)
    expect(isOwnWebContents(id + 1000)).toBe(false)
    win.webContents.emit('destroyed')
    expect(isOwnWebContents(id)).toBe(false)
  })
})
