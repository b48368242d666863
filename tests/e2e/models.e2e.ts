/**
 * Models page end to end (issue 6): discovery against a fake OpenAI-shaped server through the
 * real handlers — search, select, change a type, add a custom model, register — a 401 shown in
 * the dialog, and the registered list's Test and Remove.
 */
import type { DefaultsView, ModelView } from '../../src-preload/contract'
import type { FakeServer } from '../fixtures/recording-server'
import { startOpenAiServer } from '../fixtures/openai-server'
import { openDiscovery } from './harness/discovery'
import { expect, test } from './harness/fixtures'
import type { Locator } from '@playwright/test'

const KEY = 'sk-e2e-models-0123456789abcdef'
const LISTED = [
  'gpt-4o',
  'gpt-4o-mini',
  'text-embedding-3-small',
  'whisper-1',
  'tts-1',
  'nomic-text-v1',
]

/**
 * The guide's recommended models start selected (issue 16). Walks that pick models themselves
 * start from none: "select all" once (some → all), once more (all → none).
 */
async function clearPreselected(dialog: Locator) {
  const all = dialog.locator('.discovery-all input')
  await all.check()
  await all.uncheck()
  await expect(dialog.getByText('0 models selected')).toBeVisible()
}

let server: FakeServer
test.beforeEach(async () => {
  server = await startOpenAiServer({
    key: KEY,
    models: LISTED.map((id) => ({ id, object: 'model', created: 1721172741, owned_by: 'system' })),
  })
})
test.afterEach(async () => {
  await server.close()
})

