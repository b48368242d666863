/**
 * src-main/providers/ollama-error-body.ts: an Ollama error answer whose `error` cannot become
 * text (tests/support/unconvertible.ts) reaches the `ollama` SDK as `{}`, so the SDK's
 * `new Error(body.error)` cannot throw and the status still decides the code; every other
 * answer passes unchanged.
 */
import { describe, expect, it } from 'vitest'
import { withTextualError } from '../../../src-main/providers/ollama-error-body'
import { CANNOT_CONVERT } from './adapters/hostile-world'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('withTextualError', () => {
  it('drops an error that is not text, keeping status and headers', async () => {
    for (const bad of [...CANNOT_CONVERT, 5, null, ['x']]) {
      const res = await withTextualError(json(401, { error: bad }))
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(await res.text()).toBe('{}')
    }
  })

  it('drops a JSON error body that is not an object', async () => {
    for (const body of [null, 5, 'text', [1]]) {
      expect(await (await withTextualError(json(500, body))).text()).toBe('{}')
    }
  })

  it("leaves Ollama's own `{error: text}`, non-JSON errors and every 2xx alone", async () => {
    // docs/api.md "Errors": `{"error": "…"}`.
    const own = { error: "model 'x' not found" }
    expect(await (await withTextualError(json(404, own))).json()).toEqual(own)
    const html = new Response('<html>bad gateway</html>', { status: 502 })
    expect(await (await withTextualError(html)).text()).toBe('<html>bad gateway</html>')
    const ok = json(200, { error: CANNOT_CONVERT[0] })
    expect(await withTextualError(ok)).toBe(ok)
  })
})
