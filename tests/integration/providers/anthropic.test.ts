import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anthropicAdapter } from '../../../src-main/providers/adapters/anthropic'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import {
  ctxFor,
  expectSecretOnlyIn,
  outcomeSuite,
  type CredVariant,
} from '../../fixtures/adapter-harness'
import { startAnthropicServer } from '../../fixtures/anthropic-server'
import type { FakeServer } from '../../fixtures/recording-server'

const KEY = 'sk-ant-api03-test-key-0123456789abcdef'

function cred(
  provider: 'anthropic' | 'anthropic_compatible',
  baseUrl: string | null,
  variant: CredVariant = 'good',
): DecryptedCredential {
  return {
    id: 'c1',
    provider,
    name: 'Test',
    baseUrl,
    apiKey: variant === 'good' ? KEY : variant === 'bad' ? 'sk-ant-wrong-key-999999999' : null,
  }
}

outcomeSuite({
  provider: 'anthropic',
  adapter: anthropicAdapter,
  start: () => startAnthropicServer({ key: KEY }),
  cred: (url, v) => cred('anthropic', url, v),
  secrets: () => [KEY],
  authHeader: 'x-api-key',
  quota: true,
  onOk: (o) => expect(o.details?.modelCount).toBe(3),
})

outcomeSuite({
  provider: 'anthropic_compatible',
  adapter: anthropicAdapter,
  start: () => startAnthropicServer({ key: KEY, prefix: '/anthropic' }),
  cred: (url, v) => cred('anthropic_compatible', url, v),
  secrets: () => [KEY],
  authHeader: 'x-api-key',
})

describe('anthropic: base URL, discovery and model test', () => {
  let server: FakeServer
  const models = Array.from({ length: 7 }, (_, i) => ({
    id: `claude-test-${i}`,
    display_name: `Claude Test ${i}`,
  }))
  const ctx = ctxFor('anthropic')

  beforeAll(async () => {
    server = await startAnthropicServer({ key: KEY, prefix: '/gw/anthropic', models, pageCap: 3 })
  })
  afterAll(() => server.close())

  it('accepts an override with or without /v1 and with trailing slashes', async () => {
    for (const base of [server.url, `${server.url}/v1`, `${server.url}/v1/`, `${server.url}/`]) {
      server.requests.length = 0
      const o = await anthropicAdapter.test(cred('anthropic', base), ctx)
      expect(o.code, base).toBe('ok')
      expect(server.requests[0]?.path).toBe('/gw/anthropic/v1/models')
      expect(server.requests[0]?.headers['anthropic-version']).toBe('2023-06-01')
    }
  })

  it('follows after_id / has_more / last_id across pages', async () => {
    server.requests.length = 0
    const found = await anthropicAdapter.discover(cred('anthropic', server.url), ctx)
    expect(found.map((m) => m.name)).toEqual(models.map((m) => m.id))
    expect(found.every((m) => m.type === 'language' && m.typeSource === 'api')).toBe(true)
    expect(found[0]?.displayName).toBe('Claude Test 0')
    expect(server.requests).toHaveLength(3)
    expect(server.requests[1]?.query.get('after_id')).toBe('claude-test-2')
    expect(server.requests[2]?.query.get('after_id')).toBe('claude-test-5')
    expectSecretOnlyIn(server.requests, 'x-api-key', [KEY])
  })

  it('discovery with a wrong key is an auth_invalid error, not an empty list', async () => {
    await expect(
      anthropicAdapter.discover(cred('anthropic', server.url, 'bad'), ctx),
    ).rejects.toMatchObject({ code: 'auth_invalid' })
  })

  it('discovery errors on a garbage body', async () => {
    server.mode = 'garbage'
    await expect(
      anthropicAdapter.discover(cred('anthropic', server.url), ctx),
    ).rejects.toMatchObject({
      code: 'server_error',
      params: { reason: 'invalid_body' },
    })
    server.mode = 'ok'
  })

  it('model test sends a tiny message and reports the reply', async () => {
    const r = await anthropicAdapter.modelTest(
      cred('anthropic', server.url),
      { name: 'claude-test-1', type: 'language' },
      ctx,
    )
    expect(r).toMatchObject({ ok: true, code: 'ok', result: { reply: 'OK' } })
    const sent = server.requests.at(-1)!
    expect(sent.path).toBe('/gw/anthropic/v1/messages')
    expect(JSON.parse(sent.body.toString()).max_tokens).toBeLessThanOrEqual(16)
  })

  it('model test of an unknown model fails with the reason', async () => {
    const r = await anthropicAdapter.modelTest(
      cred('anthropic', server.url),
      { name: 'claude-nope', type: 'language' },
      ctx,
    )
    expect(r.ok).toBe(false)
    expect(r.message).toContain('claude-nope')
  })

  it('model test refuses a type Anthropic does not serve', async () => {
    const r = await anthropicAdapter.modelTest(
      cred('anthropic', server.url),
      { name: 'x', type: 'embedding' },
      ctx,
    )
    expect(r.ok).toBe(false)
  })
})

describe('anthropic_compatible specifics', () => {
  it('without a base URL it is not configured', async () => {
    const o = await anthropicAdapter.test(
      cred('anthropic_compatible', null),
      ctxFor('anthropic_compatible'),
    )
    expect(o.code).toBe('not_configured')
  })

  it('a server that answers 404 on the listing is ok_listing_unsupported; discovery says unsupported', async () => {
    const server = await startAnthropicServer({ key: KEY, prefix: '/elsewhere' })
    try {
      const ctx = ctxFor('anthropic_compatible')
      const c = cred('anthropic_compatible', `${server.origin}/compat`)
      const o = await anthropicAdapter.test(c, ctx)
      expect(o.code).toBe('ok_listing_unsupported')
      await expect(anthropicAdapter.discover(c, ctx)).rejects.toMatchObject({ code: 'unsupported' })
    } finally {
      await server.close()
    }
  })
})

describe('anthropic: rate-limit headers beside the test result (issue 12)', () => {
  it('reads anthropic-ratelimit-requests-*', async () => {
    const s = await startAnthropicServer({
      key: KEY,
      rateLimits: { limit: 50, remaining: 49, reset: '2026-03-01T12:00:30Z' },
    })
    try {
      const o = await anthropicAdapter.test(cred('anthropic', s.url), ctxFor('anthropic'))
      expect(o.code).toBe('ok')
      expect(o.limits).toEqual({
        remaining: 49,
        limit: 50,
        resetAt: '2026-03-01T12:00:30.000Z',
        credit: null,
      })
    } finally {
      await s.close()
    }
  })
})
