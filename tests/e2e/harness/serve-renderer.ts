import fs from 'node:fs'
import type { Page, Route } from '@playwright/test'
import { contentTypeOf, resolveRendererFile } from '../../../src-main/renderer-files'

/** The origin the harness serves the built renderer from (routed by Playwright, no server). */
export const HARNESS_ORIGIN = 'http://switchboard.test'

/**
 * Serves out/renderer from disk for HARNESS_ORIGIN and refuses every other request, recording
 * it: the renderer must never talk to the network itself.
 */
export async function serveRendererFromDisk(page: Page, rendererDir: string, blocked: string[]) {
  await page.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url())
    if (url.origin !== HARNESS_ORIGIN) {
      blocked.push(route.request().url())
      return route.abort('blockedbyclient')
    }
    const file = resolveRendererFile(rendererDir, url.pathname)
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      return route.fulfill({ status: 404, body: 'not found' })
    }
    return route.fulfill({
      status: 200,
      body: fs.readFileSync(file),
      headers: { 'content-type': contentTypeOf(file) },
    })
  })
}
