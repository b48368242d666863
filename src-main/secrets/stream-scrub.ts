/**
 * The scrubber for streamed text (the verification check's reply): text arrives in pieces, and a
 * secret — in any encoding the one scrubber (./scrub.ts) knows — may be split across two of them.
 * Each push emits only what can no longer become part of a secret: the pending text is held from
 * the earliest position where its tail could still be the start of a secret (a prefix of the
 * secret or of one of its base64 / hex forms, in any mix of the per-character encodings, possibly
 * ending inside one character's escape), and never cut inside a complete match. So the held tail
 * is as long as the longest partial match, not a fixed window: ordinary text flows on at once.
 *
 * Also held: a trailing run of key-like characters (letters, digits, `._~+/=-`, at most 256) and
 * a `Bearer ` before it, so the generic patterns (`sk-…`, `AIza…`, `Bearer …`) see whole tokens;
 * words therefore lag one piece behind. `flush` emits the rest at the end.
 *
 * Secrets longer than LONG are searched for in chunks of CHUNK characters as well (a service
 * account's JSON, its private key): when the whole secret appears, every chunk of it does, so it
 * is redacted piecewise, and the prefix patterns stay small.
 */
import { MIN_SECRET, REDACTED, scrubPatterns, secretMatcher } from './scrub'
import { base64Forms, hexCI, PatternBuilder } from './secret-encodings'

const LONG = 256
const CHUNK = 128
const TOKEN_RUN_MAX = 256

/**
 * What may end a text in the middle of one character's escape: a JSON `\uXXXX` (after the first
 * half of a surrogate pair, too), a URL `%XX` run of a multi-byte character (double-encoded
 * `%25XX` too), an HTML reference, a lone high surrogate. A backslash in a secret is matched with
 * the character after it, so complete escapes of backslashes may come first.
 */
const BACKSLASHES = '(?:\\\\|u005[cC]|%(?:25)*5[cC]|&(?:amp;)*#0*92;?|&(?:amp;)*#[xX]0*5[cC];?)*'
const PARTIAL = `(?:${BACKSLASHES}(?:${[
  '(?:\\\\+(?:u[0-9a-fA-F]{0,4})?){1,2}',
  '(?:%(?:25)*[0-9a-fA-F]{2}){0,3}%(?:25)*[0-9a-fA-F]?',
  '(?:%(?:25)*[0-9a-fA-F]{2}){1,3}',
  '&(?:amp;)*(?:#[xX]?[0-9a-fA-F]{0,6}|[a-zA-Z]{0,8})?',
  '[\\uD800-\\uDBFF]',
]
  .map((p) => `(?:${p})`)
  .join('|')})?)`

const isTokenChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9._~+/=-]/.test(c)

/** A streamed-text scrubber for one reply. */
export interface StreamScrubber {
  /** Takes the next piece; answers what may be shown now (possibly empty). */
  push(text: string): string
  /** The end of the reply: everything still held, scrubbed. */
  flush(): string
}

/** The secrets as searched for in a stream: short ones whole, long ones also in chunks. */
function streamSecrets(secrets: readonly string[]): { whole: string[]; prefixed: string[] } {
  const whole: string[] = []
  const prefixed: string[] = []
  for (const s of new Set(secrets)) {
    const t = typeof s === 'string' ? s.trim() : ''
    if ([...t].length < MIN_SECRET) continue
    whole.push(t)
    if (t.length <= LONG) {
      prefixed.push(t)
      continue
    }
    for (let i = 0; i < t.length;) {
      let end = Math.min(t.length, i + CHUNK)
      // Never end a chunk on a backslash or inside whitespace: the patterns pair those with
      // what follows.
      while (end < t.length && (t[end - 1] === '\\' || /\s/.test(t[end - 1]!))) end++
      const chunk = t.slice(i, end)
      if (chunk.trim().length >= MIN_SECRET) {
        whole.push(chunk.trim())
        prefixed.push(chunk.trim())
      }
      i = end
    }
  }
  return { whole, prefixed }
}

/** Parts nested as optional groups: any non-empty prefix of what the parts spell. */
function nested(parts: readonly string[]): string {
  let acc = ''
  for (let i = parts.length - 1; i >= 0; i--) acc = acc ? `${parts[i]}(?:${acc})?` : parts[i]!
  return acc
}

/** One regex matching, at the end of a text, a proper beginning of any secret form. */
function prefixMatcher(prefixed: readonly string[]): RegExp {
  const build = new PatternBuilder()
  const alts = new Set<string>()
  for (const t of prefixed) {
    for (const form of [t, ...base64Forms(t)]) alts.add(nested(build.parts(form)))
    alts.add(nested([...Buffer.from(t, 'utf8').toString('hex')].map(hexCI)))
  }
  const any = [...alts].map((a) => `(?:${a})`).join('|')
  return new RegExp(any ? `(?:(?:${any})${PARTIAL}?|${PARTIAL})$` : `${PARTIAL}$`)
}

/** Moves a cut back to the start of a key-like token (and a `Bearer ` before it). */
function tokenBoundary(text: string, cut: number): number {
  if (cut === 0 || (cut < text.length && !isTokenChar(text[cut]))) return cut
  let start = cut
  while (start > 0 && cut - start < TOKEN_RUN_MAX && isTokenChar(text[start - 1])) start--
  if (cut - start >= TOKEN_RUN_MAX) return cut
  const scheme = /(?:Bearer|Basic|Token)\s+$/i.exec(text.slice(Math.max(0, start - 24), start))
  return scheme ? start - scheme[0].length : start
}

/**
 * Builds a scrubber for the given secrets (a credential's, see credentialSecrets). `held` are the
 * ones whose beginning is held at a piece's end (default: all): only a secret the server received
 * can come back split across pieces. The rest are still redacted wherever they appear whole in
 * what is emitted — and cost far less: the held-prefix pattern of a service account's JSON and
 * private key takes seconds to compile, the whole-secret matcher a fraction of one.
 */
export function createStreamScrubber(
  secrets: readonly string[],
  held: readonly string[] = secrets,
): StreamScrubber {
  const { whole } = streamSecrets(secrets)
  const { prefixed } = streamSecrets(held)
  const full = secretMatcher(whole)
  const prefix = prefixMatcher(prefixed)
  const scrub = (text: string) => scrubPatterns(full ? text.replace(full, REDACTED) : text)
  let pending = ''

  /** Where the pending text may be cut: nothing before it can still grow into a secret. */
  function safeCut(): number {
    let cut = pending.length
    const m = prefix.exec(pending)
    if (m && m[0].length > 0) cut = m.index
    if (full) {
      full.lastIndex = 0
      for (let f = full.exec(pending); f; f = full.exec(pending)) {
        const end = f.index + f[0].length
        if (f.index < cut && cut < end) cut = f.index
        if (f[0].length === 0) full.lastIndex++
      }
    }
    return tokenBoundary(pending, cut)
  }

  return {
    push(text) {
      pending += text
      const cut = safeCut()
      const out = scrub(pending.slice(0, cut))
      pending = pending.slice(cut)
      return out
    },
    flush() {
      const out = scrub(pending)
      pending = ''
      return out
    },
  }
}
