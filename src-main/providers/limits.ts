/**
 * Rate-limit and quota signals a provider gives on the test call, read into one shape shown
 * beside the test result (issue 12): requests left of the limit, when the window resets, and the
 * credit left where the provider reports money (OpenRouter `/key`, DeepSeek `/user/balance`,
 * PPQ `/credits/balance`). Unknown values are null; nothing known at all is no Limits.
 */
import type { TestLimits } from '../../src-preload/contract/credentials'

export type Limits = TestLimits

/** A Limits with nothing known yet. */
export const noLimits = (): Limits => ({
  remaining: null,
  limit: null,
  resetAt: null,
  credit: null,
})

/** True when at least one value is known. */
export function hasLimits(l: Limits | null | undefined): l is Limits {
  return (
    !!l && (l.remaining !== null || l.limit !== null || l.resetAt !== null || l.credit !== null)
  )
}

const int = (v: string | null): number | null => {
  if (v === null || v.trim() === '') return null
  const n = Number(v.trim())
  return Number.isFinite(n) && n >= 0 ? n : null
}

/**
 * OpenAI-style durations ("1s", "6m0s", "20ms", "1h2m3.5s", platform.openai.com/docs/guides/
 * rate-limits "x-ratelimit-reset-requests"), plain seconds, or an epoch (s or ms) → ms from now.
 */
function resetDelayMs(v: string, now: number): number | null {
  const s = v.trim()
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s)
    if (n > 1e12) return n - now // epoch ms
    if (n > 1e9) return n * 1000 - now // epoch s
    return n * 1000 // seconds from now
  }
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g
  let total = 0
  let matched = false
  for (const m of s.matchAll(re)) {
    matched = true
    const n = Number(m[1])
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n
  }
  return matched ? total : null
}

function resetAt(v: string | null, now: number): string | null {
  if (!v) return null
  if (/^\d{4}-\d{2}-\d{2}T/.test(v.trim())) {
    const t = Date.parse(v.trim())
    return Number.isFinite(t) ? new Date(t).toISOString() : null
  }
  const delay = resetDelayMs(v, now)
  return delay === null || delay < 0 ? null : new Date(now + delay).toISOString()
}

/**
 * The request limits in a response's headers:
 * - Anthropic `anthropic-ratelimit-requests-{limit,remaining,reset}` (RFC 3339 reset;
 *   docs.anthropic.com/en/api/rate-limits#response-headers);
 * - OpenAI, Groq, xAI `x-ratelimit-{limit,remaining,reset}-requests` (platform.openai.com/docs/
 *   guides/rate-limits, console.groq.com/docs/rate-limits);
 * - the generic `x-ratelimit-{limit,remaining,reset}` (OpenRouter, many gateways);
 * - `retry-after` (seconds or an HTTP date) when a 429 says when to come back.
 */
export function limitsFromHeaders(h: Headers, now = Date.now()): Limits | null {
  const get = (...names: string[]) => {
    for (const n of names) {
      const v = h.get(n)
      if (v !== null) return v
    }
    return null
  }
  const l: Limits = {
    remaining: int(
      get(
        'anthropic-ratelimit-requests-remaining',
        'x-ratelimit-remaining-requests',
        'x-ratelimit-remaining',
      ),
    ),
    limit: int(
      get('anthropic-ratelimit-requests-limit', 'x-ratelimit-limit-requests', 'x-ratelimit-limit'),
    ),
    resetAt: resetAt(
      get('anthropic-ratelimit-requests-reset', 'x-ratelimit-reset-requests', 'x-ratelimit-reset'),
      now,
    ),
    credit: null,
  }
  if (!l.resetAt) {
    const retry = h.get('retry-after')
    if (retry) {
      const date = Date.parse(retry)
      l.resetAt = /^\d+$/.test(retry.trim())
        ? new Date(now + Number(retry) * 1000).toISOString()
        : Number.isFinite(date)
          ? new Date(date).toISOString()
          : null
    }
  }
  return hasLimits(l) ? l : null
}

/** `a` with `b`'s known values filling its unknown ones. */
export function mergeLimits(a: Limits | null | undefined, b: Partial<Limits> | null | undefined) {
  const out: Limits = { ...noLimits(), ...(a ?? {}) }
  for (const k of ['remaining', 'limit', 'resetAt', 'credit'] as const) {
    const v = b?.[k]
    if (out[k] === null && v !== undefined && v !== null)
      (out as unknown as Record<string, unknown>)[k] = v
  }
  return hasLimits(out) ? out : null
}
