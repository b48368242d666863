/**
 * The Local page end to end: detection finds a fake Ollama and a fake LM Studio (added as
 * network targets, so the app's real detection probes them), one click connects Ollama, a pull
 * shows live progress from the fake's NDJSON stream, a pull can be cancelled, an error in the
 * middle of the stream is shown, a pull that ran while another page was open is shown on return,
 * and a GGUF file is imported with progress.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startFakeLmStudio, type FakeLmStudio } from '../fixtures/lmstudio-server'
import { startFakeOllama, type FakeOllama } from '../fixtures/ollama-server'
import { expect, test } from './harness/fixtures'

let ollama: FakeOllama
let lmstudio: FakeLmStudio

test.beforeEach(async () => {
  // Paced like a real pull (3 layers × 9 lines × 120 ms); a test that needs one in flight holds
  // it (`pull.holdAfterLines`) instead of counting on the pace.
  ollama = await startFakeOllama({ pull: { steps: 8, delayMs: 120 } })
  lmstudio = await startFakeLmStudio({
    models: [
      { id: 'qwen2-vl-7b-instruct', type: 'vlm', state: 'not-loaded' },
      { id: 'text-embedding-nomic-embed-text-v1.5', type: 'embeddings', state: 'not-loaded' },
    ],
  })
})

test.afterEach(async () => {
  await ollama.close()
  await lmstudio.close()
})

test.describe('local page', () => {
  test.beforeEach(async ({ open, sb, page }) => {
    await open('local')
    await sb('local.addTarget', { baseUrl: ollama.url })
    await sb('local.addTarget', { baseUrl: lmstudio.url })
    // A sweep that started before the targets were added finds nothing: scan until one has seen
    // both servers with their models (the harness gives sweeps 5 s, so a busy machine does not
    // end one between identifying Ollama and listing its models).
    await expect(async () => {
      await page.getByRole('button', { name: 'Scan again' }).first().click()
      const ollamaCard = page.getByRole('article', { name: /^Ollama/ })
      const lmCard = page.getByRole('article', { name: /^LM Studio/ })
      await expect(ollamaCard).toContainText('llama3.2:3b', { timeout: 1500 })
      await expect(lmCard).toContainText('qwen2-vl-7b-instruct', { timeout: 1500 })
    }).toPass({ timeout: 20_000 })
  })

  test('shows both detected servers and connects one with one click', async ({ page, sb }) => {
    const ollamaCard = page.getByRole('article', { name: /^Ollama/ })
    const lmCard = page.getByRole('article', { name: /^LM Studio/ })
    await expect(ollamaCard).toBeVisible()
    await expect(lmCard).toBeVisible()
    await expect(ollamaCard).toContainText(ollama.url)
    await expect(ollamaCard).toContainText('v0.6.5')
    await expect(ollamaCard).toContainText('llama3.2:3b')
    // Typed by Ollama's capabilities, not by the name.
    await expect(ollamaCard.getByRole('row', { name: /qwen3-embedding:0\.6b/ })).toContainText(
      'Embedding',
    )
    await expect(lmCard).toContainText('Running, nothing loaded')
    await expect(lmCard).toContainText(lmstudio.url)

    await ollamaCard.getByRole('button', { name: 'Connect' }).click()
    await expect(ollamaCard.getByRole('status')).toContainText(
      'Connected: a credential was created.',
    )
    await expect(ollamaCard.getByRole('status')).toContainText('3 models registered')
    await expect(ollamaCard.getByText('Connected', { exact: true })).toBeVisible()
    await expect(ollamaCard.getByRole('button', { name: 'Connect' })).toHaveCount(0)
    // LM Studio is still offered.
    await expect(lmCard.getByRole('button', { name: 'Connect' })).toBeVisible()

    const creds = await sb<{ provider: string; baseUrl: string | null }[]>('credentials.list', {})
    expect(creds).toHaveLength(1)
    expect(creds[0]).toMatchObject({ provider: 'ollama', baseUrl: ollama.url })
    const models = await sb<{ name: string; type: string }[]>('models.list', {})
    expect(models.map((m) => `${m.name}:${m.type}`).sort()).toEqual([
      'llama3.2:3b:language',
      'nomic-embed-text:latest:embedding',
      'qwen3-embedding:0.6b:embedding',
    ])

    // A rescan keeps it marked as connected (matched by provider and base URL).
    await page.getByRole('button', { name: 'Scan again' }).first().click()
    await expect(ollamaCard.getByText('Connected', { exact: true })).toBeVisible()
  })

  test('shows the Ollama library and pulls a model with live progress', async ({ page }) => {
    const library = page.getByRole('region', { name: 'Ollama library' })
    const installed = library.getByRole('table', { name: 'Installed models' })
    await expect(installed.getByRole('row', { name: /llama3\.2:3b/ })).toContainText('Q4_K_M')
    await expect(installed.getByRole('row', { name: /llama3\.2:3b/ })).toContainText('2.0 GB')
    await expect(library.getByRole('table', { name: 'Running models' })).toContainText(
      'llama3.2:3b',
    )

    // The fake holds the stream a third of the way in, so "in progress" is a state to see, not a
    // window of time to catch.
    ollama.pull.holdAfterLines = 9
    await library.getByLabel('Pull a model').fill('qwen2.5:0.5b')
    await library.getByRole('button', { name: 'Pull', exact: true }).click()
    const bar = library.getByRole('progressbar', { name: 'Downloading qwen2.5:0.5b' })
    await expect(bar).toBeVisible()
    // Progress moves: a value strictly between 0 and 100 is seen before the end.
    await expect
      .poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? -1), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0)
    const mid = Number(await bar.getAttribute('aria-valuenow'))
    expect(mid).toBeLessThan(100)
    ollama.pull.holdAfterLines = undefined
    await expect(library.locator('.local-pull')).toContainText(/of 2\.0 MB|of 2\.01 MB|of \d/)
    await expect(library.locator('.local-pull')).toContainText('Downloaded', { timeout: 15_000 })
    await expect(bar).toHaveAttribute('aria-valuenow', '100')
    // The library refreshes on its own after the pull.
    await expect(installed.getByRole('row', { name: /qwen2\.5:0\.5b/ })).toBeVisible()
  })

  test('cancels a pull, and shows an error that arrives mid-stream', async ({ page }) => {
    const library = page.getByRole('region', { name: 'Ollama library' })
    ollama.pull.holdAfterLines = 4 // still running when Cancel is clicked, however slow the page
    await library.getByLabel('Pull a model').fill('llama3.2:1b')
    await library.getByRole('button', { name: 'Pull', exact: true }).click()
    const bar = library.getByRole('progressbar', { name: 'Downloading llama3.2:1b' })
    await expect
      .poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? -1), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0)
    await library.getByRole('button', { name: 'Cancel the download of llama3.2:1b' }).click()
    await expect(library.locator('.local-pull')).toContainText('Cancelled')
    await expect.poll(() => ollama.pullsAborted, { timeout: 5_000 }).toBeGreaterThan(0)
    await expect(library.getByRole('table', { name: 'Installed models' })).not.toContainText(
      'llama3.2:1b',
    )
    await library.getByRole('button', { name: 'Dismiss' }).click()
    await expect(bar).toHaveCount(0)

    // The next pull breaks after a few lines: the stream's error is shown next to it.
    ollama.pull.holdAfterLines = undefined
    ollama.pull.errorAfterLines = 3
    ollama.pull.errorMessage = 'max retries exceeded: unexpected EOF'
    await library.getByLabel('Pull a model').fill('mistral:7b')
    await library.getByRole('button', { name: 'Pull', exact: true }).click()
    const failed = library.locator('.local-pull[data-model="mistral:7b"]')
    await expect(failed).toContainText('Failed', { timeout: 10_000 })
    await expect(failed.getByRole('alert')).toBeVisible()
  })

  test('a pull that runs while another page is open is shown on return', async ({ page, sb }) => {
    // Held after 6 of 27 lines: still running while Settings is open, whatever the machine's pace.
    ollama.pull.holdAfterLines = 6
    const library = page.getByRole('region', { name: 'Ollama library' })
    await library.getByLabel('Pull a model').fill('phi3:mini')
    await library.getByRole('button', { name: 'Pull', exact: true }).click()
    const bar = () =>
      page
        .getByRole('region', { name: 'Ollama library' })
        .getByRole('progressbar', { name: 'Downloading phi3:mini' })
    const value = async () => Number((await bar().getAttribute('aria-valuenow')) ?? -1)
    await expect.poll(value, { timeout: 10_000 }).toBeGreaterThan(0)
    const before = await value()

    const nav = page.getByRole('navigation')
    await nav.getByRole('link', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await expect(bar()).toHaveCount(0)
    // Progress goes on while nobody on the Local page listens (12 more lines, then held again):
    // wait until main has more than the page showed (main's own record, not a fixed delay).
    ollama.pull.holdAfterLines = 18
    await expect
      .poll(
        async () =>
          (await sb<{ model: string; percent: number | null }[]>('local.activePulls', {})).find(
            (p) => p.model === 'phi3:mini',
          )?.percent ?? -1,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(before)
    await nav.getByRole('link', { name: 'Local' }).click()
    // Back: the row is there at once with main's latest progress, not where it was left.
    await expect(bar()).toBeVisible()
    await expect.poll(value, { timeout: 10_000 }).toBeGreaterThan(before)

    // Away again until it ends: no live event can tell the page, only main's final report.
    await nav.getByRole('link', { name: 'Settings' }).click()
    await expect(bar()).toHaveCount(0)
    ollama.pull.holdAfterLines = undefined
    await expect
      .poll(() => ollama.models.some((m) => m.name === 'phi3:mini'), { timeout: 15_000 })
      .toBe(true)
    await nav.getByRole('link', { name: 'Local' }).click()
    await expect(page.locator('.local-pull[data-model="phi3:mini"]')).toContainText('Downloaded')
    await expect(bar()).toHaveAttribute('aria-valuenow', '100')
  })

  test('imports a GGUF file with progress and says how it went', async ({ page }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-gguf-'))
    const file = path.join(dir, 'tiny-model.Q4_0.gguf')
    writeFileSync(file, 'GGUF' + 'x'.repeat(3 * 1024 * 1024))
    const library = page.getByRole('region', { name: 'Ollama library' })
    await library.getByText('Import a GGUF file').click()
    await library.getByLabel('File path').fill(file)
    await library.getByRole('button', { name: 'Import', exact: true }).click()
    const row = library.locator('.local-pull[data-import="tiny-model.q4_0"]')
    await expect(row).toContainText('3.1 MB was uploaded to Ollama', { timeout: 15_000 })
    await expect(
      row.getByRole('progressbar', { name: 'Importing tiny-model.q4_0' }),
    ).toHaveAttribute('aria-valuenow', '100')
    expect(ollama.created.map((c) => c.model)).toEqual(['tiny-model.q4_0'])
    await expect(
      library.getByRole('table', { name: 'Installed models' }).getByRole('row', {
        name: /tiny-model\.q4_0/,
      }),
    ).toBeVisible()

    // Not a GGUF file: refused next to the field, nothing uploaded.
    const bad = path.join(dir, 'notes.gguf')
    writeFileSync(bad, 'hello')
    await library.getByLabel('File path').fill(bad)
    await library.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(library.getByRole('alert')).toBeVisible()
    await expect(library.getByLabel('File path')).toHaveAttribute('aria-invalid', 'true')
    expect(ollama.uploadsStarted).toBe(1)
  })

  test('offline setup: pull, register, set default and a first reply, no cloud key', async ({
    page,
    sb,
  }) => {
    const setup = page.getByRole('region', { name: 'Offline setup' })
    await expect(setup).toContainText(/This machine: .* memory/)
    await setup.getByRole('button', { name: 'Set up Qwen 2.5 0.5B' }).click()
    const flow = setup.getByRole('group', { name: 'Setting up qwen2.5:0.5b' })
    await expect(flow.getByRole('progressbar')).toBeVisible()
    await expect(flow.locator('[data-step="test"]')).toHaveAttribute('data-state', 'done', {
      timeout: 20_000,
    })
    for (const step of ['pull', 'register', 'default']) {
      await expect(flow.locator(`[data-step="${step}"]`)).toHaveAttribute('data-state', 'done')
    }
    await expect(flow.getByRole('status')).toContainText('ready')
    const defaults = await sb<{ slots: { chat: { modelId: string | null } } }>('defaults.get', {})
    const models = await sb<{ id: string; name: string; provider: string }[]>('models.list', {})
    const model = models.find((m) => m.name === 'qwen2.5:0.5b')
    expect(model?.provider).toBe('ollama')
    expect(defaults.slots.chat.modelId).toBe(model?.id)
  })
})
