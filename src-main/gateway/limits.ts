/**
 * Provider rate-limit headers (DESIGN §14), read from every upstream answer into the credential's
 * latest limits, and the cool-down a 429 earns. Header names and formats:
 * - OpenAI / Groq / xAI: `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, resets as Go
 *   durations (`1s`, `6m0s`, `20ms`) — https://platform.openai.com/docs/guides/rate-limits
 * - Anthropic: `anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}`, resets as RFC 3339
 *   times — https://docs.anthropic.com/en/api/rate-limits#response-headers
 * - `retry-after`: seconds or an HTTP date (RFC 9110 §10.2.3); OpenRouter's `x-ratelimit-reset`
 *   is epoch milliseconds — https://openrouter.ai/docs/api-reference/limits
 */
import type { CredentialLimits } from '../store/schema'

/** Cool-down after a 429 that says nothing about when to come back. */
export const DEFAULT_COOLDOWN_MS = 30_000
/** A provider asking for more than this is capped (a typo'd header must not park a key for days). */
export const MAX_COOLDOWN_MS = 60 * 60_000

type Get = (name: string) => string | null

const num = (v: string | null): number | null => {
  if (v === null || v.trim() === '') return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/** A Go-style duration (`1m30s`, `250ms`, `2h`) in ms, or null. */
export function parseGoDuration(text: string): number | null {
  const s = text.trim()
  if (!s) return null
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy
  let total = 0
  let matched = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(s))) {
    const n = Number(m[1])
    total += n * { ms: 1, s: 1e3, m: 60e3, h: 3600e3 }[m[2] as 'ms' | 's' | 'm' | 'h']
    matched = re.lastIndex
  }
  return matched === s.length ? Math.round(total) : null
}

/** How long from `now` a reset value means, in ms: a duration, a date, or epoch ms/seconds. */
export function resetInMs(value: string | null, now: number): number | null {
  if (!value) return null
  const d = parseGoDuration(value)
  if (d !== null) return d
  const n = num(value)
  if (n !== null) {
    if (n > 1e12) return Math.max(0, n - now) // epoch ms (OpenRouter)
    if (n > 1e9) return Math.max(0, n * 1000 - now) // epoch seconds
    return Math.round(n * 1000) // plain seconds
  }
  const t = Date.parse(value)
  return Number.isNaN(t) ? null : Math.max(0, t - now)
}

/** `retry-after` in ms (seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null
  const n = num(value)
  if (n !== null) return Math.max(0, Math.round(n * 1000))
  const t = Date.parse(value)
  return Number.isNaN(t) ? null : Math.max(0, t - now)
}

/** The limits an answer's headers report, or null when it carries none. */
export function readLimits(get: Get, now: Date): CredentialLimits | null {
  const first = (...names: string[]) => {
    for (const n of names) {
      const v = get(n)
      if (v !== null && v !== '') return v
    }
    return null
  }
  const ms = now.getTime()
  const iso = (v: string | null) => {
    const d = resetInMs(v, ms)
    return d === null ? null : new Date(ms + d).toISOString()
  }
  const out: CredentialLimits = {
    at: now.toISOString(),
    requestsLimit: num(
      first(
        'x-ratelimit-limit-requests',
        'anthropic-ratelimit-requests-limit',
        'x-ratelimit-limit',
      ),
    ),
    requestsRemaining: num(
      first(
        'x-ratelimit-remaining-requests',
        'anthropic-ratelimit-requests-remaining',
        'x-ratelimit-remaining',
      ),
    ),
    requestsReset: iso(
      first(
        'x-ratelimit-reset-requests',
        'anthropic-ratelimit-requests-reset',
        'x-ratelimit-reset',
      ),
    ),
    tokensLimit: num(first('x-ratelimit-limit-tokens', 'anthropic-ratelimit-tokens-limit')),
    tokensRemaining: num(
      first('x-ratelimit-remaining-tokens', 'anthropic-ratelimit-tokens-remaining'),
    ),
    tokensReset: iso(first('x-ratelimit-reset-tokens', 'anthropic-ratelimit-tokens-reset')),
    retryAfterMs: retryAfterMs(get('retry-after'), ms),
  }
  const { at: _at, ...values } = out
  void _at
  return Object.values(values).some((v) => v !== null) ? out : null
}

/**
 * How long a credential rests for one model after a 429: `retry-after`, else the latest reset
 * the headers name (requests or tokens, whichever is later), else DEFAULT_COOLDOWN_MS; capped.
 */
export function cooldownMs(get: Get, now: number): number {
  const ra = retryAfterMs(get('retry-after'), now)
  const resets = [
    'x-ratelimit-reset-requests',
    'x-ratelimit-reset-tokens',
    'anthropic-ratelimit-requests-reset',
    'anthropic-ratelimit-tokens-reset',
    'anthropic-ratelimit-input-tokens-reset',
    'anthropic-ratelimit-output-tokens-reset',
    'x-ratelimit-reset',
  ]
    .map((h) => resetInMs(get(h), now))
    .filter((v): v is number => v !== null)
  const wait = ra ?? (resets.length ? Math.max(...resets) : DEFAULT_COOLDOWN_MS)
  return Math.min(Math.max(wait, 1_000), MAX_COOLDOWN_MS)
}
