// `npm run screens [dir]`: full-page PNG screenshots of every page, the first-run screens and the
// main dialogs open, light and dark, into docs/screens (where docs/getting-started.md links them)
// unless a folder is given, from the e2e harness (the production renderer in Chromium
// over the real handlers), so anyone can see the UI without Electron. Seeds demo data first
// through the same API the renderer uses; the first-run screens use a second, empty store.
// SCREENS_LOCALE=ja-JP (etc.) shows another language; SCREENS_SCHEMES=light takes one theme.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { createAppContext, type AppContext } from '../src-main/app-context'
import type { Dispatch } from '../src-main/ipc/dispatch'
import { HARNESS_ORIGIN } from '../tests/e2e/harness/serve-renderer'
import { harnessDispatch, launchChromium, wirePage } from '../tests/e2e/harness/standalone'
import { seedDemo, seedFirstRun } from './screens-seed'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()
const PAGES = ['home', 'apiKeys', 'models', 'local', 'gateway', 'settings']
const locale = process.env.SCREENS_LOCALE ?? 'en-US'
const schemes = (process.env.SCREENS_SCHEMES ?? 'light,dark').split(',') as ('light' | 'dark')[]

/** One screenshot: open a route, optionally act (open a dialog), wait for quiet, capture. */
interface Shot {
  name: string
  route: string
  act?: (page: Page) => Promise<void>
}

/** The main dialogs open: add key, discovery, and the verification check. */
const DIALOGS: Shot[] = [
  {
    name: 'dialog-add-key',
    route: 'apiKeys',
    act: async (page) => {
      await page.getByRole('button', { name: 'New OpenAI credential' }).click()
      await page.locator('dialog[open]').waitFor()
    },
  },
  {
    name: 'dialog-discovery',
    route: 'models',
    act: async (page) => {
      await page.getByRole('button', { name: 'Discover models' }).first().click()
      await page.getByText(/Showing \d+ of \d+/).waitFor()
    },
  },
  {
    // The first registered model is a chat model (the list is grouped by type, chat first): its
    // reply streams from the seeded fake server, then the measurements show.
    name: 'dialog-verify',
    route: 'models',
    act: async (page) => {
      await page
        .getByRole('button', { name: /^Verify / })
        .first()
        .click()
      await page.locator('dialog[open] [data-metric="total"]').waitFor()
    },
  },
]

/** The first-run screens over an empty store (a fake Ollama is running on "this machine"). */
const FIRST_RUN: Shot[] = [
  { name: 'first-run-choices', route: '' },
  {
    name: 'first-run-cloud',
    route: '',
    act: async (page) => {
      await page.getByRole('button', { name: /The simplest cloud setup/ }).click()
      await page
        .getByRole('button', { name: /^Add a key for/ })
        .first()
        .waitFor()
    },
  },
  {
    name: 'first-run-private',
    route: '',
    act: async (page) => {
      await page.getByRole('button', { name: 'Use it privately' }).click()
      await page
        .getByRole('region', { name: 'Offline setup' })
        .getByRole('listitem')
        .first()
        .waitFor()
    },
  },
  {
    name: 'first-run-verify',
    route: '',
    act: async (page) => {
      await page.getByRole('button', { name: 'Use it privately' }).click()
      await page
        .getByRole('button', { name: /^(Set up|Use) / })
        .first()
        .click()
      await page
        .getByTestId('first-run-verify')
        .locator('[data-metric="total"]')
        .waitFor({ timeout: 30_000 })
    },
  },
]

/** An app context and the IPC pipeline over it. */
interface Host {
  app: AppContext
  dispatch: Dispatch
}

async function capture(
  browser: Browser,
  { app, dispatch }: Host,
  scheme: 'light' | 'dark',
  shot: Shot,
  outDir: string,
) {
  const page = await browser.newPage({
    viewport: { width: 1200, height: 780 },
    colorScheme: scheme,
    locale,
  })
  try {
    await wirePage(page, dispatch, root)
    // Events main → renderer (offline-setup progress, pulls) reach this page, as in the e2e harness.
    ;(app as { emit: AppContext['emit'] }).emit = (event, payload) =>
      void page
        .evaluate(
          ([e, p]) =>
            (window as unknown as { __sbEmit: (e: string, p: unknown) => void }).__sbEmit(e, p),
          [event, payload] as const,
        )
        .catch(() => undefined)
    await page.goto(`${HARNESS_ORIGIN}/index.html${shot.route ? `#/${shot.route}` : ''}`)
    await page.waitForSelector('#page-title')
    await page.waitForLoadState('networkidle')
    if (shot.act) await shot.act(page)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(400)
    // The page scrolls inside the shell, not the document: grow the window to the content's
    // height so the capture is the full page.
    const height = await page.evaluate(() => document.getElementById('main')?.scrollHeight ?? 0)
    await page.setViewportSize({ width: 1200, height: Math.max(780, Math.ceil(height)) })
    await page.waitForTimeout(100)
    const file = path.join(outDir, `${shot.name}-${scheme}.png`)
    await page.screenshot({ path: file, fullPage: true })
    console.log(file)
  } finally {
    await page.close()
  }
}

async function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'screens'))
  fs.mkdirSync(outDir, { recursive: true })
  const homes: string[] = []
  const context = (name: string) => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), `sb-screens-${name}-`))
    homes.push(home)
    const env = {
      SWITCHBOARD_HOME: home,
      SWITCHBOARD_ENCRYPTION_KEY: 'screens demo passphrase',
      SWITCHBOARD_KEYCHAIN_SERVICE: 'Switchboard-screens',
      // Only the fakes the seed adds are probed, never whatever runs on this machine.
      SWITCHBOARD_DETECT_DEFAULTS: '0',
      SWITCHBOARD_DETECT_TIMEOUT_MS: '5000',
    }
    const app = createAppContext({ home, env, version: 'screens' })
    return { app, dispatch: harnessDispatch(app) }
  }
  const demo = context('demo')
  const call = (h: Host) => (channel: string, payload: unknown) =>
    h.dispatch(channel, payload, `${HARNESS_ORIGIN}/index.html`)
  const cleanups = [await seedDemo(call(demo))]
  const browser = await launchChromium()
  try {
    for (const scheme of schemes) {
      for (const p of PAGES) await capture(browser, demo, scheme, { name: p, route: p }, outDir)
      for (const shot of DIALOGS) await capture(browser, demo, scheme, shot, outDir)
      // Each first-run shot starts from an empty store of its own.
      for (const shot of FIRST_RUN) {
        const fresh = context('first-run')
        cleanups.push(await seedFirstRun(call(fresh)))
        await capture(browser, fresh, scheme, shot, outDir)
      }
    }
  } finally {
    await browser.close()
    for (const c of cleanups.reverse()) await c()
    for (const home of homes) fs.rmSync(home, { recursive: true, force: true })
  }
}
void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
