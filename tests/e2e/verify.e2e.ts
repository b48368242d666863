/**
 * The verification check end to end (issue 16): a model registered on a fake OpenAI
 * (tests/fixtures/openai-server.ts) is verified from its row on the Models page — the Verify
 * dialog opens labelled by the model, the reply streams from the fake's streamed chat route and
 * the measurements follow; Escape closes it and gives focus back. A key the fake refuses (401)
 * shows the translated error with the OpenAI guide's troubleshooting line.
 */
import type { Page } from '@playwright/test'
import { startOpenAiServer } from '../fixtures/openai-server'
import type { FakeServer } from '../fixtures/recording-server'
import { expect, test } from './harness/fixtures'

const KEY = 'sk-fake-e2e-verify-0123456789abcdef'

let server: FakeServer
test.beforeEach(async () => {
  server = await startOpenAiServer({ key: KEY })
})
test.afterEach(async () => {
  await server.close()
})

type Sb = <T = unknown>(method: string, request?: unknown) => Promise<T>
/** A credential on the fake with gpt-4o-mini registered on it. */
async function registered(sb: Sb, apiKey: string, name: string) {
  const cred = await sb<{ id: string }>('credentials.create', {
    provider: 'openai',
    name,
    apiKey,
    baseUrl: server.url,
  })
  await sb('models.register', {
    credentialId: cred.id,
    models: [{ name: 'gpt-4o-mini', type: 'language' }],
  })
  return cred
}

async function openVerify(page: Page) {
  const opener = page.getByRole('button', { name: 'Verify gpt-4o-mini' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Verify gpt-4o-mini' })
  await expect(dialog).toBeVisible()
  return { opener, dialog }
}

test('Verify on a model row streams the reply and shows the measurements', async ({
  page,
  open,
  sb,
}) => {
  await open('models')
  await registered(sb, KEY, 'Fake OpenAI')
  await page.reload()
  const { opener, dialog } = await openVerify(page)
  await expect(dialog.getByLabel('Prompt')).toHaveValue(/say hello/)
  const reply = dialog.getByTestId('verify-reply')
  await expect(reply).toHaveAttribute('aria-live', 'polite')
  const metrics = dialog.getByTestId('verify-metrics')
  await expect(metrics.locator('[data-metric="total"]')).toBeVisible()
  await expect(reply).not.toBeEmpty()
  await expect(metrics).toContainText('gpt-4o-mini')
  await expect(metrics).toContainText('Fake OpenAI')
  await expect(metrics.locator('[data-metric="firstToken"]')).toBeVisible()
  await expect(metrics.locator('[data-metric="tokens"]')).toBeVisible()
  expect(
    server.requests.some(
      (r) => r.path.endsWith('/chat/completions') && String(r.body ?? '').includes('"stream":true'),
    ),
  ).toBe(true)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
})

test('a key the provider refuses shows the translated error and the guide’s hint', async ({
  page,
  open,
  sb,
}) => {
  await open('models')
  await registered(sb, 'sk-wrong-key-0000000000000000', 'Wrong key')
  await page.reload()
  const { dialog } = await openVerify(page)
  const alert = dialog.getByRole('alert')
  await expect(alert).toHaveAttribute('data-code', 'auth_invalid')
  await expect(alert).toContainText('The provider rejected the key.')
  await expect(alert).toContainText('For OpenAI:')
})
