import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { RENDERER_CSP, contentTypeOf, resolveRendererFile } from '../../src-main/renderer-files'

describe('renderer files for app://', () => {
  const root = '/opt/switchboard/renderer'
  it('maps paths inside the folder and refuses every escape', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'))
    expect(resolveRendererFile(root, '/assets/a.js')).toBe(path.join(root, 'assets/a.js'))
    for (const evil of ['/../secret', '/..%2F..%2Fetc%2Fpasswd', '/assets/../../x', '/%E0%A4%A']) {
      expect(resolveRendererFile(root, evil), evil).toBeNull()
    }
  })

  it('names content types and keeps a strict CSP', () => {
    expect(contentTypeOf('a.js')).toMatch(/javascript/)
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream')
    for (const d of [
      "default-src 'none'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]) {
      expect(RENDERER_CSP).toContain(d)
    }
    expect(RENDERER_CSP).not.toContain('unsafe')
    // Media only from blob: URLs the renderer made itself (the verification check's TTS clip).
    expect(RENDERER_CSP).toMatch(/(^|; )media-src blob:(;|$)/)
  })

  it('sends the same policy as the page’s meta tag (plus frame-ancestors, header-only)', () => {
    const html = fs.readFileSync(path.join(__dirname, '../../src-renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeTruthy()
    expect(RENDERER_CSP).toBe(`${meta}; frame-ancestors 'none'`)
  })
})
