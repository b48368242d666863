/**
 * The end-to-end harness of DESIGN §13. Project `chromium-bridge`: the production renderer build
 * from disk in Debian's Chromium, with createApi wired through exposeBinding to the real IPC
 * handlers running in this process over a temporary SWITCHBOARD_HOME. Project `electron`: the
 * same specs against the real app through _electron.launch, skipped where no binary exists.
 * Every test fails on a console error, a page error, a CSP violation or a network request the
 * renderer tried to make by itself.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  test as base,
  expect,
  _electron,
  type Browser,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import { createAppContext, type AppContext } from '../../../src-main/app-context'
import { HARNESS_ORIGIN } from './serve-renderer'
import { harnessDispatch, wirePage } from './standalone'

export const ROOT = path.resolve(__dirname, '../../..')
const RENDERER_DIR = path.join(ROOT, 'out/renderer')

/**
 * Why the Electron project cannot run here, or null when it can. Looks for the binary the way
 * the electron package does, without requiring it: a require would try to download it.
 */
export function electronUnavailableReason(): string | null {
  const pkg = path.join(ROOT, 'node_modules/electron')
  const pathFile = path.join(pkg, 'path.txt')
  const exe = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const full = override
    ? path.join(override, exe ?? 'electron')
    : exe
      ? path.join(pkg, 'dist', exe)
      : null
  if (full && fs.existsSync(full)) return null
  return 'no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run these specs where Electron is installed'
}

export interface HarnessOptions {
  mode: 'bridge' | 'electron'
  /** Extra environment for the app (the vault passphrase is set unless overridden). */
  appEnv: Record<string, string>
}

export interface HarnessWorkerOptions {
  /** The project's mode again, at worker scope (decides whether Chromium is launched). */
  workerMode: 'bridge' | 'electron'
}

interface HarnessFixtures {
  home: string
  /** The app context behind the bridge (bridge mode only; null under Electron). */
  app: AppContext | null
  /** Problems the page reported: console errors, page errors, CSP violations, stray requests. */
  problems: string[]
  /** Calls the real API from inside the page, as the renderer would. */
  sb: <T = unknown>(method: string, request?: unknown) => Promise<T>
  /** Opens a page of the app by its hash route. */
  open: (page?: string) => Promise<void>
}

export const test = base.extend<
  HarnessOptions & HarnessFixtures & { electronApp: ElectronApplication | null },
  HarnessWorkerOptions & { bridgeBrowser: Browser | null }
>({
  mode: ['bridge', { option: true }],
  workerMode: ['bridge', { option: true, scope: 'worker' }],
  // Our own Chromium, launched only by the bridge project: the built-in `page`/`browser`
  // fixtures would launch a browser in the Electron project too, where none is installed.
  bridgeBrowser: [
    async ({ playwright, workerMode, launchOptions }, use) => {
      if (workerMode !== 'bridge') return use(null)
      const browser = await playwright.chromium.launch(launchOptions)
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  appEnv: [{}, { option: true }],

  home: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-'))
    await use(dir)
    fs.rmSync(dir, { recursive: true, force: true })
  },

  app: async ({ home, mode, appEnv }, use) => {
    if (mode !== 'bridge') return use(null)
    const env = {
      PATH: process.env.PATH ?? '',
      SWITCHBOARD_HOME: home,
      SWITCHBOARD_ENCRYPTION_KEY: 'e2e passphrase, not a real secret',
      SWITCHBOARD_KEYCHAIN_SERVICE: 'Switchboard-e2e',
      // Detection probes only the targets a spec adds, never whatever runs on this machine.
      SWITCHBOARD_DETECT_DEFAULTS: '0',
      // Every target a spec adds answers, so a sweep ends when they have been listed; the 500 ms
      // default would race the clock on a busy machine (identified, but "could not list models").
      SWITCHBOARD_DETECT_TIMEOUT_MS: '5000',
      ...appEnv,
    }
    await use(createAppContext({ home, env, version: '0.0.0-e2e' }))
  },

  problems: async ({}, use) => {
    await use([])
  },

  electronApp: async ({ mode, home, appEnv }, use) => {
    if (mode !== 'electron') return use(null)
    const reason = electronUnavailableReason()
    test.skip(reason !== null, `Electron project skipped: ${reason}`)
    const electronApp = await _electron.launch({
      // The project folder, as `npm start` does: Electron reads package.json's main, and the app
      // path (where assets/ is) is the project, not out/main.
      args: [ROOT],
      env: {
        ...(process.env as Record<string, string>),
        SWITCHBOARD_HOME: home,
        SWITCHBOARD_ENCRYPTION_KEY: 'e2e passphrase, not a real secret',
        SWITCHBOARD_DETECT_DEFAULTS: '0',
        SWITCHBOARD_DETECT_TIMEOUT_MS: '5000',
        ...appEnv,
      },
    })
    await use(electronApp)
    await electronApp.close()
  },

  page: async (
    { bridgeBrowser, mode, app, electronApp, problems, viewport, bypassCSP, colorScheme },
    use,
  ) => {
    let page: Page
    let close = async () => undefined as void
    if (mode === 'electron') {
      page = await electronApp!.firstWindow()
    } else {
      const context = await bridgeBrowser!.newContext({ viewport, bypassCSP, colorScheme })
      close = () => context.close()
      page = await context.newPage()
      if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
        throw new Error('out/renderer is missing: run `npm run build` before the e2e tests')
      }
      const blocked: string[] = []
      await wirePage(page, harnessDispatch(app!), ROOT, blocked)
      // Events main → renderer: forward the context's emit into the page.
      ;(app as { emit: AppContext['emit'] }).emit = (event, payload) => {
        void page
          .evaluate(
            ([e, p]) =>
              (window as unknown as { __sbEmit: (e: string, p: unknown) => void }).__sbEmit(e, p),
            [event, payload] as const,
          )
          .catch(() => undefined)
      }
      page.on('requestfailed', (r) => {
        if (blocked.includes(r.url())) problems.push(`renderer requested ${r.url()}`)
      })
    }
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)
      })
    })
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`)
    })
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
    await use(page)
    await close()
    expect(problems, 'the page reported problems').toEqual([])
  },

  open: async ({ page, mode }, use) => {
    await use(async (route = 'apiKeys') => {
      if (mode === 'electron') {
        await page.evaluate((r) => (window.location.hash = `#/${r}`), route)
      } else {
        await page.goto(`${HARNESS_ORIGIN}/index.html#/${route}`)
      }
      await expect(page.locator('#page-title')).toBeVisible()
    })
  },

  sb: async ({ page }, use) => {
    await use(async <T>(method: string, request?: unknown) => {
      const res = await page.evaluate(
        async ([m, r]) => {
          const [domain, verb] = (m as string).split('.') as [string, string]
          const api = (
            window as unknown as {
              switchboard: Record<string, Record<string, (r: unknown) => Promise<unknown>>>
            }
          ).switchboard
          return api[domain]![verb]!(r)
        },
        [method, request] as const,
      )
      const env = res as { ok: boolean; data?: T; error?: unknown }
      if (!env.ok) throw new Error(`${method} failed: ${JSON.stringify(env.error)}`)
      return env.data as T
    })
  },
})

export { expect }
