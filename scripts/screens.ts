// `npm run screens [dir]`: PNG screenshots of every page, light and dark, from the e2e harness
// (the production renderer in Chromium over the real handlers), so anyone can see the UI
// without Electron. Seeds a little demo data first through the same API the renderer uses.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppContext } from '../src-main/app-context'
import { HARNESS_ORIGIN } from '../tests/e2e/harness/serve-renderer'
import { harnessDispatch, launchChromium, wirePage } from '../tests/e2e/harness/standalone'
import { seedDemo } from './screens-seed'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()
const PAGES = ['apiKeys', 'models', 'local', 'settings']
// `npm run screens -- dir` in English; SCREENS_LOCALE=ja-JP (etc.) shows another language.
const locale = process.env.SCREENS_LOCALE ?? 'en-US'

async function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(root, 'screens'))
  fs.mkdirSync(outDir, { recursive: true })
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-screens-'))
  const env = {
    SWITCHBOARD_HOME: home,
    SWITCHBOARD_ENCRYPTION_KEY: 'screens demo passphrase',
    SWITCHBOARD_KEYCHAIN_SERVICE: 'Switchboard-screens',
  }
  const app = createAppContext({ home, env, version: 'screens' })
  const dispatch = harnessDispatch(app)
  const cleanup = await seedDemo((channel, payload) =>
    dispatch(channel, payload, `${HARNESS_ORIGIN}/index.html`),
  )
  const browser = await launchChromium()
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({
        viewport: { width: 1200, height: 780 },
        colorScheme: scheme,
        locale,
      })
      await wirePage(page, dispatch, root)
      for (const p of PAGES) {
        await page.goto(`${HARNESS_ORIGIN}/index.html#/${p}`)
        await page.waitForSelector('#page-title')
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(400)
        const file = path.join(outDir, `${p}-${scheme}.png`)
        await page.screenshot({ path: file, fullPage: false })
        console.log(file)
      }
      await page.close()
    }
  } finally {
    await browser.close()
    await cleanup()
    fs.rmSync(home, { recursive: true, force: true })
  }
}
void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
