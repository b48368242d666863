/**
 * A connection test's call (src-main/providers/adapters/probe): an outcome for every answer or
 * network failure, the provider's quirks first, the answer's rate limits added, and a cancel
 * that stays a cancel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probe, withLimits } from '../../../../src-main/providers/adapters/probe'
import { closedPortUrl, type FakeServer } from '../../../fixtures/recording-server'
import { auth, cred, ctx, KEY, startHttpFake } from './world'

let server: FakeServer
beforeAll(async () => {
  server = await startHttpFake()
})
afterAll(() => server.close())

const onOk = () => ({ code: 'ok' as const, message: 'fine' })

describe('probe', () => {
  it('answers onOk for a 2xx, with the limits the answer carried', async () => {
    const o = await probe(
      ctx(),
      cred,
      { url: `${server.url}/models`, headers: auth },
      { secrets: [KEY], onOk },
    )
    expect(o).toMatchObject({ code: 'ok', message: 'fine', limits: { remaining: 41, limit: 50 } })
  })

  it('maps a refusal to the shared outcome, scrubbed; a body rule and onStatus go first', async () => {
    const spec = { url: `${server.url}/models` }
    const o = await probe(ctx(), cred, spec, { secrets: [KEY], onOk })
    expect(o.code).toBe('auth_invalid')
    expect(JSON.stringify(o)).not.toContain(KEY)
    const ruled = await probe(ctx(), cred, spec, {
      secrets: [KEY],
      onOk,
      rule: () => 'ok_rate_limited',
    })
    expect(ruled.code).toBe('ok_rate_limited')
    const special = await probe(ctx(), cred, spec, {
      secrets: [KEY],
      onOk,
      onStatus: (a) =>
        a.status === 401 ? { code: 'ok_listing_unsupported', message: 'quirk' } : null,
    })
    expect(special).toMatchObject({ code: 'ok_listing_unsupported', limits: { remaining: 41 } })
  })

  it('turns a refused connection into a network outcome and re-throws a cancel', async () => {
    const closed = await closedPortUrl()
    const o = await probe(ctx(), cred, { url: `${closed}/v1/models` }, { secrets: [], onOk })
    expect(o).toMatchObject({ code: 'network', params: { reason: 'refused' } })
    const cancel = new AbortController()
    cancel.abort()
    await expect(
      probe(
        { ...ctx(), signal: cancel.signal },
        cred,
        { url: `${server.url}/models` },
        { secrets: [], onOk },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('keeps what the outcome knew over the headers', () => {
    const answer = { limits: { remaining: 41, limit: 50, resetAt: null, credit: null } }
    const known = {
      code: 'ok' as const,
      message: 'm',
      limits: { remaining: 1, limit: null, resetAt: null, credit: 5 },
    }
    expect(withLimits(known, answer).limits).toMatchObject({ remaining: 1, limit: 50, credit: 5 })
    expect(withLimits({ code: 'ok', message: 'm' }, { limits: null })).toEqual({
      code: 'ok',
      message: 'm',
    })
  })
})
