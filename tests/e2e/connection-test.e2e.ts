/**
 * Connection tests through the UI (issue 5): the Test button shows the success message (model
 * count, latency) and failure messages with the fix for two providers (OpenAI and Anthropic
 * shapes, fake servers on 127.0.0.1 reached through the base URL override), the last-result badge,
 * and "Test all" with live results.
 */
import type { Page } from '@playwright/test'
import { startAnthropicServer } from '../fixtures/anthropic-server'
import { startOpenAiServer } from '../fixtures/openai-server'
import { closedPortUrl, type FakeServer } from '../fixtures/recording-server'
import { expect, test } from './harness/fixtures'

const OPENAI_KEY = 'sk-proj-E2ETESTOPENAI-000000000ok01'
const ANTHROPIC_KEY = 'sk-ant-E2ETESTANTHROPIC-0000000ok02'

const row = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true })

let servers: FakeServer[] = []
test.afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})

async function seed(sb: <T>(m: string, r?: unknown) => Promise<T>) {
  const openai = await startOpenAiServer({ key: OPENAI_KEY })
  const anthropic = await startAnthropicServer({ key: ANTHROPIC_KEY })
  servers.push(openai, anthropic)
  const add = (req: Record<string, unknown>) => sb<{ id: string }>('credentials.create', req)
  await add({ provider: 'openai', name: 'OpenAI good', apiKey: OPENAI_KEY, baseUrl: openai.url })
  await add({
    provider: 'openai',
    name: 'OpenAI revoked',
    apiKey: 'sk-proj-E2EREVOKED-00000000bad1',
    baseUrl: openai.url,
  })
  await add({
    provider: 'anthropic',
    name: 'Anthropic good',
    apiKey: ANTHROPIC_KEY,
    baseUrl: anthropic.url,
  })
  await add({
    provider: 'anthropic',
    name: 'Anthropic down',
    apiKey: ANTHROPIC_KEY,
    baseUrl: await closedPortUrl(),
  })
  return { openai, anthropic }
}

test.describe('connection tests', () => {
  test('the Test button says what happened, for success and failure, on two providers', async ({
    page,
    open,
    sb,
  }) => {
    await open('apiKeys')
    const { openai, anthropic } = await seed(sb)
    await expect(row(page, 'OpenAI good')).toContainText('Not tested yet')

    await page.getByRole('button', { name: 'Test OpenAI good' }).click()
    const okResult = row(page, 'OpenAI good').locator('.test-result')
    await expect(okResult).toContainText('Connected')
    await expect(okResult).toContainText('3 models available')
    await expect(okResult).toContainText(/\d+ ms/)
    await expect(row(page, 'OpenAI good')).toContainText('✓ just now')
    expect(openai.requests.some((r) => r.path === '/v1/models')).toBe(true)

    await page.getByRole('button', { name: 'Test OpenAI revoked' }).click()
    const bad = row(page, 'OpenAI revoked').locator('.test-result')
    await expect(bad).toContainText('Key rejected')
    await expect(bad).toContainText('OpenAI rejected the credential (401)')
    // The hint names where to get a key, as a link that opens in the system browser.
    const link = bad.getByRole('link', { name: 'https://platform.openai.com/api-keys' })
    await expect(link).toBeVisible()
    await link.click()
    await expect(page).toHaveURL(/#\/apiKeys$/) // opened through main, no navigation here
    await expect(row(page, 'OpenAI revoked')).toContainText('✗ 401 key rejected')

    await page.getByRole('button', { name: 'Test Anthropic good' }).click()
    await expect(row(page, 'Anthropic good').locator('.test-result')).toContainText('Connected')
    expect(anthropic.requests.some((r) => r.path === '/v1/models')).toBe(true)

    await page.getByRole('button', { name: 'Test Anthropic down' }).click()
    const down = row(page, 'Anthropic down').locator('.test-result')
    await expect(down).toContainText('Could not connect')
    await expect(down).toContainText('The connection was refused')
    await expect(down).toContainText('Check that the server is running')

    // Results survive a reload as last-result badges with the stored message.
    await page.reload()
    await expect(row(page, 'OpenAI good')).toContainText('✓ just now')
    await expect(row(page, 'OpenAI revoked')).toContainText('✗ 401 key rejected')
    await expect(row(page, 'OpenAI revoked')).toContainText('OpenAI rejected the credential (401)')
    expect(await page.content()).not.toContain('E2ETESTOPENAI')
  })

  test('Test all shows each result as it arrives and sums up', async ({ page, open, sb }) => {
    await open('apiKeys')
    const { anthropic } = await seed(sb)
    // The Anthropic server holds its answer until released, so one test is certainly still
    // running while the live progress is checked. (It used to answer after a fixed 1.5 s: on a
    // busy machine the assertions below outlasted it and "Testing…" was already gone.)
    anthropic.mode = 'held'
    await expect(row(page, 'Anthropic down')).toBeVisible() // the page re-read on credentials:changed
    await page.getByRole('button', { name: 'Test all' }).click()
    await expect(page.getByRole('status').filter({ hasText: /Testing \d of 4/ })).toBeVisible()
    await expect(row(page, 'OpenAI good').locator('.test-result')).toContainText('Connected')
    await expect(
      row(page, 'Anthropic good').getByRole('button', { name: 'Test Anthropic good' }),
    ).toHaveText('Testing…')
    await expect.poll(() => anthropic.requests.length).toBeGreaterThan(0)
    anthropic.mode = 'ok'
    anthropic.release()
    await expect(page.getByText('Tested 4 credentials')).toBeVisible({ timeout: 10_000 })
    await expect(page.getByText(/2 working/)).toBeVisible()
    await expect(row(page, 'Anthropic good').locator('.test-result')).toContainText('Connected')
    await expect(row(page, 'OpenAI revoked').locator('.test-result')).toContainText('Key rejected')
    await expect(row(page, 'Anthropic down').locator('.test-result')).toContainText(
      'Could not connect',
    )
    await expect(page.getByRole('button', { name: 'Test all' })).toBeEnabled()
  })
})
