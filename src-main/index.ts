/**
 * App lifecycle: single-instance lock, the app:// protocol, guards, IPC, window and tray.
 * This file only wires modules together.
 */
import path from 'node:path'
import {
  app,
  clipboard,
  dialog,
  Notification,
  safeStorage,
  shell,
  type BrowserWindow,
} from 'electron'
import { createAppContext } from './app-context'
import { dispatchLogging } from './ipc/dispatch-logging'
import { broadcast, registerIpc } from './electron/ipc'
import { installGuards, openExternalSafe } from './electron/guards'
import { applyLaunchAtLogin, startedAtLogin } from './electron/login-item'
import { electronPreferencesBackend } from './electron/preferences-store'
import { createAppUpdater } from './electron/updater'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './electron/protocol'
import { TrayService } from './electron/tray'
import { createMainWindow, isOwnWebContents, preloadPathFrom } from './electron/window'
import { createMainTranslator } from './i18n'
import { createDispatcher, isOwnRendererUrl, trustedByIdentity } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import { resolveHome } from './store/home'
import { trayDepsFrom } from './tray/tray-deps'
import { createTrayModel, refreshesTray } from './tray/tray-model'
import { createPreferences } from './prefs/preferences'
import { createUpdateMachine } from './updates/update-machine'
import { loadWindowState } from './window-state'

// Only a development build trusts a dev server; a packaged app ignores the variable, so nothing in
// the environment can make it load (and trust) another origin.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const rendererDir = path.join(__dirname, '../renderer')
const assetsDir = app.isPackaged
  ? path.join(process.resourcesPath, 'assets')
  : path.join(app.getAppPath(), 'assets')

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let win: BrowserWindow | null = null
  const home = resolveHome(process.env, process.platform)
  app.setPath('userData', home)
  const isOwn = (url: string) => isOwnRendererUrl(url, devUrl)
  // App-only preferences (electron-store); the shared credential store stays the CLI's too.
  const preferences = createPreferences(electronPreferencesBackend(home))
  const language = () => preferences.get().language ?? app.getLocale()

  const showWindow = () => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore()
      win.show()
      win.focus()
      return
    }
    win = createMainWindow({
      home,
      preloadPath: preloadPathFrom(__dirname),
      url: devUrl ?? `${APP_ORIGIN}/index.html`,
      iconPath: path.join(assetsDir, 'icon.png'),
      title: 'Switchboard',
      bounds: {
        // The bounds moved into the preferences; an older install's window-state.json seeds them.
        load: () => preferences.get().window ?? loadWindowState(home),
        save: (state) => preferences.setWindow(state),
      },
    })
    win.on('closed', () => (win = null))
  }

  app.on('second-instance', showWindow)

  void app.whenReady().then(() => {
    let trayModel: ReturnType<typeof createTrayModel> | null = null
    const ctx = createAppContext({
      home,
      version: app.getVersion(),
      preferences,
      updates: (settings) =>
        createUpdateMachine({
          updater: createAppUpdater(),
          currentVersion: app.getVersion(),
          settings,
        }),
      emit: (event, payload) => {
        broadcast(event, payload)
        // Keep the tray's list and marks in step with what the window (or a test) changed.
        if (refreshesTray(event)) void trayModel?.refresh()
      },
      platform: {
        safeStorage,
        locale: app.getLocale(),
        openLink: async (url) => {
          await openExternalSafe(url)
        },
        openPath: async (dir) => (await shell.openPath(dir)) === '',
        writeClipboard: (text) => clipboard.writeText(text),
        versions: {
          electron: process.versions.electron ?? '',
          chrome: process.versions.chrome ?? '',
          node: process.versions.node,
        },
        resourcesPath: app.isPackaged ? process.resourcesPath : undefined,
        pickFile: async (options) => {
          const parent = win && !win.isDestroyed() ? win : undefined
          const dialogOptions: Electron.OpenDialogOptions = {
            title: options.title,
            filters: options.filters,
            properties: ['openFile'],
          }
          const r = parent
            ? await dialog.showOpenDialog(parent, dialogOptions)
            : await dialog.showOpenDialog(dialogOptions)
          return r.canceled ? null : (r.filePaths[0] ?? null)
        },
      },
    })
    installGuards(isOwn)
    if (!devUrl) serveRenderer(rendererDir)
    registerIpc(
      createDispatcher(createHandlers(ctx), {
        isTrustedSender: trustedByIdentity({ isOwnUrl: isOwn, isOwnWebContents }),
        ...dispatchLogging(ctx),
      }),
    )

    // The tray, notifications and native dialogs speak the language chosen in Settings.
    let t = createMainTranslator(language())
    ctx.platform.translate = (key, params) => t(key, params)
    const model = createTrayModel({
      ...trayDepsFrom(ctx),
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show()
      },
      t: (key, params) => t(key, params),
    })
    const tray = new TrayService(assetsDir, t, {
      testAll: () => void model.testAll(),
      detectLocal: () => void model.detectLocal(),
      // The check of the chat default (issue 16): kept in main until the window takes it.
      quickTestChat: () => {
        const target = model.state().chatDefault
        if (!target) return
        showWindow()
        ctx.verify.requestOpen(target)
      },
      copyGatewayUrl: () => {
        const url = model.state().gateway?.url
        if (url) clipboard.writeText(url)
      },
      open: showWindow,
      quit: () => app.quit(),
      restartToUpdate: () => void ctx.updates.restart(),
    })
    trayModel = model
    model.subscribe((state) => tray.render(state))
    void model.refresh()
    ctx.updates.subscribe((s) => model.setUpdateReady(s.phase === 'ready' ? s.version : null))
    preferences.onChange((next, previous) => {
      if (next.language !== previous.language) {
        t = createMainTranslator(language())
        tray.setTranslator(t)
      }
      if (next.launchAtLogin !== previous.launchAtLogin) applyLaunchAtLogin(next.launchAtLogin)
    })
    // The OS keeps its own login-item list; make it match the preference (off by default).
    applyLaunchAtLogin(preferences.get().launchAtLogin)
    ctx.updates.start()
    // Started at login: the tray is there, the window opens on request.
    if (!startedAtLogin()) showWindow()
    // The local gateway runs in-process when the user switched it on (remembered in the store).
    void ctx.gateway
      .status()
      .then((s) => (s.enabled ? ctx.gateway.start() : undefined))
      .catch(() => undefined)
    app.on('before-quit', () => void ctx.gateway.stop())
    // A first sweep for local model servers in the background, so the Local page opens with it.
    void ctx.local.detect().catch(() => undefined)
    app.on('activate', showWindow)
  })

  // A tray app: closing the window keeps Switchboard in the tray; Quit is in the tray menu.
  app.on('window-all-closed', () => undefined)
}
