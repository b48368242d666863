/**
 * The one secret scrubber (DESIGN §6, issue 11 "Secrets"). Every text that comes from upstream (a
 * provider's error body, an SDK error message, a local server's answer) goes through
 * `scrubUpstream` before anything else touches it: first every known secret of the credential is
 * redacted in every encoding a server could echo it in, then the generic patterns (`Bearer …`,
 * `sk-…`, `key=` parameters …), and only then is the text collapsed and truncated. The order
 * matters: collapsing whitespace or cutting at 200 characters first turns a key into something
 * that no longer matches it (a double space becomes one, a cut leaves the key's first half).
 *
 * Encodings are matched per character, so mixed forms are caught too: a key echoed inside JSON
 * (`\/`, `\"`, `\\`, `\u00e9`, doubly escaped), HTML (`&amp;`, `&#39;`, `&#x2F;`), URL or form
 * encoding (`%2F` or `%2f`, `+` or `%20` for a space, `%252F` double-encoded), and the base64,
 * base64url and hex of the key — at any byte alignment, so a key inside a base64 blob (Basic
 * auth `user:key`) is found as well. A run of whitespace in a key matches any run of whitespace
 * (a server may have collapsed it).
 */

import { base64Forms, hexCI, PatternBuilder } from './secret-encodings'

export const REDACTED = '[redacted]'

/** How much of a very large body is scrubbed; only the first 200 characters are ever shown. */
export const SCAN_LIMIT = 64 * 1024

/** Secrets shorter than this are not searched for (they would redact ordinary words). */
export const MIN_SECRET = 4

/** One regex matching every secret in every encoding; null when there is nothing to find. */
export function secretMatcher(secrets: readonly string[]): RegExp | null {
  const sources = new Set<string>()
  const build = new PatternBuilder()
  for (const s of new Set(secrets)) {
    // Trimmed: a pattern that starts with a whitespace run would be tried at every position of
    // a long run of spaces (quadratic); keys are stored trimmed anyway.
    const t = typeof s === 'string' ? s.trim() : ''
    if ([...t].length < MIN_SECRET) continue
    sources.add(build.encoded(t))
    for (const b of base64Forms(t)) sources.add(build.encoded(b))
    sources.add(hexCI(Buffer.from(t, 'utf8').toString('hex')))
    if (t !== s) for (const b of base64Forms(s)) sources.add(build.encoded(b))
  }
  if (!sources.size) return null
  // Longest first, so a whole encoded key wins over a shorter form inside it.
  const ordered = [...sources].sort((a, b) => b.length - a.length)
  return new RegExp(ordered.map((p) => `(?:${p})`).join('|'), 'g')
}

/** Redacts every known secret, in every encoding, from `text`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const re = secretMatcher(secrets)
  return re ? text.replace(re, REDACTED) : text
}

/** Redacts what looks like a credential even when we do not know it (DESIGN §6). */
export function scrubPatterns(text: string): string {
  return text
    .replace(/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/gi, '$1 [redacted]')
    .replace(/\b(?:sk|pk|rk|gsk|xai|pplx|sk-ant|sk-or|sk-proj)-[A-Za-z0-9_-]{8,}/g, REDACTED)
    .replace(/\bAIza[0-9A-Za-z_-]{20,}/g, REDACTED)
    .replace(
      /([?&](?:key|api[_-]?key|token|access_token|secret|password|sig|signature)=)[^&\s"'<>]+/gi,
      '$1[redacted]',
    )
    .replace(
      /("?(?:api[_-]?key|x-api-key|x-goog-api-key|authorization|xi-api-key|api-key|access_token|client_secret|private_key)"?\s*[:=]\s*"?)[^"\s,}]+/gi,
      '$1[redacted]',
    )
    .replace(
      /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
      REDACTED,
    )
}

/** Known secrets first, then generic patterns; nothing collapsed or cut. */
export function scrubAll(text: string, secrets: readonly string[]): string {
  return scrubAllWith(text, secretMatcher(secrets))
}

/** `scrubAll` with a matcher built beforehand (`secretMatcher`; null: no known secret). */
export function scrubAllWith(text: string, matcher: RegExp | null): string {
  return scrubPatterns(matcher ? text.replace(matcher, REDACTED) : text)
}

/** Cuts to `max` characters (an ellipsis marks the cut), never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = max - 1
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut -= 1
  return `${text.slice(0, cut)}…`
}

/**
 * The only way upstream text becomes a message or a stored value: scrub (known secrets in every
 * encoding, then generic patterns), then collapse whitespace, then truncate to `max`.
 */
export function scrubUpstream(text: string, secrets: readonly string[], max = 200): string {
  return scrubUpstreamWith(text, secretMatcher(secrets), max)
}

/** `scrubUpstream` with a matcher built beforehand (secrets/scrubber.ts builds it once). */
export function scrubUpstreamWith(text: string, matcher: RegExp | null, max = 200): string {
  const scanned = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text
  return truncate(scrubAllWith(scanned, matcher).replace(/\s+/g, ' ').trim(), max)
}

/**
 * The secrets of a credential worth searching for: the key, the service-account JSON, and the
 * private key and key id inside that JSON (a server may echo either on its own).
 */
export function credentialSecrets(c: {
  apiKey?: string | null
  serviceAccountJson?: string | null
}): string[] {
  const out: string[] = []
  if (c.apiKey) out.push(c.apiKey)
  if (c.serviceAccountJson) {
    out.push(c.serviceAccountJson)
    try {
      const sa = JSON.parse(c.serviceAccountJson) as Record<string, unknown>
      for (const f of ['private_key', 'private_key_id', 'client_secret']) {
        if (typeof sa[f] === 'string' && sa[f]) out.push(sa[f] as string)
      }
    } catch {
      // not JSON: the raw text is searched for as a whole
    }
  }
  return out
}
