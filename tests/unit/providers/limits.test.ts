import { describe, expect, it } from 'vitest'
import { limitsFromHeaders, mergeLimits } from '../../../src-main/providers/limits'

const NOW = Date.parse('2026-03-01T12:00:00.000Z')
const h = (o: Record<string, string>) => new Headers(o)

describe('rate-limit headers (issue 12)', () => {
  it('OpenAI / Groq: x-ratelimit-*-requests with a Go-style reset duration', () => {
    // platform.openai.com/docs/guides/rate-limits: "x-ratelimit-reset-requests: 1s", "6m0s".
    expect(
      limitsFromHeaders(
        h({
          'x-ratelimit-limit-requests': '60',
          'x-ratelimit-remaining-requests': '59',
          'x-ratelimit-reset-requests': '6m0s',
        }),
        NOW,
      ),
    ).toEqual({ remaining: 59, limit: 60, resetAt: '2026-03-01T12:06:00.000Z', credit: null })
    expect(limitsFromHeaders(h({ 'x-ratelimit-reset-requests': '1.5s' }), NOW)?.resetAt).toBe(
      '2026-03-01T12:00:01.500Z',
    )
  })

  it('Anthropic: anthropic-ratelimit-requests-* with an RFC 3339 reset', () => {
    // docs.anthropic.com/en/api/rate-limits#response-headers
    expect(
      limitsFromHeaders(
        h({
          'anthropic-ratelimit-requests-limit': '50',
          'anthropic-ratelimit-requests-remaining': '49',
          'anthropic-ratelimit-requests-reset': '2026-03-01T12:00:30Z',
        }),
        NOW,
      ),
    ).toEqual({ remaining: 49, limit: 50, resetAt: '2026-03-01T12:00:30.000Z', credit: null })
  })

  it('generic x-ratelimit-* with an epoch reset, and retry-after on a 429', () => {
    expect(
      limitsFromHeaders(
        h({ 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '1772366460' }),
        NOW,
      ),
    ).toMatchObject({ remaining: 7, resetAt: '2026-03-01T12:01:00.000Z' })
    expect(limitsFromHeaders(h({ 'retry-after': '20' }), NOW)?.resetAt).toBe(
      '2026-03-01T12:00:20.000Z',
    )
  })

  it('no signal is no limits; garbage values are ignored', () => {
    expect(limitsFromHeaders(h({ 'content-type': 'application/json' }), NOW)).toBeNull()
    expect(limitsFromHeaders(h({ 'x-ratelimit-remaining': 'lots' }), NOW)).toBeNull()
  })

  it('merging keeps what is known and fills the rest', () => {
    expect(
      mergeLimits({ remaining: 1, limit: null, resetAt: null, credit: null }, { credit: 2 }),
    ).toEqual({ remaining: 1, limit: null, resetAt: null, credit: 2 })
    expect(mergeLimits(null, { credit: null })).toBeNull()
  })
})
