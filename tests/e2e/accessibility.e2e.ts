/**
 * Accessibility with a real checker: axe-core (WCAG 2.0/2.1 A and AA) over every page in light
 * and dark, with realistic data (credentials incl. a failed test, registered models, defaults, a
 * detected fake Ollama) and with the main dialogs open. Then the keyboard by hand: Tab reaches
 * the navigation and the page's primary button, and an open dialog keeps focus, closes on Escape
 * and hands focus back to its opener. No rule is disabled.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { startFakeOllama, type FakeOllama } from '../fixtures/ollama-server'
import { startOpenAiServer } from '../fixtures/openai-server'
import type { FakeServer } from '../fixtures/recording-server'
import { expect, test } from './harness/fixtures'

const KEY = 'sk-fake-e2e-a11y-0123456789abcdef'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const SCHEMES = ['light', 'dark'] as const
type Sb = <T = unknown>(method: string, request?: unknown) => Promise<T>

let openai: FakeServer
let ollama: FakeOllama
test.beforeEach(async () => {
  openai = await startOpenAiServer({
    key: KEY,
    models: ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small', 'whisper-1', 'tts-1'].map((id) => ({
      id,
      object: 'model',
      created: 1721172741,
      owned_by: 'system',
    })),
  })
  ollama = await startFakeOllama()
})
test.afterEach(async () => {
  await openai.close()
  await ollama.close()
})

/** Credentials (one with a failed test), registered models, defaults and a local target. */
async function seed(sb: Sb) {
  const good = await sb<{ id: string }>('credentials.create', {
    provider: 'openai',
    name: 'OpenAI main',
    apiKey: KEY,
    baseUrl: openai.url,
  })
  const revoked = await sb<{ id: string }>('credentials.create', {
    provider: 'openai',
    name: 'OpenAI revoked',
    apiKey: 'sk-fake-e2e-a11y-revoked-0000bad1',
    baseUrl: openai.url,
  })
  await sb('credentials.create', {
    provider: 'anthropic',
    name: 'Anthropic team',
    apiKey: 'sk-ant-e2e-a11y-000000000000an01',
  })
  await sb('credentials.test', { id: good.id })
  await sb('credentials.test', { id: revoked.id })
  await sb('models.register', {
    credentialId: good.id,
    models: [
      { name: 'gpt-4o-mini', type: 'language' },
      { name: 'text-embedding-3-small', type: 'embedding' },
      { name: 'tts-1', type: 'text_to_speech' },
    ],
  })
  await sb('defaults.autoAssign', {})
  await sb('local.addTarget', { baseUrl: ollama.url })
}

/** Runs axe on what the page shows now and fails with each violation's id, nodes and fix. */
async function expectAccessible(page: Page, where: string) {
  // Colours are measured once the theme and any entering content have settled: every finite
  // animation or transition has finished (a fixed 150 ms was not enough on a busy machine).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  )
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const report = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n'),
    )
    .join('\n')
  expect(violations, `axe violations on ${where}:\n${report}`).toEqual([])
}

async function useScheme(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme })
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
}

/** Scans until the fake Ollama answers (one sweep can miss it on a loaded machine). */
async function detectOllama(page: Page) {
  await expect(async () => {
    await page.getByRole('button', { name: 'Scan again' }).first().click()
    await expect(page.getByRole('article', { name: /^Ollama/ })).toBeVisible({ timeout: 1500 })
  }).toPass({ timeout: 15_000 })
  await expect(page.getByRole('table', { name: 'Installed models' })).toBeVisible()
}

