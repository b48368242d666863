// IPC round trip through the e2e harness: `app:info` called from the page in Chromium through
// exposeBinding into the real dispatcher, against the same dispatcher called directly in Node,
// interleaved in one run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { createAppContext } from '../src-main/app-context'
import { createDispatcher, isOwnRendererUrl } from '../src-main/ipc/dispatch'
import { createHandlers } from '../src-main/ipc/handlers'
import { buildBridge } from '../tests/e2e/harness/build-bridge'
import { HARNESS_ORIGIN, serveRendererFromDisk } from '../tests/e2e/harness/serve-renderer'
import { fmt, quantile, ratio, sideBySide } from './lib'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()

async function main() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-'))
  const app = createAppContext({
    home,
    env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'bench' },
  })
  const dispatch = createDispatcher(createHandlers(app), {
    isTrustedSender: (u) => isOwnRendererUrl(u, HARNESS_ORIGIN),
  })
  const browser = await chromium.launch({
    executablePath: process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    const page = await browser.newPage()
    await serveRendererFromDisk(page, path.join(root, 'out/renderer'), [])
    await page.exposeBinding('__sbInvoke', (source, channel: string, payload: unknown) =>
      dispatch(channel, payload, source.frame.url()),
    )
    await page.addInitScript({ content: buildBridge(root) })
    await page.goto(`${HARNESS_ORIGIN}/index.html`)
    const viaPage = () =>
      page.evaluate(() =>
        (
          window as unknown as { switchboard: { app: { info: () => Promise<unknown> } } }
        ).switchboard.app.info(),
      )
    const direct = () => dispatch('app:info', {}, `${HARNESS_ORIGIN}/index.html`)
    const { a, b } = await sideBySide(200, viaPage, direct)
    const pm = quantile(a, 0.5)
    const dm = quantile(b, 0.5)
    console.log(
      `round trip page → binding → dispatcher → page: median ${fmt(pm)}, p95 ${fmt(quantile(a, 0.95))}`,
    )
    console.log(
      `dispatcher alone (validation + handler):        median ${fmt(dm)}, p95 ${fmt(quantile(b, 0.95))}`,
    )
    console.log(`harness transport overhead ratio ${ratio(pm, dm)}`)
  } finally {
    await browser.close()
    fs.rmSync(home, { recursive: true, force: true })
  }
}
void main()
