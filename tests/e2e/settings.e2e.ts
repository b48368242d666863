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