for (const scheme of SCHEMES) {
  test.describe(`axe, ${scheme} theme`, () => {
    // Each test runs axe several times (pages and dialogs): 10–20 s on a quiet machine, over the
    // 30 s default when the machine is busy. A budget, not a wait: every step waits on state.
    test.describe.configure({ timeout: 90_000 })
    test.beforeEach(async ({ page, open, sb }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await open('apiKeys')
      await seed(sb)
    })

    test('API Keys: the list, the add dialog and the delete confirmation', async ({ page }) => {
      await page.reload()
      await useScheme(page, scheme)
      const revoked = page.getByRole('listitem', { name: 'OpenAI revoked', exact: true })
      await expect(revoked).toContainText('401')
      await expectAccessible(page, `API Keys (${scheme})`)

      await page.getByRole('button', { name: 'New OpenAI credential' }).click()
      const add = page.getByRole('dialog')
      await expect(add).toBeVisible()
      // Submitting empty shows the inline errors, which must be accessible too.
      await add.getByRole('button', { name: 'Add credential' }).click()
      await expectAccessible(page, `the add-credential dialog (${scheme})`)
      await page.keyboard.press('Escape')
      await expect(add).toBeHidden()

      await page.getByRole('button', { name: 'Delete OpenAI main' }).click()
      const del = page.getByRole('dialog')
      await expect(del).toBeVisible()
      await expectAccessible(page, `the delete confirmation (${scheme})`)
      await page.keyboard.press('Escape')
      await expect(del).toBeHidden()

      // Discovery refused with a 401: the error inside the dialog.
      await page.getByRole('button', { name: 'Discover models of OpenAI revoked' }).click()
      const refused = page.getByRole('dialog', { name: 'Discover models for OpenAI revoked' })
      await expect(refused.getByRole('alert')).toContainText('The provider rejected the key.')
      await expectAccessible(page, `the discovery dialog with an error (${scheme})`)
    })

    test('Models: defaults, the registered list, discovery and remove', async ({ page, open }) => {
      await open('models')
      await useScheme(page, scheme)
      await expect(page.getByRole('heading', { name: 'Registered models' })).toBeVisible()
      await expectAccessible(page, `Models (${scheme})`)

      await page.getByRole('button', { name: 'Discover models' }).first().click()
      const dialog = page.getByRole('dialog', { name: /^Discover models for/ })
      await expect(dialog.getByText(/Showing \d+ of \d+/)).toBeVisible()
      await dialog.getByRole('checkbox', { name: 'Select gpt-4o', exact: true }).check()
      await expectAccessible(page, `the discovery dialog (${scheme})`)
      // A row's type list (the one shared listbox) open.
      await dialog.getByRole('combobox', { name: 'Type of gpt-4o', exact: true }).click()
      await expect(dialog.getByRole('listbox', { name: 'Type of gpt-4o' })).toBeVisible()
      await expectAccessible(page, `the discovery dialog, a row's type list open (${scheme})`)
      await page.keyboard.press('Escape')
      await expect(dialog.getByRole('listbox')).toBeHidden()
      const search = dialog.getByRole('searchbox', { name: 'Search models' })
      await search.fill('ft:custom-model')
      await expectAccessible(page, `the discovery dialog, custom model offer (${scheme})`)
      // A native search field takes the first Escape to clear itself; the next closes.
      await page.keyboard.press('Escape')
      await expect(search).toHaveValue('')
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()

      await page.getByRole('button', { name: 'Remove gpt-4o-mini' }).click()
      await expect(page.getByRole('dialog', { name: 'Remove gpt-4o-mini?' })).toBeVisible()
      await expectAccessible(page, `the remove-model confirmation (${scheme})`)
    })

    test('Local: a detected Ollama with its library', async ({ page, open }) => {
      await open('local')
      await useScheme(page, scheme)
      await detectOllama(page)
      await expectAccessible(page, `Local (${scheme})`)
    })

    test('Gateway: tokens and the revoke confirmation', async ({ page, open, sb }) => {
      await open('gateway')
      await seed(sb)
      await sb('gateway.createToken', { name: 'Notes app', models: ['gpt-4o-mini'], rpm: 60 })
      await page.reload()
      await useScheme(page, scheme)
      await expect(page.locator('.skeleton')).toHaveCount(0)
      await expect(page.getByRole('row').filter({ hasText: 'Notes app' })).toBeVisible()
      await expectAccessible(page, `Gateway (${scheme})`)
      await page.getByRole('button', { name: 'Revoke Notes app' }).click()
      await expect(page.getByRole('dialog', { name: 'Revoke this token?' })).toBeVisible()
      await expectAccessible(page, `the revoke-token confirmation (${scheme})`)
    })

    test('Overview: health, defaults, local servers, gateway and what needs attention', async ({
      page,
      open,
    }) => {
      await open('home')
      await useScheme(page, scheme)
      await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText(
        'OpenAI revoked',
      )
      await expectAccessible(page, `Overview (${scheme})`)
    })

    test('First run: the choices, a key flow and the private flow', async ({ page, open }) => {
      await open('welcome')
      await useScheme(page, scheme)
      await expect(page.getByRole('heading', { name: 'What do you want?' })).toBeVisible()
      await expectAccessible(page, `the first-run choices (${scheme})`)
      await page.getByRole('button', { name: /The lowest cost/ }).click()
      await expect(page.getByRole('button', { name: 'Add a key for OpenRouter' })).toBeVisible()
      await expectAccessible(page, `the first-run key flow (${scheme})`)
      await page.getByRole('button', { name: 'Back to the choices' }).click()
      await page.getByRole('button', { name: /Fully private, offline/ }).click()
      await expect(page.getByRole('region', { name: 'Offline setup' })).toBeVisible()
      await expect(page.locator('.skeleton')).toHaveCount(0)
      await expectAccessible(page, `the first-run private flow (${scheme})`)
    })

    test('Settings', async ({ page, open }) => {
      await open('settings')
      await useScheme(page, scheme)
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
      await expectAccessible(page, `Settings (${scheme})`)
    })
  })
}

