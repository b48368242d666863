/** The main window: secure options, shown on ready-to-show, bounds remembered. */
import path from 'node:path'
import { BrowserWindow, screen } from 'electron'
import { MIN_WINDOW_SIZE, fitToDisplays, loadWindowState, saveWindowState } from '../window-state'
import { secureWebPreferences } from './secure-options'

export interface WindowOptions {
  home: string
  preloadPath: string
  url: string
  iconPath: string
  title: string
}

/** Creates (or recreates) the main window. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const state = fitToDisplays(
    loadWindowState(options.home),
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
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  const remember = () => {
    if (win.isDestroyed()) return
    const b = win.getNormalBounds()
    saveWindowState(options.home, { ...b, maximized: win.isMaximized() })
  }
  win.on('close', remember)
  void win.loadURL(options.url)
  return win
}

/** Where the preload bundle sits next to the main bundle. */
export function preloadPathFrom(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs')
}
