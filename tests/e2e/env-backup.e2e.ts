import fs from 'node:fs'
import path from 'node:path'
import { sealBackup } from '../../src-main/services/backup-envelope'
import { expect, test } from './harness/fixtures'

const ENV_KEY = 'sk-proj-e2eFROMenvironment000000000042'

test.describe('provider keys in the environment', () => {
  test.use({ appEnv: { OPENAI_API_KEY: ENV_KEY } })

  test('the amber banner offers the import on every page; Import imports and the banner goes away', async ({
    page,
    open,
    sb,
  }) => {
    await open('models')
    const banner = page
      .getByRole('status')
      .filter({ hasText: 'A provider key is set in the environment' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('OpenAI (OPENAI_API_KEY) can be imported as credentials')
    await expect(banner).not.toContainText(ENV_KEY)
    await open('apiKeys')
    await expect(banner).toBeVisible()
    await banner.getByRole('button', { name: 'Import' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Imported OpenAI.' })).toBeVisible()
    await expect(banner).toBeHidden()
    const list = await sb<{ provider: string; name: string; hasKey: boolean; keyHint: string }[]>(
      'credentials.list',
      {},
    )
    expect(list).toEqual([
      expect.objectContaining({
        provider: 'openai',
        name: 'From environment',
        hasKey: true,
        keyHint: '0042',
      }),
    ])
    // Deleting the credential makes the key importable again: the banner comes back.
    await sb('credentials.delete', { id: (list[0] as unknown as { id: string }).id })
    await expect(banner).toBeVisible()
  })

  test('Dismiss hides the banner for the session; Settings previews and imports', async ({
    page,
    open,
  }) => {
    await open('apiKeys')
    const banner = page
      .getByRole('status')
      .filter({ hasText: 'A provider key is set in the environment' })
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    await expect(banner).toBeHidden()
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click()
    await expect(page.locator('#page-title')).toHaveText('Settings')
    await expect(banner).toBeHidden()

    const panel = page.getByRole('region', { name: 'Environment variables' })
    await expect(panel.getByText('OPENAI_API_KEY', { exact: true })).toBeVisible()
    await expect(panel.getByText('Not imported')).toBeVisible()
    await panel.getByRole('button', { name: 'Preview' }).click()
    await expect(panel).toContainText('Preview — nothing was saved')
    await expect(panel).toContainText('Would import OpenAI.')
    await expect(panel.getByText('Not imported')).toBeVisible()
    await panel.getByRole('button', { name: 'Import' }).click()
    await expect(panel).toContainText('Imported OpenAI.')
    await expect(panel.getByText('Imported', { exact: true })).toBeVisible()
    await expect(panel.getByRole('button', { name: 'Import' })).toBeDisabled()
  })
})

test('no banner when the environment holds no provider key', async ({ page, open }) => {
  await open('apiKeys')
  await expect(page.locator('.banner.warning')).toHaveCount(0)
})

test('backup: export with a confirmed passphrase, then import it back (already here)', async ({
  page,
  open,
  sb,
  home,
}) => {
  await open('settings')
  await sb('credentials.create', {
    provider: 'anthropic',
    name: 'Backed up',
    apiKey: 'sk-ant-e2e-backup-000000000000',
  })
  const panel = page.getByRole('region', { name: 'Backup' })
  const exportForm = panel.getByRole('form', { name: 'Export' })
  const file = path.join(home, 'e2e-backup.json')
  await exportForm.getByLabel('File path').fill(file)
  await exportForm.getByLabel('Passphrase', { exact: true }).fill('e2e backup passphrase')
  await exportForm.getByLabel('Repeat the passphrase').fill('something else')
  await exportForm.getByRole('button', { name: 'Export backup' }).click()
  await expect(exportForm.getByRole('alert')).toHaveText('The two passphrases are different.')
  await exportForm.getByLabel('Repeat the passphrase').fill('e2e backup passphrase')
  await exportForm.getByRole('button', { name: 'Export backup' }).click()
  await expect(exportForm).toContainText(
    `Saved 1 credential, 0 models and 0 default models to ${file}.`,
  )
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).format).toBe('switchboard-backup')
  // The passphrase fields are emptied after the export.
  await expect(exportForm.getByLabel('Passphrase', { exact: true })).toHaveValue('')

  await exportForm.getByLabel('Passphrase', { exact: true }).fill('e2e backup passphrase')
  await exportForm.getByLabel('Repeat the passphrase').fill('e2e backup passphrase')
  await exportForm.getByRole('button', { name: 'Export backup' }).click()
  await expect(exportForm.getByRole('alert')).toContainText('A file already exists at this path.')

  const importForm = panel.getByRole('form', { name: 'Import' })
  await importForm.getByLabel('File path').fill(file)
  await importForm.getByLabel('Passphrase').fill('wrong passphrase')
  await importForm.getByRole('button', { name: 'Import backup' }).click()
  await expect(importForm.getByRole('alert')).toContainText('the passphrase is wrong')
  await importForm.getByLabel('Passphrase').fill('e2e backup passphrase')
  await importForm.getByRole('button', { name: 'Import backup' }).click()
  await expect(importForm).toContainText('Imported 0 credentials and 0 models.')
  await expect(importForm).toContainText('1 credential was already here and was kept as it is.')
})

test('backup: a crafted file imports its valid credential and lists each refused one with why', async ({
  page,
  open,
  sb,
  home,
}) => {
  const base = {
    baseUrl: null,
    endpoint: null,
    apiVersion: null,
    endpoints: null,
    project: null,
    location: null,
    credentialsPath: null,
    numCtx: null,
    serviceAccountJson: null,
    allowInsecureHttp: false,
    isPrimary: true,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
  }
  const key = 'sk-fake-e2e-crafted-000000001234'
  const credentials = [
    {
      ...base,
      id: 'a',
      provider: 'openai',
      name: 'Metadata',
      apiKey: key,
      baseUrl: 'http://169.254.169.254/v1',
    },
    { ...base, id: 'b', provider: 'openai', name: 'ok\u001b]0;pwned\u0007', apiKey: key },
    { ...base, id: 'c', provider: 'ollama', name: 'Negative', apiKey: null, numCtx: -5 },
    { ...base, id: 'd', provider: 'openai', name: 'Good', apiKey: key },
  ]
  const file = path.join(home, 'crafted-backup.json')
  fs.writeFileSync(
    file,
    await sealBackup(
      { credentials, models: [], defaults: { slots: {} } } as never,
      'e2e crafted passphrase',
      '2030-01-01T00:00:00.000Z',
      { N: 1 << 14, r: 8, p: 1 },
    ),
  )
  await open('settings')
  const importForm = page
    .getByRole('region', { name: 'Backup' })
    .getByRole('form', { name: 'Import' })
  await importForm.getByLabel('File path').fill(file)
  await importForm.getByLabel('Passphrase').fill('e2e crafted passphrase')
  await importForm.getByRole('button', { name: 'Import backup' }).click()
  await expect(importForm).toContainText('Imported 1 credential and 0 models.')
  await expect(importForm).toContainText('3 credentials were not imported:')
  await expect(importForm).toContainText(
    'No. 1, “Metadata” (openai) — Base URL: Switchboard never connects to this address',
  )
  await expect(importForm).toContainText(
    'No. 2, “ok\ufffd]0;pwned\ufffd” (openai) — Name: This contains characters',
  )
  await expect(importForm).toContainText(
    'No. 3, “Negative” (ollama) — Context window (num_ctx): Enter a whole number from 1 to 10000000.',
  )
  const list = await sb<{ name: string }[]>('credentials.list', {})
  expect(list.map((c) => c.name)).toEqual(['Good'])
})
