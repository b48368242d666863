import { expect, test } from './harness/fixtures'

test.describe('settings', () => {
  test('shows the vault, rotates the master key, switches theme', async ({ page, open, sb }) => {
    await open('settings')
    await sb('credentials.create', {
      provider: 'openai',
      name: 'Rotated',
      apiKey: 'sk-e2e-rotate-0000000000000',
    })
    const vault = page.getByRole('region', { name: 'Vault' })
    await expect(vault.getByText('Unlocked')).toBeVisible()
    await expect(
      vault.getByText('The master key is kept in: Environment passphrase.'),
    ).toBeVisible()
    await vault.getByRole('button', { name: 'Rotate master key…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Rotate the master key?' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Rotate', exact: true }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Re-encrypted 1 secret with a new master key' }),
    ).toBeVisible()
    await expect(dialog).toBeHidden()
    const list = await sb<{ status: string }[]>('credentials.list', {})
    expect(list[0]!.status).toBe('ok')

    await page.getByRole('radio', { name: 'Dark' }).check()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.getByRole('radio', { name: 'Light' }).check()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  })

  test('switches the interface language', async ({ page, open }) => {
    await open('settings')
    await page.getByLabel('Language', { exact: true }).selectOption('it-IT')
    await expect(
      page.getByRole('navigation').getByRole('link', { name: 'Impostazioni' }),
    ).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'it-IT')
    await page.getByLabel('Lingua', { exact: true }).selectOption('')
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Settings' })).toBeVisible()
  })

  // Each locale is its own chunk (issue 17): a saved language other than English is loaded
  // before the first render after a restart, and a lazily loaded page is shown in it too.
  test('starts in the saved language after a reload', async ({ page, open }) => {
    await open('settings')
    await page.getByLabel('Language', { exact: true }).selectOption('ja-JP')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja-JP')
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja-JP')
    await expect(page.locator('#page-title')).toHaveText('設定')
    await page.getByRole('navigation').getByRole('link', { name: 'モデル' }).click()
    await expect(page.locator('#page-title')).toHaveText('モデル')
    await expect(page.locator('#page-title')).toBeFocused()
  })
})

test.describe('settings of the installed app (issue 15)', () => {
  test('keeps launch at login, the update channel and the theme in main', async ({
    page,
    open,
    sb,
  }) => {
    await open('settings')
    const startup = page.getByRole('region', { name: 'Start-up' })
    const login = startup.getByRole('checkbox', { name: 'Open Switchboard at login' })
    await expect(login).not.toBeChecked() // off by default
    await login.check()
    const updates = page.getByRole('region', { name: 'Updates' })
    await updates.getByLabel('Channel').selectOption('beta')
    await page.getByRole('radio', { name: 'Dark' }).check()
    await expect
      .poll(() => sb<{ launchAtLogin: boolean; theme: string }>('settings.getPreferences', {}))
      .toMatchObject({ launchAtLogin: true, theme: 'dark', updates: { channel: 'beta' } })
    const status = await sb<{ channel: string; phase: string }>('updates.status', {})
    expect(status).toMatchObject({ channel: 'beta', phase: 'unsupported' })
    await expect(updates.getByText('does not update itself')).toBeVisible()
  })

  test('copies diagnostics without a key, and says the CLI ships with the installed app', async ({
    page,
    open,
    sb,
  }) => {
    await open('settings')
    await sb('credentials.create', {
      provider: 'openai',
      name: 'Diagnosed',
      apiKey: 'sk-e2e-diagnostics-0000000000000',
    })
    const about = page.getByRole('region', { name: 'About' })
    await about.getByRole('button', { name: 'Copy diagnostics' }).click()
    const text = about.getByLabel('Copy diagnostics')
    await expect(text).toContainText('Credentials 1 (providers: openai)')
    await expect(text).not.toContainText('sk-e2e-diagnostics')
    await expect(text).not.toContainText('Diagnosed')
    const cli = page.getByRole('region', { name: 'Command-line tool' })
    await expect(cli.getByText('development run has no installable command')).toBeVisible()
  })
})
