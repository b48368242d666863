/** The gateway's pure parts: tokens, the Host guard, rate-limit headers, SSE usage. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isLoopbackBind, isLoopbackHost } from '../../../src-main/gateway/http-util'
import {
  cooldownMs,
  DEFAULT_COOLDOWN_MS,
  parseGoDuration,
  readLimits,
} from '../../../src-main/gateway/limits'
import {
  findToken,
  hashToken,
  newToken,
  parseDuration,
  presentedToken,
} from '../../../src-main/gateway/tokens'
import { createSseUsageSniffer } from '../../../src-main/gateway/usage'
import type { StoredGatewayToken } from '../../../src-main/store/schema'

const stored = (token: string, id: string): StoredGatewayToken => ({
  id,
  name: id,
  hash: hashToken(token),
  hint: token.slice(-4),
  models: null,
  rpm: null,
  expiresAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
})

describe('tokens', () => {
  it('are sbg_ + 256 random bits and match only their own hash', () => {
    const a = newToken()
    const b = newToken()
    expect(a).toMatch(/^sbg_[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(b)
    const list = [stored(a, 'a'), stored(b, 'b')]
    expect(findToken(a, list)?.id).toBe('a')
    expect(findToken(b, list)?.id).toBe('b')
    expect(findToken(`${a}x`, list)).toBeNull()
    expect(findToken(hashToken(a), list)).toBeNull() // the hash itself is no token
  })

  it('are read from Bearer or x-api-key', () => {
    expect(presentedToken({ authorization: 'Bearer sbg_x' })).toBe('sbg_x')
    expect(presentedToken({ authorization: 'bearer  sbg_y ' })).toBe('sbg_y')
    expect(presentedToken({ 'x-api-key': 'sbg_z' })).toBe('sbg_z')
    expect(presentedToken({ authorization: 'Basic abc' })).toBeNull()
    expect(presentedToken({})).toBeNull()
  })

  it('durations', () => {
    expect(parseDuration('30m')).toBe(1_800_000)
    expect(parseDuration('7d')).toBe(604_800_000)
    expect(parseDuration('2w')).toBe(1_209_600_000)
    for (const bad of ['', '0d', '-1d', '1y', 'soon', '1.5h']) expect(parseDuration(bad)).toBeNull()
  })
})

describe('Host guard', () => {
  it('accepts loopback names with or without a port', () => {
    for (const h of [
      '127.0.0.1',
      '127.0.0.1:8788',
      'localhost:1',
      'LOCALHOST',
      '[::1]:8788',
      '127.1.2.3',
    ])
      expect(isLoopbackHost(h)).toBe(true)
  })

  it('refuses every other name (fuzzed), and an absent Host', () => {
    expect(isLoopbackHost(undefined)).toBe(false)
    for (const h of [
      'evil.example',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      'evil.example:8788',
      '0.0.0.0',
      '[::]',
      '192.168.1.2',
    ])
      expect(isLoopbackHost(h)).toBe(false)
    fc.assert(
      fc.property(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 })), (d, port) => {
        fc.pre(d !== 'localhost')
        expect(isLoopbackHost(port === null ? d : `${d}:${port}`)).toBe(false)
      }),
    )
  })

  it('binds only loopback', () => {
    expect(isLoopbackBind('127.0.0.1')).toBe(true)
    for (const h of ['0.0.0.0', '::', '192.168.1.2', '']) expect(isLoopbackBind(h)).toBe(false)
  })
})

describe('rate-limit headers', () => {
  const h = (o: Record<string, string>) => (n: string) => o[n] ?? null
  const now = Date.parse('2026-01-01T00:00:00Z')

  it('Go durations', () => {
    expect(parseGoDuration('6m0s')).toBe(360_000)
    expect(parseGoDuration('1s')).toBe(1_000)
    expect(parseGoDuration('20ms')).toBe(20)
    expect(parseGoDuration('1h2m3.5s')).toBe(3_723_500)
    expect(parseGoDuration('soon')).toBeNull()
  })

  it('cool-down: retry-after, else the latest reset, else the default', () => {
    expect(cooldownMs(h({ 'retry-after': '12' }), now)).toBe(12_000)
    expect(cooldownMs(h({ 'retry-after': new Date(now + 5_000).toUTCString() }), now)).toBe(5_000)
    expect(
      cooldownMs(
        h({ 'x-ratelimit-reset-requests': '2s', 'x-ratelimit-reset-tokens': '1m0s' }),
        now,
      ),
    ).toBe(60_000)
    expect(
      cooldownMs(
        h({ 'anthropic-ratelimit-requests-reset': new Date(now + 40_000).toISOString() }),
        now,
      ),
    ).toBe(40_000)
    expect(cooldownMs(h({}), now)).toBe(DEFAULT_COOLDOWN_MS)
  })

  it("reads Anthropic's limits; none → null", () => {
    const l = readLimits(
      h({
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '49',
        'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:30Z',
      }),
      new Date(now),
    )
    expect(l).toMatchObject({
      requestsLimit: 50,
      requestsRemaining: 49,
      requestsReset: '2026-01-01T00:00:30.000Z',
    })
    expect(readLimits(h({}), new Date(now))).toBeNull()
  })
})

describe('SSE usage sniffer', () => {
  it('finds usage split across chunks at any point', () => {
    const stream =
      'data: {"choices":[{"delta":{"content":"usage"}}]}\n\n' +
      'data: {"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":2}}\n\ndata: [DONE]\n\n'
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 6 }),
        (cuts) => {
          const points = [...new Set(cuts)].sort((a, b) => a - b)
          const into = { input: 0, output: 0 }
          const sniff = createSseUsageSniffer(into)
          let from = 0
          for (const p of [...points, stream.length]) {
            sniff(new TextEncoder().encode(stream.slice(from, p)))
            from = p
          }
          expect(into).toEqual({ input: 7, output: 2 })
        },
      ),
    )
  })
})

describe('the store shape of the gateway section', () => {
  it('fills an absent section and refuses a malformed one', async () => {
    const { checkStoreShape } = await import('../../../src-main/store/store-shape')
    const { emptyStoreData } = await import('../../../src-main/store/migrations')
    const doc = emptyStoreData() as unknown as Record<string, unknown>
    delete doc.gateway
    const ok = checkStoreShape(doc)
    expect(ok.ok && ok.data.gateway).toMatchObject({ enabled: false, port: 8788, tokens: [] })
    for (const gateway of [
      { tokens: [{ id: 'a', name: 'x', hash: 'not-a-hash', createdAt: 'now' }] },
      { tokens: null },
      { port: 'http' },
      { usage: [{ tokenId: 't', name: 'n', model: 'm', requests: -1 }] },
    ]) {
      const r = checkStoreShape({ ...emptyStoreData(), gateway })
      expect(r.ok, JSON.stringify(gateway)).toBe(false)
    }
  })
})
