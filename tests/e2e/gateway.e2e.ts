/**
 * The Gateway page (DESIGN §14, issue 14): switch the gateway on, create a token (shown once),
 * see it in the snippet, make a request through the gateway to a fake upstream
 * (tests/fixtures/gateway-upstream.ts) and see the usage it counted.
 */
import net from 'node:net'
import { startFakeUpstream, type FakeUpstream } from '../fixtures/gateway-upstream'
import { expect, test } from './harness/fixtures'

const KEY = 'sk-e2e-gateway-fake-key-000000000000'
let up: FakeUpstream | null = null

test.afterEach(async () => {
  await up?.close()
  up = null
})

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

test('creates a token, shows the snippet, and the usage after a request', async ({
  page,
  open,
  sb,
}) => {
  up = await startFakeUpstream('openai', KEY)
  await open('gateway')
  const cred = await sb<{ id: string }>('credentials.create', {
    provider: 'openai',
    name: 'Upstream',
    baseUrl: up.url,
    apiKey: KEY,
  })
  await sb('models.register', {
    credentialId: cred.id,
    models: [{ name: 'gpt-4o-mini', type: 'language' }],
  })
  const port = await freePort()
  await sb('gateway.setEnabled', { enabled: false, port })
  try {
    // Reload so the page reads the model and the port set above.
    await page.reload()
    await expect(page.locator('#page-title')).toBeVisible()
    const server = page.getByRole('region', { name: 'Local gateway' })
    await expect(server.getByText('Stopped')).toBeVisible()
    // A controlled switch: it flips once main says the gateway runs.
    const toggle = server.getByRole('switch', { name: 'Run the gateway' })
    await toggle.click()
    await expect(toggle).toBeChecked()
    await expect(server.getByText('Running')).toBeVisible()
    const url = `http://127.0.0.1:${port}`
    await expect(server.getByLabel('Gateway URL')).toHaveValue(url)

    const tokens = page.getByRole('region', { name: 'Tokens' })
    await expect(tokens.getByText('No tokens yet')).toBeVisible()
    await tokens.getByLabel('Name').fill('E2E app')
    await tokens.getByRole('checkbox', { name: 'gpt-4o-mini' }).check()
    await tokens.getByRole('button', { name: 'Create token' }).click()
    const shown = tokens.getByLabel('New token', { exact: true })
    await expect(shown).toHaveValue(/^sbg_/)
    const token = await shown.inputValue()
    const row = tokens.getByRole('row').filter({ hasText: 'E2E app' })
    await expect(row).toContainText('gpt-4o-mini')
    await expect(row).toContainText(`…${token.slice(-4)}`)

    // The snippet holds the URL and the new token.
    const snippet = server.getByLabel('OpenAI SDK example')
    await expect(snippet).toContainText(`base_url="${url}/v1"`)
    await expect(snippet).toContainText(token)
    await server.getByRole('radio', { name: 'curl' }).check()
    await expect(server.getByLabel('curl example')).toContainText(`${url}/v1/chat/completions`)

    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    })
    expect(res.status).toBe(200)
    await res.text()

    const usage = page.getByRole('region', { name: 'Usage' })
    await usage.getByRole('button', { name: 'Refresh' }).click()
    const usageRow = usage.getByRole('row').filter({ hasText: 'openai/gpt-4o-mini' })
    await expect(usageRow).toContainText('E2E app')
    await expect(usageRow.getByRole('cell')).toHaveText([
      'E2E app',
      'openai/gpt-4o-mini',
      '1',
      '0',
      '11',
      '3',
    ])
    await expect(usage.getByRole('img', { name: /Requests per token and model/ })).toBeVisible()

    // Dismissed, the token is gone from the page for good.
    await tokens.getByRole('button', { name: 'Done, I copied it' }).click()
    await expect(tokens.getByLabel('New token', { exact: true })).toHaveCount(0)
    await expect(page.getByText(token)).toHaveCount(0)
  } finally {
    await sb('gateway.setEnabled', { enabled: false })
  }
})
