/**
 * The app:// protocol (src-main/electron/protocol.ts) under a stand-in `electron`: the scheme is
 * registered as standard and secure, and the handler serves files of the renderer folder only,
 * with the CSP and nosniff headers; anything else is a 404.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { RENDERER_CSP } from '../../../src-main/renderer-files'
import { tmpHome } from '../../support/home'

const schemes: unknown[] = []
const handlers = new Map<string, (req: Request) => Promise<Response>>()
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => schemes.push(...s),
    handle: (scheme: string, fn: (req: Request) => Promise<Response>) => handlers.set(scheme, fn),
  },
}))

const { APP_SCHEME, registerAppScheme, serveRenderer } =
  await import('../../../src-main/electron/protocol')

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme without fetch', () => {
    registerAppScheme()
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } },
    ])
  })

  it('serves renderer files with the CSP, and nothing outside the folder', async () => {
    const root = path.join(tmpHome('sb-protocol-'), 'renderer')
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>sb</title>')
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
    fs.writeFileSync(path.join(root, '..', 'secret.txt'), 'outside')
    serveRenderer(root)
    const serve = handlers.get(APP_SCHEME)!

    const index = await serve(new Request('app://switchboard/index.html'))
    expect(index.status).toBe(200)
    expect(await index.text()).toContain('<title>sb</title>')
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(index.headers.get('x-content-type-options')).toBe('nosniff')
    expect(index.headers.get('content-type')).toMatch(/^text\/html/)
    const js = await serve(new Request('app://switchboard/assets/app.js'))
    expect(js.headers.get('content-type')).toMatch(/javascript/)

    for (const url of [
      'app://switchboard/..%2Fsecret.txt',
      'app://switchboard/%2e%2e/secret.txt',
      'app://other-host/index.html',
      'app://switchboard/missing.js',
    ]) {
      expect((await serve(new Request(url))).status, url).toBe(404)
    }
  })
})
