/** The app:// protocol the production renderer is served from (STYLE: not file://). */
import fs from 'node:fs/promises'
import { protocol } from 'electron'
import { RENDERER_CSP, contentTypeOf, resolveRendererFile } from '../renderer-files'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = 'app://switchboard'

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ])
}

/** Serves files from the renderer folder, with the CSP as a header too. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'switchboard' ? resolveRendererFile(root, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await fs.readFile(file)
      return new Response(body, {
        headers: {
          'content-type': contentTypeOf(file),
          'content-security-policy': RENDERER_CSP,
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
