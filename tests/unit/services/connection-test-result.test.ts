/**
 * One connection test's outcome as a result (src-main/services/connection-test-result.ts): texts
 * and string params scrubbed of the credential's secrets, `ok` from the code, a hint for network
 * codes, credit counted as a limit; and which thrown errors are Switchboard's own (rethrown)
 * rather than a failed test.
 */
import { describe, expect, it } from 'vitest'
import {
  RETHROWN,
  buildResult,
  thrownToOutcome,
} from '../../../src-main/services/connection-test-result'
import { AppError } from '../../../src-main/errors'
import { createScrubber } from '../../../src-main/secrets/scrubber'

const KEY = 'sk-conn-test-result-SECRET-0123456789'
const none = createScrubber([])

describe('buildResult', () => {
  it('scrubs the key from the message, the hint and every string param', () => {
    const r = buildResult('c1', 'openai', performance.now(), createScrubber([KEY]), {
      code: 'auth_invalid',
      message: `Incorrect API key provided: ${KEY}`,
      hint: `Check ${KEY} in the dashboard`,
      params: { status: 401, upstream: `key=${KEY}` },
    })
    expect(r).toMatchObject({
      credentialId: 'c1',
      provider: 'openai',
      ok: false,
      code: 'auth_invalid',
    })
    expect(JSON.stringify(r)).not.toContain(KEY)
    expect(r.params.status).toBe(401)
    expect(r.message).toContain('Incorrect API key provided')
  })

  it('is ok for every ok code, with a network hint when the adapter gave none', () => {
    const at = performance.now()
    expect(buildResult('c', 'openai', at, none, { code: 'ok_rate_limited', message: '' }).ok).toBe(
      true,
    )
    const net = buildResult('c', 'ollama', at, none, {
      code: 'network',
      message: 'refused',
      params: { reason: 'refused' },
    })
    expect(net.ok).toBe(false)
    expect(net.hint).toEqual(expect.any(String))
    expect(buildResult('c', null, at, none, { code: 'server_error', message: 'x' }).hint).toBeNull()
  })

  it('counts a credit the adapter reported as a limit, and has no limits without signals', () => {
    const at = performance.now()
    const withCredit = buildResult('c', 'openrouter', at, none, {
      code: 'ok',
      message: 'ok',
      details: { modelCount: 3, credit: 4.5 },
    })
    expect(withCredit.limits).toMatchObject({ credit: 4.5 })
    expect(withCredit.details).toEqual({ modelCount: 3, credit: 4.5 })
    expect(buildResult('c', 'openai', at, none, { code: 'ok', message: 'ok' }).limits).toBeNull()
  })
})

describe('thrownToOutcome', () => {
  it("rethrows Switchboard's own states instead of failing the test", () => {
    for (const code of RETHROWN) {
      const err = new AppError(code as never, 'x')
      expect(() => thrownToOutcome(err), code).toThrow(err)
    }
  })

  it('keeps a coded test failure, and hides the text of anything else', () => {
    expect(thrownToOutcome(new AppError('timeout', 'took too long', { ms: 10 }))).toEqual({
      code: 'timeout',
      message: 'took too long',
      params: { ms: 10 },
    })
    for (const err of [new Error(`boom ${KEY}`), new AppError('internal', KEY), KEY]) {
      const out = thrownToOutcome(err)
      expect(out.code).toBe('server_error')
      expect(JSON.stringify(out)).not.toContain(KEY)
    }
  })
})
