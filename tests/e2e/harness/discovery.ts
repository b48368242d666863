import type { Locator, Page } from '@playwright/test'

interface Harness {
  page: Page
  open: (page?: string) => Promise<void>
  sb: <T = unknown>(method: string, request?: unknown) => Promise<T>
}

/**
 * The Models page with one OpenAI credential on `baseUrl` (a fake server), and its discovery
 * dialog opened from the page's button, as a user opens it. Returns the dialog and the
 * credential's id.
 */
export async function openDiscovery(
  { page, open, sb }: Harness,
  credential: { name: string; apiKey: string; baseUrl: string },
): Promise<{ dialog: Locator; credentialId: string }> {
  await open('models')
  const created = await sb<{ id: string }>('credentials.create', {
    provider: 'openai',
    ...credential,
  })
  await page.reload()
  await page.getByRole('button', { name: 'Discover models' }).first().click()
  const dialog = page.getByRole('dialog', { name: `Discover models for ${credential.name}` })
  return { dialog, credentialId: created.id }
}
