/**
 * API Keys page through the UI (issue 4): add, edit and delete a credential of each field shape
 * (openai, azure, vertex, ollama, anthropic_compatible) with exactly the catalog's fields;
 * validation errors shown inline (client-side and mapped from main); the key never appears in
 * the DOM after saving, only its hint. No test here touches the network: nothing is tested.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './harness/fixtures'

interface Shape {
  provider: string
  display: string
  /** Field → value typed in the add form (apiKey included when the provider has one). */
  add: Record<string, string>
  /** The catalog's fields, in order, as the form must render them. */
  fields: string[]
  /** What the edit changes, and how the list shows the result. */
  edit: Record<string, string>
  check: (cred: Record<string, unknown>) => void
}

const dialog = (page: Page) => page.locator('dialog[open]')
const input = (page: Page, field: string) => dialog(page).locator(`[data-field="${field}"] input`)
const row = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true })

/** Everything the page shows or holds in inputs, for the "no key anywhere" check. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document.documentElement.outerHTML +
      [...document.querySelectorAll('input')].map((i) => i.value).join('\n'),
  )
}

function shapes(home: string): Shape[] {
  const saFile = path.join(home, 'service-account.json')
  fs.writeFileSync(
    saFile,
    JSON.stringify({
      type: 'service_account',
      project_id: 'demo-proj',
      client_email: 'sa@demo-proj.iam.gserviceaccount.com',
    }),
  )
  return [
    {
      provider: 'openai',
      display: 'OpenAI',
      fields: ['name', 'apiKey', 'baseUrl'],
      add: {
        name: 'OpenAI main',
        apiKey: 'sk-proj-E2EOPENAISECRET-000000wxyz',
        baseUrl: 'https://gateway.example.com/v1',
      },
      edit: { baseUrl: '' },
      check: (c) => expect(c).toMatchObject({ baseUrl: null, keyHint: 'wxyz' }),
    },
    {
      provider: 'azure',
      display: 'Azure OpenAI',
      fields: [
        'name',
        'apiKey',
        'endpoint',
        'apiVersion',
        'endpointLanguage',
        'endpointEmbedding',
        'endpointSpeechToText',
        'endpointTextToSpeech',
      ],
      add: {
        name: 'Azure EU',
        apiKey: 'E2EAZURESECRET0000000000000000az42',
        endpoint: 'https://contoso-eu.openai.azure.com',
        apiVersion: '2024-10-21',
      },
      edit: { endpointEmbedding: 'https://contoso-emb.openai.azure.com' },
      check: (c) =>
        expect(c).toMatchObject({
          endpoint: 'https://contoso-eu.openai.azure.com',
          endpoints: { embedding: 'https://contoso-emb.openai.azure.com' },
        }),
    },
    {
      provider: 'vertex',
      display: 'Google Vertex AI',
      fields: ['name', 'project', 'location', 'credentialsPath'],
      add: {
        name: 'Vertex',
        project: 'demo-proj',
        location: 'us-central1',
        credentialsPath: saFile,
      },
      edit: { location: 'europe-west4' },
      check: (c) =>
        expect(c).toMatchObject({ project: 'demo-proj', location: 'europe-west4', hasKey: true }),
    },
    {
      provider: 'ollama',
      display: 'Ollama',
      fields: ['name', 'baseUrl', 'apiKey', 'numCtx'],
      add: { name: 'Ollama here', baseUrl: 'http://127.0.0.1:11434' },
      edit: { numCtx: '16384' },
      check: (c) =>
        expect(c).toMatchObject({
          baseUrl: 'http://127.0.0.1:11434',
          numCtx: 16384,
          hasKey: false,
        }),
    },
    {
      provider: 'anthropic_compatible',
      display: 'Anthropic Compatible',
      fields: ['name', 'baseUrl', 'apiKey'],
      add: {
        name: 'Gateway',
        baseUrl: 'https://llm-gateway.example.com/anthropic',
        apiKey: 'sk-ant-E2EGATEWAYSECRET-00000000gw77',
      },
      edit: { apiKey: 'sk-ant-E2EGATEWAYROTATED-0000000rt99' },
      check: (c) => expect(c).toMatchObject({ keyHint: 'rt99' }),
    },
  ]
}

test.describe('API Keys page', () => {
  test('shows a next step when empty, then adds, edits and deletes each field shape', async ({
    page,
    open,
    sb,
    home,
  }) => {
    test.setTimeout(90_000)
    await open('apiKeys')
    await expect(page.getByRole('heading', { name: 'No providers yet' })).toBeVisible()
    for (const s of shapes(home)) {
      // Add: the dialog renders exactly the catalog's fields, required ones marked.
      await page.getByRole('button', { name: `New ${s.display} credential` }).click()
      await expect(
        dialog(page).getByRole('heading', { name: `Add ${s.display} credential` }),
      ).toBeVisible()
      const rendered = await dialog(page)
        .locator('[data-field]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))
      expect(rendered, s.provider).toEqual(s.fields)
      for (const [field, value] of Object.entries(s.add)) await input(page, field).fill(value)
      await dialog(page).getByRole('button', { name: 'Add credential' }).click()
      await expect(dialog(page)).toHaveCount(0)
      await expect(row(page, s.add.name!)).toBeVisible()
      const secret = s.add.apiKey
      if (secret) {
        await expect(row(page, s.add.name!)).toContainText(`Key …${secret.slice(-4)}`)
        expect(await pageText(page)).not.toContain(secret.slice(0, -4))
      }

      // Edit: the form starts from the stored values; an empty key keeps the stored one.
      await page.getByRole('button', { name: `Edit ${s.add.name}` }).click()
      if (secret && !('apiKey' in s.edit)) {
        await expect(input(page, 'apiKey')).toHaveValue('')
        await expect(dialog(page).locator('[data-field="apiKey"] .hint')).toContainText(
          'Leave empty to keep the stored key',
        )
      }
      for (const [field, value] of Object.entries(s.edit)) await input(page, field).fill(value)
      await dialog(page).getByRole('button', { name: 'Save' }).click()
      await expect(dialog(page)).toHaveCount(0)
      const list = await sb<Record<string, unknown>[]>('credentials.list', {})
      const cred = list.find((c) => c.name === s.add.name)!
      s.check(cred)
      if (secret) expect(cred.hasKey).toBe(true)
      if (s.edit.apiKey) {
        await expect(row(page, s.add.name!)).toContainText(`Key …${s.edit.apiKey.slice(-4)}`)
        expect(await pageText(page)).not.toContain(s.edit.apiKey.slice(0, -4))
      }
    }

    // Delete each, confirming in a dialog that names what goes.
    for (const s of shapes(home)) {
      await page.getByRole('button', { name: `Delete ${s.add.name}` }).click()
      await expect(
        dialog(page).getByRole('heading', { name: `Delete “${s.add.name}”?` }),
      ).toBeVisible()
      await dialog(page).getByRole('button', { name: 'Delete credential' }).click()
      await expect(row(page, s.add.name!)).toHaveCount(0)
    }
    expect(await sb<unknown[]>('credentials.list', {})).toEqual([])
    await expect(page.getByRole('heading', { name: 'No providers yet' })).toBeVisible()
  })

  test('shows validation errors inline, from the form and from main', async ({
    page,
    open,
    home,
    sb,
  }) => {
    await open('apiKeys')
    await page.getByRole('button', { name: 'New OpenAI credential' }).click()
    // Blur an empty required field: the error appears next to it.
    await input(page, 'name').focus()
    await input(page, 'apiKey').focus()
    await expect(dialog(page).locator('[data-field="name"] .error')).toHaveText(
      'This field is required.',
    )
    await input(page, 'baseUrl').fill('gateway.example.com')
    await dialog(page).getByRole('button', { name: 'Add credential' }).click()
    await expect(dialog(page).locator('[data-field="apiKey"] .error')).toHaveText(
      'This field is required.',
    )
    await expect(dialog(page).locator('[data-field="baseUrl"] .error')).toContainText(
      'Enter a full URL',
    )
    await expect(input(page, 'name')).toBeFocused()
    await expect(input(page, 'name')).toHaveAttribute('aria-invalid', 'true')
    // Fixing a field clears its error while typing.
    await input(page, 'name').fill('Fixed')
    await expect(dialog(page).locator('[data-field="name"] .error')).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(dialog(page)).toHaveCount(0)

    // Main's validation error lands on the field it names (a service-account file that is missing).
    await page.getByRole('button', { name: 'New Google Vertex AI credential' }).click()
    await input(page, 'name').fill('Vertex')
    await input(page, 'project').fill('p')
    await input(page, 'location').fill('us-central1')
    await input(page, 'credentialsPath').fill(path.join(home, 'missing.json'))
    await dialog(page).getByRole('button', { name: 'Add credential' }).click()
    await expect(dialog(page).locator('[data-field="credentialsPath"] .error')).toHaveText(
      'The file could not be read.',
    )
    await expect(dialog(page)).toHaveCount(1)
    await page.keyboard.press('Escape')

    // A blocked address is refused at the door (url_blocked), next to its field; nothing saved.
    await page.getByRole('button', { name: 'New OpenAI credential' }).click()
    await input(page, 'name').fill('Metadata')
    await input(page, 'apiKey').fill('sk-fake-e2e-door-0000000001234')
    await input(page, 'baseUrl').fill('https://169.254.169.254/v1')
    await dialog(page).getByRole('button', { name: 'Add credential' }).click()
    await expect(dialog(page).locator('[data-field="baseUrl"] .error')).toHaveText(
      'Switchboard never connects to this address: link-local and cloud metadata addresses are blocked.',
    )
    // The form checks names with the same table: a terminal escape is refused before sending.
    await input(page, 'name').fill('ok\u001b[2J')
    await input(page, 'apiKey').focus()
    await expect(dialog(page).locator('[data-field="name"] .error')).toContainText(
      'This contains characters it cannot hold',
    )
    await page.keyboard.press('Escape')
    expect(await sb<unknown[]>('credentials.list', {})).toEqual([])
  })

  test('offers DashScope regions; the key link follows the chosen region', async ({
    page,
    open,
    sb,
  }) => {
    await open('apiKeys')
    await page.getByRole('button', { name: 'New DashScope (Qwen) credential' }).click()
    const region = dialog(page).getByLabel(/^Region/)
    await expect(region).toHaveValue('cn-beijing')
    const keyLink = dialog(page).locator('.form-docs a')
    await expect(keyLink).toHaveAttribute('href', /bailian\.console\.aliyun\.com/)
    await region.selectOption('ap-southeast-1')
    await expect(keyLink).toHaveAttribute(
      'href',
      /modelstudio\.console\.alibabacloud\.com\/ap-southeast-1/,
    )
    await input(page, 'name').fill('Qwen SG')
    await input(page, 'apiKey').fill('sk-fake-e2e-dashscope-00001234')
    await dialog(page).getByRole('button', { name: 'Add credential' }).click()
    await expect(dialog(page)).toHaveCount(0)
    const [cred] = await sb<{ location: string | null }[]>('credentials.list', {})
    expect(cred!.location).toBe('ap-southeast-1')
  })

  test('asks before sending a key over plain http to another host', async ({ page, open, sb }) => {
    await open('apiKeys')
    await page.getByRole('button', { name: 'New OpenAI Compatible credential' }).click()
    await input(page, 'name').fill('LAN box')
    await input(page, 'baseUrl').fill('http://192.168.1.20:8000/v1')
    await expect(dialog(page).getByText('Send the key over plain http?')).toHaveCount(0) // no key yet
    await input(page, 'apiKey').fill('lan-token-E2ELANSECRET-1234')
    await expect(dialog(page).getByText('Send the key over plain http?')).toBeVisible()
    await dialog(page).getByRole('button', { name: 'Add credential' }).click()
    await expect(dialog(page).getByText('Confirm sending the key over plain http')).toBeVisible()
    await dialog(page).getByLabel('I understand; allow plain http for this credential').check()
    await dialog(page).getByRole('button', { name: 'Add credential' }).click()
    await expect(dialog(page)).toHaveCount(0)
    const [cred] = await sb<{ allowInsecureHttp: boolean }[]>('credentials.list', {})
    expect(cred!.allowInsecureHttp).toBe(true)
  })

  test('shows the red banner with the reason and the fix when the vault is locked', async ({
    page,
    open,
    app,
    mode,
  }) => {
    test.skip(mode !== 'bridge', 'swaps the app context')
    // A context with no key source at all: no env passphrase, keychain service unreachable.
    const env = app!.env as Record<string, string>
    delete env.SWITCHBOARD_ENCRYPTION_KEY
    await open('apiKeys')
    const status = await page.evaluate(
      async () => (await window.switchboard.vault.status({})) as unknown,
    )
    const state = (status as { data: { state: string } }).data.state
    test.skip(state !== 'locked', `a keychain is available here (${state})`)
    const banner = page.getByRole('alert').filter({ hasText: 'The vault is locked' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('Environment passphrase: not set')
    await expect(banner).toContainText('SWITCHBOARD_ENCRYPTION_KEY')
  })
})
