/**
 * The first run end to end (issue 16): a fresh store lands on "What do you want?"; the private
 * path finds a fake Ollama (tests/fixtures/ollama-server.ts, Ollama's documented API) on the
 * choice screen, sets a model up offline through main's offline-setup job, and the verification
 * chat streams the fake's reply; the cloud path adds a key for a fake OpenAI (tests/fixtures/openai-server.ts),
 * tests it on its own, opens discovery on it, assigns defaults and the check answers. Both end on
 * the Overview, which lists the credential and the chat default.
 */
import type { Page } from '@playwright/test'
import { startFakeOllama, type FakeOllama } from '../fixtures/ollama-server'
import { startOpenAiServer } from '../fixtures/openai-server'
import type { FakeServer } from '../fixtures/recording-server'
import { expect, test } from './harness/fixtures'
import { HARNESS_ORIGIN } from './harness/serve-renderer'

const KEY = 'sk-fake-e2e-first-run-0123456789ab'

let ollama: FakeOllama
let openai: FakeServer
test.beforeEach(async () => {
  ollama = await startFakeOllama({ pull: { steps: 3, delayMs: 20 } })
  openai = await startOpenAiServer({ key: KEY })
})
test.afterEach(async () => {
  await ollama.close()
  await openai.close()
})

/** Opens the app with no page in the URL, as a fresh start does. */
async function start(page: Page, mode: string) {
  if (mode === 'bridge') await page.goto(`${HARNESS_ORIGIN}/index.html`)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome to Switchboard' }),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'What do you want?' })).toBeVisible()
}

type Sb = <T = unknown>(method: string, request?: unknown) => Promise<T>
async function chatDefault(sb: Sb) {
  const defaults = await sb<{ slots: { chat: { modelId: string | null } } }>('defaults.get', {})
  const models = await sb<{ id: string; name: string; provider: string }[]>('models.list', {})
  return models.find((m) => m.id === defaults.slots.chat.modelId) ?? null
}

