/** The main window: secure options, shown on ready-to-show, bounds remembered. */
import path from 'node:path'
import { BrowserWindow, screen } from 'electron'
import {
  MIN_WINDOW_SIZE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
  type WindowState,
} from '../window-state'

export interface WindowOptions {
  home: string
  preloadPath: string
  url: string
  iconPath: string
  title: string
  /** Where the bounds are kept (the preferences); `window-state.json` in `home` when absent. */
  bounds?: { load(): WindowState; save(state: WindowState): void }
}

/**
 * The WebContents of the windows we created. IPC trusts a sender by this identity (and its main
 * frame), not by URL alone: a URL can be imitated, the id of a WebContents we made cannot.
 */
const ownWebContents = new Set<number>()

/** True when `id` is the WebContents of a window this process created and still has open. */
export function isOwnWebContents(id: number): boolean {
  return ownWebContents.has(id)
}

/** Creates (or recreates) the main window. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const state = fitToDisplays(
    options.bounds?.load() ?? loadWindowState(options.home),
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const win = new BrowserWindow({
    ...state,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: options.title,
    icon: options.iconPath,
    backgroundColor: '#111318',
    autoHideMenuBar: true,
    // Written out here, where the window is made, so a reviewer (and Electronegativity, which
    // reads only literals) sees every option; tests/unit/electron/window.test.ts asserts them.
    webPreferences: {
      preload: options.preloadPath,
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
    },
  })
  const id = win.webContents.id
  ownWebContents.add(id)
  win.webContents.once('destroyed', () => ownWebContents.delete(id))
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  const remember = () => {
    if (win.isDestroyed()) return
    const b = win.getNormalBounds()
    const state = { ...b, maximized: win.isMaximized() }
    if (options.bounds) options.bounds.save(state)
    else saveWindowState(options.home, state)
  }
  win.on('close', remember)
  void win.loadURL(options.url)
  return win
}

/** Where the preload bundle sits next to the main bundle. */
export function preloadPathFrom(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs')
}