test('discover → search → select → change a type → add custom → register', async ({
  page,
  open,
  sb,
}) => {
  await open('models')
  await expect(page.getByRole('heading', { name: 'No models yet' })).toBeVisible()
  const cred = await sb<{ id: string }>('credentials.create', {
    provider: 'openai',
    name: 'Fake OpenAI',
    apiKey: KEY,
    baseUrl: server.url,
  })
  await page.reload()
  await page.getByRole('button', { name: 'Discover models' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Discover models for Fake OpenAI' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText('Showing 6 of 6')).toBeVisible()
  await expect(dialog.getByLabel('Credential')).toHaveValue(cred.id)

  const search = dialog.getByRole('searchbox', { name: 'Search models' })
  await expect(search).toBeFocused()

  // One recommended model per job of the OpenAI guide is pre-selected and badged; gpt-4o is not.
  await expect(dialog.getByText('4 recommended models are pre-selected.')).toBeVisible()
  await expect(dialog.getByText('4 models selected')).toBeVisible()
  for (const name of ['gpt-4o-mini', 'text-embedding-3-small', 'whisper-1', 'tts-1']) {
    await expect(
      dialog.getByRole('checkbox', { name: `Select ${name}`, exact: true }),
    ).toBeChecked()
    await expect(dialog.getByRole('listitem').filter({ hasText: name })).toContainText(
      'Recommended',
    )
  }
  await expect(
    dialog.getByRole('checkbox', { name: 'Select gpt-4o', exact: true }),
  ).not.toBeChecked()
  await clearPreselected(dialog)

  // Typing never moves the list: the custom-model offer takes the hint's place in one slot.
  const hint = dialog.getByText(
    "Not in the list? Type the model's exact ID to add it as a custom model.",
  )
  await expect(hint).toBeVisible()
  const list = dialog.getByRole('list')
  const before = await list.boundingBox()
  await search.fill('gpt')
  await expect(dialog.getByText('Showing 2 of 6')).toBeVisible()
  await expect(dialog.getByText('“gpt” is not in the list.')).toBeVisible()
  await expect(hint).toBeHidden()
  expect(await list.boundingBox()).toEqual({ ...before!, height: 2 * 52 })
  // A listed name: nothing to offer, the hint is back and the add button out of reach.
  await search.fill('gpt-4o')
  await expect(hint).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Add as custom model' })).toBeHidden()
  // The search box is the dialog's search landmark; Enter there submits nothing.
  await expect(dialog.getByRole('search').getByRole('searchbox')).toBeFocused()
  await search.press('Enter')
  await expect(search).toHaveValue('gpt-4o')
  await expect(dialog.getByText('Showing 2 of 6')).toBeVisible()

  await search.fill('gpt')
  await expect(dialog.getByText('Showing 2 of 6')).toBeVisible()
  await expect(dialog.getByRole('listitem')).toHaveCount(2)
  await dialog.getByRole('checkbox', { name: 'Select gpt-4o-mini' }).check()

  // A model the name rule typed wrongly: the user corrects it, and the row says so.
  await search.fill('nomic')
  // The row's type is a select-only combobox with one shared listbox (issue 17).
  const nomicType = dialog.getByRole('combobox', { name: 'Type of nomic-text-v1' })
  await expect(nomicType).toHaveText('Language')
  await expect(dialog.getByRole('listitem').filter({ hasText: 'nomic-text-v1' })).toContainText(
    'guessed from name',
  )
  await nomicType.click()
  const types = dialog.getByRole('listbox', { name: 'Type of nomic-text-v1' })
  await expect(types.getByRole('option', { name: 'Language' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await types.getByRole('option', { name: 'Embedding' }).click()
  await expect(types).toBeHidden()
  await expect(nomicType).toHaveText('Embedding')
  await expect(nomicType).toBeFocused()
  await expect(dialog.getByRole('listitem').filter({ hasText: 'nomic-text-v1' })).toContainText(
    'changed by you',
  )
  await expect(dialog.getByRole('checkbox', { name: 'Select nomic-text-v1' })).toBeChecked()

  // A model the listing does not show.
  await search.fill('ft:gpt-4o-mini:acme:support')
  await expect(dialog.getByText('“ft:gpt-4o-mini:acme:support” is not in the list.')).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Type of the custom model' }).selectOption('language')
  await dialog.getByRole('button', { name: 'Add as custom model' }).click()
  const customRow = dialog.getByRole('listitem').filter({ hasText: 'ft:gpt-4o-mini:acme:support' })
  await expect(customRow).toContainText('Custom')
  await expect(customRow.getByRole('checkbox')).toBeChecked()

  // Select all works on the filtered set only.
  await search.fill('whisper')
  await dialog.getByRole('checkbox', { name: 'Select the 1 model shown' }).check()
  await search.fill('')
  await expect(dialog.getByText('4 models selected')).toBeVisible()
  await dialog.getByRole('checkbox', { name: 'Select whisper-1' }).uncheck()

  await dialog.getByRole('button', { name: 'Register 3 models' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Registered 3 models' })).toBeVisible()
  await expect(dialog).toBeHidden()

  const stored = await sb<ModelView[]>('models.list', {})
  expect(stored.map((m) => [m.name, m.type, m.credentialId])).toEqual([
    ['ft:gpt-4o-mini:acme:support', 'language', cred.id],
    ['gpt-4o-mini', 'language', cred.id],
    ['nomic-text-v1', 'embedding', cred.id],
  ])
  const language = page
    .locator('.type-group')
    .filter({ has: page.getByRole('heading', { name: /Language models/ }) })
  await expect(language.getByRole('rowheader')).toHaveText([
    'ft:gpt-4o-mini:acme:support',
    'gpt-4o-mini',
  ])
  await expect(page.locator('.type-group').filter({ hasText: 'Embedding models' })).toContainText(
    'nomic-text-v1',
  )

  // Discovering again marks the registered ones; they cannot be selected twice.
  await page.getByRole('button', { name: 'Discover models' }).first().click()
  await expect(dialog.getByText('2 already registered', { exact: false })).toBeVisible()
  const again = dialog.getByRole('checkbox', { name: 'Select gpt-4o-mini' })
  await expect(again).toBeDisabled()
  await expect(dialog.getByRole('listitem').filter({ hasText: 'gpt-4o-mini' })).toContainText(
    'Registered',
  )
  // Registered under the type the user chose, not the one the name rule guessed.
  const registeredType = dialog.getByRole('combobox', { name: 'Type of nomic-text-v1' })
  await expect(registeredType).toHaveText('Embedding')
  await expect(registeredType).toBeDisabled()
  await expect(dialog.getByRole('checkbox', { name: 'Select nomic-text-v1' })).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('a 401 during discovery is shown in the dialog, in words, without the key', async ({
  page,
  open,
  sb,
}) => {
  const wrongKey = 'sk-e2e-wrong-key-fedcba9876543210'
  const { dialog } = await openDiscovery(
    { page, open, sb },
    { name: 'Stale key', apiKey: wrongKey, baseUrl: server.url },
  )
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText("Could not list this credential's models.")
  await expect(alert).toContainText('The provider rejected the key.')
  await expect(alert).toContainText("Check the key, or get a new one from the provider's site.")
  await expect(dialog.getByRole('button', { name: 'Register 0 models' })).toBeDisabled()
  expect(await page.content()).not.toContain(wrongKey)

  // "Try again" asks the provider again (and, with the same key, fails the same way).
  await dialog.getByRole('button', { name: 'Try again' }).click()
  await expect(alert).toContainText('The provider rejected the key.')
  expect(server.requests.filter((r) => r.path.endsWith('/models')).length).toBe(2)
})

test('tests a model in words and removes one, saying which default it empties', async ({
  page,
  open,
  sb,
}) => {
  await open('models')
  const cred = await sb<{ id: string }>('credentials.create', {
    provider: 'openai',
    name: 'Fake OpenAI',
    apiKey: KEY,
    baseUrl: server.url,
  })
  await sb('models.register', {
    credentialId: cred.id,
    models: [
      { name: 'gpt-4o-mini', type: 'language' },
      { name: 'text-embedding-3-small', type: 'embedding' },
      { name: 'tts-1', type: 'text_to_speech' },
    ],
  })
  await sb('defaults.autoAssign', {})
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Registered models' })).toBeVisible()

  await page.getByRole('button', { name: 'Test gpt-4o-mini' }).click()
  await expect(page.getByRole('row', { name: /gpt-4o-mini/ })).toContainText(
    /Replied “OK” in \d+ milliseconds/,
  )
  await page.getByRole('button', { name: 'Test text-embedding-3-small' }).click()
  await expect(page.getByRole('row', { name: /text-embedding-3-small/ })).toContainText(
    'Returned an embedding of 1536 dimensions',
  )
  await page.getByRole('button', { name: 'Test tts-1' }).click()
  await expect(page.getByRole('row', { name: /tts-1/ })).toContainText(
    /Spoke a clip of 2(\.\d)? kB/,
  )

  await page.getByRole('button', { name: 'Remove gpt-4o-mini' }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove gpt-4o-mini?' })
  await expect(confirm).toContainText(
    'It is the default model for Chat; that slot will be emptied.',
  )
  await confirm.getByRole('button', { name: 'Remove model' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Removed gpt-4o-mini' })).toContainText(
    'Emptied the Chat slot.',
  )
  await expect(page.getByRole('button', { name: 'Test gpt-4o-mini' })).toHaveCount(0)
  // Chat is required and empty again: the banner asks for it.
  await expect(page.getByText('Chat has no default model')).toBeVisible()
  expect((await sb<DefaultsView>('defaults.get', {})).slots.chat.modelId).toBeNull()
})

test('the API Keys page opens discovery for one credential', async ({ page, open, sb }) => {
  await open('apiKeys')
  await sb('credentials.create', {
    provider: 'openai',
    name: 'Keys page OpenAI',
    apiKey: KEY,
    baseUrl: server.url,
  })
  await page.reload()
  await page.getByRole('button', { name: 'Discover models of Keys page OpenAI' }).click()
  const dialog = page.getByRole('dialog', { name: 'Discover models for Keys page OpenAI' })
  await expect(dialog.getByText('Showing 6 of 6')).toBeVisible()
  await clearPreselected(dialog)
  await dialog.getByRole('checkbox', { name: 'Select gpt-4o', exact: true }).check()
  await dialog.getByRole('button', { name: /^Register 1 model/ }).click()
  await expect(dialog).toBeHidden()
  const models = await sb<{ name: string }[]>('models.list', {})
  expect(models.map((m) => m.name)).toEqual(['gpt-4o'])
})

test("the search box has focus when the listing comes before the dialog's code", async ({
  page,
  open,
  sb,
}, testInfo) => {
  // Holding a chunk needs the harness's routed origin; the packaged app loads its files itself.
  test.skip(testInfo.project.name === 'electron', 'holds a chunk through the harness routing')
  await open('models')
  await sb('credentials.create', {
    provider: 'openai',
    name: 'Fast listing',
    apiKey: KEY,
    baseUrl: server.url,
  })
  await page.reload()
  // The dialog is a lazy chunk; hold it until the listing has been asked for and answered, so
  // the dialog mounts with its rows already there. Its search box's own focus() then runs
  // while the dialog is still hidden (child effects before the dialog's), which lost the focus
  // to the credential picker. The pause after the request only makes that order likelier: if
  // the answer is later, the box is focused by the other path and the test still holds.
  let listed: () => void = () => {}
  const listing = new Promise<void>((resolve) => (listed = resolve))
  await page.route(/DiscoveryDialog-[^/]*\.js$/, async (route) => {
    await listing
    await route.fallback()
  })
  await page.getByRole('button', { name: 'Discover models' }).first().click()
  await expect.poll(() => server.requests.some((r) => r.path.endsWith('/models'))).toBe(true)
  await page.waitForTimeout(300)
  listed()
  const dialog = page.getByRole('dialog', { name: 'Discover models for Fast listing' })
  await expect(dialog.getByText('Showing 6 of 6')).toBeVisible()
  await expect(dialog.getByRole('searchbox', { name: 'Search models' })).toBeFocused()
})

test('a row type changes with the keyboard; Escape closes the list, not the dialog', async ({
  page,
  open,
  sb,
}) => {
  const { dialog } = await openDiscovery(
    { page, open, sb },
    { name: 'Keyboard OpenAI', apiKey: KEY, baseUrl: server.url },
  )
  await expect(dialog.getByText('Showing 6 of 6')).toBeVisible()
  await clearPreselected(dialog)
  await dialog.getByRole('searchbox', { name: 'Search models' }).fill('gpt-4o-mini')
  const type = dialog.getByRole('combobox', { name: 'Type of gpt-4o-mini' })
  await type.focus()
  await page.keyboard.press('ArrowDown')
  await expect(type).toHaveAttribute('aria-expanded', 'true')
  const list = dialog.getByRole('listbox', { name: 'Type of gpt-4o-mini' })
  await expect(list).toBeVisible()
  // Escape closes the list only; the dialog stays, focus stays on the row's type.
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(dialog).toBeVisible()
  await expect(type).toBeFocused()
  await expect(type).toHaveAttribute('aria-expanded', 'false')
  // Open, move to the last option (Speech to text) and back one (Text to speech), take it.
  await page.keyboard.press('Enter')
  await page.keyboard.press('End')
  await expect(type).toHaveAttribute('aria-activedescendant', /.+/)
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(list).toBeHidden()
  await expect(type).toHaveText('Text to speech')
  const row = dialog.getByRole('listitem').filter({ hasText: 'gpt-4o-mini' })
  await expect(row).toContainText('changed by you')
  await expect(row.getByRole('checkbox')).toBeChecked()
  await dialog.getByRole('button', { name: /^Register 1 model/ }).click()
  await expect(dialog).toBeHidden()
  const models = await sb<{ name: string; type: string }[]>('models.list', {})
  expect(models.map((m) => [m.name, m.type])).toEqual([['gpt-4o-mini', 'text_to_speech']])
})