/** Describes the focused element: its role-ish tag and accessible text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'body'
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''
    return `${el.tagName.toLowerCase()}:${name}`
  })

/** Presses Tab up to `max` times from the top of a freshly loaded page, recording each stop. */
async function tabStops(page: Page, max: number): Promise<string[]> {
  const stops: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    stops.push(await focused(page))
  }
  return stops
}

test.describe('keyboard', () => {
  const PRIMARY: Record<string, RegExp> = {
    apiKeys: /^button:Test all$/,
    models: /^button:Discover models$/,
    local: /^button:Scan again$/,
    settings: /^(select|input|button):/,
  }

  test('Tab from the page start reaches the navigation and the primary button', async ({
    page,
    open,
    sb,
  }) => {
    await open('apiKeys')
    await seed(sb)
    for (const route of Object.keys(PRIMARY)) {
      await open(route)
      // A fresh load, so focus starts at the document's top (in-app navigation moves it to
      // the new page's heading instead, by design).
      await page.reload()
      await expect(page.locator('#page-title')).toBeVisible()
      await expect(page.locator('.skeleton')).toHaveCount(0)
      const stops = await tabStops(page, 12)
      expect(stops[0], 'the skip link comes first').toMatch(/^a:Skip to/)
      for (const name of ['API Keys', 'Models', 'Local', 'Settings'])
        expect(stops, `${route}: nav link ${name}`).toContain(`a:${name}`)
      expect(
        stops.some((s) => PRIMARY[route]!.test(s)),
        `${route}: the primary control is reached by Tab (${stops.join(' | ')})`,
      ).toBe(true)
    }
  })

  test('a dialog keeps focus inside, closes on Escape and returns focus to its opener', async ({
    page,
    open,
    sb,
  }) => {
    await open('apiKeys')
    await seed(sb)
    await page.reload()
    const opener = page.getByRole('button', { name: 'Delete OpenAI main' })
    await opener.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    const inside = () =>
      page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')))
    expect(await inside(), 'focus moves into the dialog').toBe(true)
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      expect(await inside(), `Tab ${i + 1} stays in the dialog`).toBe(true)
    }
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab')
      expect(await inside(), `Shift+Tab ${i + 1} stays in the dialog`).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(opener).toBeFocused()

    // The same for the larger discovery dialog, opened from the Models page.
    await open('models')
    const discover = page.getByRole('button', { name: 'Discover models' }).first()
    await discover.focus()
    await page.keyboard.press('Enter')
    const discovery = page.getByRole('dialog', { name: /^Discover models for/ })
    await expect(discovery.getByText(/Showing \d+ of \d+/)).toBeVisible()
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      expect(await inside(), `discovery: Tab ${i + 1} stays in the dialog`).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect(discovery).toBeHidden()
    await expect(discover).toBeFocused()
  })
})
