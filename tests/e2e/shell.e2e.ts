import { expect, test } from './harness/fixtures'

const PAGES = [
  { route: 'apiKeys', nav: 'API Keys' },
  { route: 'models', nav: 'Models' },
  { route: 'local', nav: 'Local' },
  { route: 'settings', nav: 'Settings' },
] as const

test.describe('app shell', () => {
  test('navigates through every page with the mouse and the keyboard', async ({ page, open }) => {
    await open('apiKeys')
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const p of PAGES) {
      await nav.getByRole('link', { name: p.nav }).click()
      await expect(page.getByRole('heading', { level: 1, name: p.nav })).toBeVisible()
      await expect(nav.getByRole('link', { name: p.nav })).toHaveAttribute('aria-current', 'page')
      await expect(page).toHaveURL(new RegExp(`#/${p.route}$`))
      await expect(page).toHaveTitle(`${p.nav} — Switchboard`)
    }
    // Keyboard: focus a link, press Enter, focus moves to the new page's heading.
    await nav.getByRole('link', { name: 'Models' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('#page-title')).toBeFocused()
    await expect(page.locator('#page-title')).toHaveText('Models')
  })

  test('follows the OS colour scheme', async ({ page, open }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await open('apiKeys')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  })

  test('calls main through the typed bridge', async ({ open, sb }) => {
    await open('apiKeys')
    const info = await sb<{ name: string; version: string }>('app.info')
    expect(info.name).toBe('Switchboard')
  })

  test('a malformed payload gets a validation envelope', async ({ page, open, mode }) => {
    test.skip(mode !== 'bridge', 'reaches the binding directly')
    await open('apiKeys')
    const res = await page.evaluate(() =>
      (window as unknown as { __sbInvoke: (c: string, p: unknown) => Promise<unknown> }).__sbInvoke(
        'app:openLink',
        { url: 12 },
      ),
    )
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'validation', params: { field: 'url' } },
    })
  })
})

test.describe('a foreign frame', () => {
  // Our CSP already refuses to frame another origin; lift it so the frame exists and the
  // sender check itself is what is tested.
  test.use({ bypassCSP: true })

  test('is refused by the sender check', async ({ page, open, mode }) => {
    test.skip(mode !== 'bridge', 'reaches the binding directly')
    await page.route('http://evil.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title>' }),
    )
    await open('apiKeys')
    await page.evaluate(() => {
      const f = document.createElement('iframe')
      f.src = 'http://evil.test/frame.html'
      f.id = 'evil'
      document.body.append(f)
      return new Promise((r) => f.addEventListener('load', r))
    })
    const frame = page.frame({ url: 'http://evil.test/frame.html' })!
    expect(await frame.evaluate(() => 'switchboard' in window)).toBe(false)
    const res = await frame.evaluate(() =>
      (window as unknown as { __sbInvoke: (c: string, p: unknown) => Promise<unknown> }).__sbInvoke(
        'app:info',
        {},
      ),
    )
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    })
  })
})
