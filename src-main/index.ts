/**
 * App lifecycle: single-instance lock, the app:// protocol, guards, IPC, window and tray.
 * This file only wires modules together.
 */
import path from 'node:path'
import { app, clipboard, Notification, safeStorage, type BrowserWindow } from 'electron'
import { createAppContext } from './app-context'
import { broadcast, registerIpc } from './electron/ipc'
import { installGuards, openExternalSafe } from './electron/guards'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './electron/protocol'
import { TrayService } from './electron/tray'
import { createMainWindow, isOwnWebContents, preloadPathFrom } from './electron/window'
import { createMainTranslator } from './i18n'
import { createDispatcher, isOwnRendererUrl, trustedByIdentity } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import { resolveHome } from './store/home'
import { trayDepsFrom } from './tray/tray-deps'
import { createTrayModel } from './tray/tray-model'

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
    })
    win.on('closed', () => (win = null))
  }

  app.on('second-instance', showWindow)

  void app.whenReady().then(() => {
    let trayModel: ReturnType<typeof createTrayModel> | null = null
    const ctx = createAppContext({
      home,
      version: app.getVersion(),
      emit: (event, payload) => {
        broadcast(event, payload)
        // Keep the tray's list and marks in step with what the window (or a test) changed.
        if (event.startsWith('credentials:') || event === 'gateway:changed')
          void trayModel?.refresh()
      },
      platform: {
        safeStorage,
        locale: app.getLocale(),
        openLink: async (url) => {
          await openExternalSafe(url)
        },
      },
    })
    installGuards(isOwn)
    if (!devUrl) serveRenderer(rendererDir)
    registerIpc(
      createDispatcher(createHandlers(ctx), {
        isTrustedSender: trustedByIdentity({ isOwnUrl: isOwn, isOwnWebContents }),
        log: (line) => console.warn(line),
      }),
    )

    const t = createMainTranslator(app.getLocale())
    const model = createTrayModel({
      ...trayDepsFrom(ctx),
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show()
      },
      t,
    })
    const tray = new TrayService(assetsDir, t, {
      testAll: () => void model.testAll(),
      detectLocal: () => void model.detectLocal(),
      copyGatewayUrl: () => {
        const url = model.state().gateway?.url
        if (url) clipboard.writeText(url)
      },
      open: showWindow,
      quit: () => app.quit(),
    })
    trayModel = model
    model.subscribe((state) => tray.render(state))
    void model.refresh()
    showWindow()
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
