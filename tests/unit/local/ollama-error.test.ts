/** src-main/local/ollama-error.ts: what the ollama SDK or the fetch throws, as coded, scrubbed errors. */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { toAppError } from '../../../src-main/local/ollama-error'

const KEY = 'ollama-cloud-key-0123456789abcdef'
const ctx = { model: 'llama3.2', secrets: [KEY], host: 'http://127.0.0.1:11434' }
// The SDK's ResponseError (ollama-js src/utils.ts): name, message, status_code.
const responseError = (status: number, message: string) =>
  Object.assign(new Error(message), { name: 'ResponseError', status_code: status })

describe('toAppError', () => {
  it('maps the SDK status answers to codes, keeping the status and the model', () => {
    const cases: [number, string][] = [
      [404, 'not_found'],
      [401, 'auth_invalid'],
      [403, 'auth_forbidden'],
      [500, 'server_error'],
    ]
    for (const [status, code] of cases) {
      const e = toAppError(responseError(status, `nope ${KEY}`), ctx)
      expect([status, e.code, e.params?.status]).toEqual([status, code, status])
      expect(e.message).not.toContain(KEY)
    }
  })

  it('tells a timeout, a refused connection and a reset apart', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'TimeoutError' })
    expect(toAppError(abort, ctx).code).toBe('timeout')
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED' },
    })
    expect(toAppError(refused, ctx).params).toMatchObject({ reason: 'refused' })
    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })
    expect(toAppError(reset, ctx)).toMatchObject({ code: 'network', params: { reason: 'reset' } })
  })

  it('a cancelled operation wins, an AppError passes through, anything else is a scrubbed stream error', () => {
    const ac = new AbortController()
    ac.abort()
    expect(toAppError(new Error('x'), { ...ctx, signal: ac.signal }).code).toBe('cancelled')
    const own = new AppError('validation', 'bad')
    expect(toAppError(own, ctx)).toBe(own)
    const e = toAppError(new Error(`pull failed: bad key ${KEY}`), ctx)
    expect(e).toMatchObject({ code: 'server_error', params: { reason: 'stream_error' } })
    expect(JSON.stringify({ m: e.message, p: e.params })).not.toContain(KEY)
  })
})
