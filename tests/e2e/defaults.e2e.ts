/**
 * Default models end to end (issue 7): the banner's Auto-assign over registered models, then
 * changing a slot through its searchable select (with the embedding warning) and clearing one.
 */
import type { DefaultsView } from '../../src-preload/contract'
import type { FakeServer } from '../fixtures/recording-server'
import { startOpenAiServer } from '../fixtures/openai-server'
import { expect, test } from './harness/fixtures'

const KEY = 'sk-e2e-defaults-0123456789abcdef'
let server: FakeServer
test.beforeEach(async () => {
  server = await startOpenAiServer({ key: KEY })
})
test.afterEach(async () => {
  await server.close()
})

test('auto-assign from the banner, then change and clear a slot', async ({ page, open, sb }) => {
  await open('models')
  const cred = await sb<{ id: string }>('credentials.create', {
    provider: 'openai',
    name: 'Fake OpenAI',
    apiKey: KEY,
    baseUrl: server.url,
  })
  const reg = await sb<{ created: { id: string; name: string }[] }>('models.register', {
    credentialId: cred.id,
    models: [
      { name: 'gpt-4o-mini', type: 'language' },
      { name: 'gpt-4o', type: 'language' },
      { name: 'text-embedding-3-small', type: 'embedding' },
      { name: 'text-embedding-3-large', type: 'embedding' },
      { name: 'tts-1', type: 'text_to_speech' },
    ],
  })
  const id = (name: string) => reg.created.find((m) => m.name === name)!.id
  await page.reload()

  const banner = page
    .getByRole('status')
    .filter({ hasText: 'Chat, Embedding have no default model' })
  await expect(banner).toBeVisible()
  await banner.getByRole('button', { name: 'Auto-assign' }).click()
  await expect(banner).toBeHidden()

  const stored = await sb<DefaultsView>('defaults.get', {})
  expect(stored.missingRequired).toEqual([])
  const chatName = reg.created.find((m) => m.id === stored.slots.chat.modelId)!.name
  const embeddingName = reg.created.find((m) => m.id === stored.slots.embedding.modelId)!.name
  const report = page.getByRole('status', { name: 'Auto-assign report' })
  await expect(report).toContainText(`Chat → ${chatName}`)
  await expect(report).toContainText(`Embedding → ${embeddingName}`)
  await expect(page.getByRole('combobox', { name: 'Chat' })).toHaveValue(chatName)
  // Advanced slots fall back to chat, and say so.
  await expect(page.getByRole('combobox', { name: 'Tools' })).toHaveAttribute(
    'placeholder',
    `Falls back to chat (${chatName})`,
  )

  // Change Tools through the searchable select: type to filter, pick with the keyboard.
  const tools = page.getByRole('combobox', { name: 'Tools' })
  await tools.click()
  await expect(page.getByRole('listbox', { name: 'Tools' }).getByRole('option')).toHaveCount(2)
  await tools.fill('4o-mini')
  const options = page.getByRole('listbox', { name: 'Tools' }).getByRole('option')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toContainText('OpenAI · Fake OpenAI')
  await tools.fill('gpt-4o')
  await page.getByRole('option', { name: /^gpt-4o OpenAI/ }).click()
  await expect(tools).toHaveValue('gpt-4o')
  await expect
    .poll(async () => (await sb<DefaultsView>('defaults.get', {})).slots.tools.modelId)
    .toBe(id('gpt-4o'))

  // Changing the embedding model warns first; cancelling changes nothing.
  const other =
    embeddingName === 'text-embedding-3-small' ? 'text-embedding-3-large' : 'text-embedding-3-small'
  const embedding = page.getByRole('combobox', { name: 'Embedding' })
  await embedding.click()
  await embedding.fill(other)
  await page.keyboard.press('Enter')
  const warn = page.getByRole('dialog', { name: 'Change the embedding model?' })
  await expect(warn).toContainText(
    `Embeddings already stored elsewhere were made with ${embeddingName}`,
  )
  await warn.getByRole('button', { name: 'Cancel' }).click()
  expect((await sb<DefaultsView>('defaults.get', {})).slots.embedding.modelId).toBe(
    stored.slots.embedding.modelId,
  )
  await embedding.click()
  await embedding.fill(other)
  await page.keyboard.press('Enter')
  await warn.getByRole('button', { name: 'Change embedding model' }).click()
  await expect(embedding).toHaveValue(other)
  await expect
    .poll(async () => (await sb<DefaultsView>('defaults.get', {})).slots.embedding.modelId)
    .toBe(id(other))

  // Clear Tools: it falls back to chat again, and is remembered as cleared on purpose.
  await page.getByRole('button', { name: 'Clear Tools' }).click()
  await expect(tools).toHaveValue('')
  await expect(tools).toHaveAttribute('placeholder', `Falls back to chat (${chatName})`)
  const after = await sb<DefaultsView>('defaults.get', {})
  expect(after.slots.tools).toMatchObject({ modelId: null, fallback: true, cleared: true })
  // Required slots have no clear button.
  await expect(page.getByRole('button', { name: 'Clear Chat' })).toHaveCount(0)
})

test('flags a slot whose credential failed its last test, and one whose model is gone', async ({
  mode,
  page,
  open,
  sb,
  app,
}) => {
  test.skip(mode !== 'bridge', 'edits the store behind the app, which only the bridge can reach')
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
    ],
  })
  await sb('defaults.autoAssign', {})
  // The connection test (another page) recorded a rejected key for this credential.
  await app!.store.update((data) => {
    data.lastTests[cred.id] = {
      code: 'auth_invalid',
      message: 'rejected',
      at: new Date().toISOString(),
      latencyMs: 5,
    }
  })
  await page.reload()
  await expect(
    page
      .getByText('Its credential failed its last test. Test it again on the API Keys page.')
      .first(),
  ).toBeVisible()
  // Advanced slots run on chat's model, so they carry its problem, said as such.
  await expect(page.getByText('(through the chat model)').first()).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Chat' })).toHaveAccessibleDescription(
    /failed its last test/,
  )

  // A slot pointing at a model that no longer exists (removed behind the app's back).
  await app!.store.update((data) => {
    data.lastTests = {}
    data.models = data.models.filter((m) => m.type !== 'embedding')
  })
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Embedding' })).toHaveValue(
    'A model that no longer exists',
  )
  await expect(page.getByText('The chosen model no longer exists. Pick another.')).toBeVisible()
  await expect(page.getByText('Embedding has no default model')).toBeVisible()
})
