// IPC round trip through the e2e harness: `app:info` called from the page in Chromium through
// exposeBinding into the real dispatcher, against the same dispatcher called directly in Node,
// interleaved in one run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppContext } from '../src-main/app-context'
import { HARNESS_ORIGIN } from '../tests/e2e/harness/serve-renderer'
import { harnessDispatch, launchChromium, wirePage } from '../tests/e2e/harness/standalone'
import { fmt, loadAverage, quantile, ratio, sideBySide } from './lib'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()

async function main() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-'))
  const app = createAppContext({
    home,
    env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'bench' },
  })
  const dispatch = harnessDispatch(app)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await wirePage(page, dispatch, root)
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
    console.log(`harness transport overhead ratio ${ratio(pm, dm)} (no target)`)
    console.log(loadAverage())
  } finally {
    await browser.close()
    fs.rmSync(home, { recursive: true, force: true })
  }
}
void main()