test('a fresh store lands on the first-run screen; Skip for now is remembered', async ({
  page,
  mode,
  sb,
}) => {
  await start(page, mode)
  await expect(page.getByRole('button', { name: /The simplest cloud setup/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /Fully private, offline/ })).toBeVisible()
  await page.getByRole('button', { name: 'Skip for now' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Nothing is set up yet' })).toBeVisible()
  expect(await sb<{ firstRunDismissed: boolean }>('settings.getPreferences', {})).toMatchObject({
    firstRunDismissed: true,
  })
  // A fresh start with the store still empty now lands on the Overview.
  if (mode === 'bridge') await page.goto(`${HARNESS_ORIGIN}/index.html`)
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  // Settings → Run setup again comes back.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await page.getByRole('button', { name: 'Run setup again' }).click()
  await expect(page.getByRole('heading', { name: 'What do you want?' })).toBeVisible()
})

test('private: a fake Ollama is offered, a model is set up offline, defaults set, the check answers', async ({
  page,
  mode,
  sb,
}) => {
  ollama.streaming.hold = true
  await start(page, mode)
  // The server appears on this machine (a target the detection probes), then the screen opens.
  await sb('local.addTarget', { baseUrl: ollama.url })
  await page.reload()
  const found = page.getByRole('complementary', { name: 'Local servers found' })
  await expect(found).toContainText(ollama.url)
  await expect(found).toContainText('Found 1 model server on this machine')
  await found.getByRole('button', { name: 'Use it privately' }).click()

  await expect(
    page.getByRole('heading', { name: 'Use a model server on this machine' }),
  ).toBeVisible()
  const steps = page.getByRole('list', { name: 'Setup steps' })
  await expect(steps.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'server')
  const setup = page.getByRole('region', { name: 'Offline setup' })
  await setup.getByRole('button', { name: 'Set up Qwen 2.5 0.5B' }).click()

  // Main runs pull → register → default → first test; the walk moves on to the check.
  const verify = page.getByTestId('first-run-verify')
  await expect(verify).toBeVisible({ timeout: 20_000 })
  await expect(steps.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'verify')
  // The verification chat streams the fake's reply: the pieces show while its end is held.
  const reply = verify.getByTestId('verify-reply')
  await expect(reply).toHaveAttribute('aria-live', 'polite')
  // (main's stream scrubber may hold back a tail that could start a secret: the first piece shows)
  await expect(reply).toContainText(ollama.streaming.pieces[0]!.trim())
  expect(ollama.streaming.atHold).toBe(true)
  ollama.streaming.hold = false
  await expect(reply).toHaveText(ollama.streaming.pieces.join(''))
  const metrics = verify.getByTestId('verify-metrics')
  await expect(metrics).toContainText('qwen2.5:0.5b')
  await expect(metrics.locator('[data-metric="firstToken"]')).toBeVisible()
  await expect(metrics.locator('[data-metric="total"]')).toBeVisible()

  const model = await chatDefault(sb)
  expect(model).toMatchObject({ name: 'qwen2.5:0.5b', provider: 'ollama' })
  const creds = await sb<{ provider: string; baseUrl: string }[]>('credentials.list', {})
  expect(creds).toEqual([expect.objectContaining({ provider: 'ollama', baseUrl: ollama.url })])

  await verify.getByRole('button', { name: 'Done: go to the overview' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  const defaults = page.getByRole('region', { name: 'Default models' })
  await expect(defaults.locator('[data-slot="chat"]')).toContainText('qwen2.5:0.5b')
  const local = page.getByRole('region', { name: 'Local servers' })
  await expect(local).toContainText(ollama.url)
  await expect(local).toContainText('Connected')
})

test('cloud: a key for a fake OpenAI is tested on its own, discovery opens, defaults are assigned, the check answers', async ({
  page,
  mode,
  sb,
}) => {
  await start(page, mode)
  await page.getByRole('button', { name: /The simplest cloud setup/ }).click()
  await expect(page.getByRole('heading', { name: 'Add your key' })).toBeVisible()
  await page.getByRole('button', { name: 'Add a key for OpenAI' }).click()
  const add = page.locator('dialog[open]')
  await add.locator('[data-field="name"] input').fill('My OpenAI')
  await add.locator('[data-field="apiKey"] input').fill(KEY)
  await add.locator('[data-field="baseUrl"] input').fill(openai.url)
  await add.getByRole('button', { name: 'Add credential' }).click()

  // The test ran by itself and passed; discovery opened on the new credential.
  const discovery = page.getByRole('dialog', { name: 'Discover models for My OpenAI' })
  await expect(discovery).toBeVisible()
  await expect(discovery.getByText(/Showing \d+ of \d+/)).toBeVisible()
  for (const name of ['gpt-4o-mini', 'text-embedding-3-small']) {
    await discovery.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check()
  }
  await discovery.getByRole('button', { name: /^Register/ }).click()
  await expect(discovery).toBeHidden()

  const verify = page.getByTestId('first-run-verify')
  await expect(verify).toBeVisible()
  await expect(
    page.getByRole('status').filter({ hasText: 'Default models set for' }),
  ).toContainText('Chat')
  await expect(verify.getByTestId('verify-metrics').locator('[data-metric="total"]')).toBeVisible()
  await expect(verify.getByTestId('verify-reply')).not.toBeEmpty()
  await expect(verify.getByTestId('verify-metrics')).toContainText('gpt-4o-mini')
  expect(await chatDefault(sb)).toMatchObject({ name: 'gpt-4o-mini', provider: 'openai' })
  expect(openai.requests.some((r) => r.path.endsWith('/chat/completions'))).toBe(true)

  await verify.getByRole('button', { name: 'Done: go to the overview' }).click()
  const health = page.getByRole('region', { name: 'Credentials' })
  await expect(health.locator('[data-health="ok"]')).toContainText('My OpenAI')
  await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText(
    'Nothing needs your attention.',
  )
})
