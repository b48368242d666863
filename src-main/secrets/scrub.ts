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

export const REDACTED = '[redacted]'

/** How much of a very large body is scrubbed; only the first 200 characters are ever shown. */
export const SCAN_LIMIT = 64 * 1024

/** Secrets shorter than this are not searched for (they would redact ordinary words). */
export const MIN_SECRET = 4

export const hexCI = (hex: string) =>
  hex.replace(/[a-f]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)
/** Letters either case (HTML entity names, hex digits). */
const anyCase = (s: string) => s.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)
const hex2 = (n: number) => n.toString(16).padStart(2, '0')
const hex4 = (n: number) => n.toString(16).padStart(4, '0')
/** A literal code unit in a regex, immune to metacharacters. */
const unit = (n: number) => `\\u${hex4(n)}`
const lit = (ch: string) => [...Array(ch.length).keys()].map((i) => unit(ch.charCodeAt(i))).join('')

/** HTML named references a server's escaper may use for a character. */
const HTML_NAMES: Record<string, string[]> = {
  '&': ['amp'],
  '<': ['lt'],
  '>': ['gt'],
  '"': ['quot'],
  "'": ['apos'],
  '/': ['sol'],
  '=': ['equals'],
  '+': ['plus'],
  ':': ['colon'],
  '#': ['num'],
  '%': ['percnt'],
  '?': ['quest'],
  '!': ['excl'],
  $: ['dollar'],
  ' ': ['nbsp'],
  '\u00a0': ['nbsp'],
  '\t': ['tab'],
  '\n': ['newline'],
}

/** Characters JSON (and JS / Python string) escapers write as a backslash and a letter. */
const SHORT_ESCAPE: Record<string, string> = {
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\v': 'v',
}

/**
 * Builds regex sources. Runs of backslashes and of `25` (double percent-encoding) are matched
 * atomically (a lookahead capture plus a back-reference, JavaScript's atomic group), so a hostile
 * body of thousands of backslashes cannot make the match backtrack exponentially.
 */
export class PatternBuilder {
  private n = 0
  atomic(source: string): string {
    const name = `a${this.n++}`
    return `(?=(?<${name}>${source}))\\k<${name}>`
  }

  /** What may follow a run of escaping backslashes for `ch`: itself, `uXXXX`, `n`/`t`/… */
  afterBackslash(ch: string, withRaw = true): string[] {
    const units = [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i))
    return [
      ...(withRaw ? [lit(ch)] : []),
      units.map((u, i) => `${i ? this.atomic('\\\\+') : ''}u${hexCI(hex4(u))}`).join(''),
      ...(SHORT_ESCAPE[ch] ? [unit(SHORT_ESCAPE[ch].charCodeAt(0))] : []),
    ]
  }

  /** URL / form and HTML forms of one character (none starts with a backslash). */
  private codes(ch: string): string[] {
    const cp = ch.codePointAt(0)!
    const amp = '&(?:amp;)*'
    return [
      // URL and form encoding: %HH per UTF-8 byte, either case, possibly double-encoded.
      [...Buffer.from(ch, 'utf8')]
        .map((b) =>
          // `%` itself is `%25`, `%2525` …: the run of `25`s is the byte; others follow the run.
          b === 0x25 ? `%${this.atomic('(?:25)+')}` : `%${this.atomic('(?:25)*')}${hexCI(hex2(b))}`,
        )
        .join(''),
      // HTML: decimal and hex references (leading zeros, optional `;`) and the usual names.
      `${amp}#0*${cp};?`,
      `${amp}#[xX]0*${hexCI(cp.toString(16))};?`,
      ...(HTML_NAMES[ch] ?? []).map((name) => `${amp}${anyCase(name)};`),
    ]
  }

  /** Every encoded form of a character except its raw self. */
  private escapes(ch: string): string[] {
    // JSON / JS / Python escapes: \uXXXX per UTF-16 unit, \" \/ \' \n …, escaped again (\\\/).
    const json = `${this.atomic('\\\\+')}(?:${this.afterBackslash(ch).join('|')})`
    return [json, ...this.codes(ch)]
  }

  /** One character of a secret (not whitespace, not a backslash). */
  char(ch: string): string {
    if (/^[A-Za-z0-9]$/.test(ch)) return ch // never escaped by the encoders servers use
    return `(?:${[lit(ch), ...this.escapes(ch)].join('|')})`
  }

  /** A run of whitespace in a secret: any run of whitespace in any encoding. */
  whitespace(run: Set<string>): string {
    const alts = new Set<string>(['\\s', '\\+'])
    for (const ch of new Set([' ', ...run])) for (const a of this.escapes(ch)) alts.add(a)
    return `(?:${[...alts].join('|')})+`
  }

  /**
   * A run of backslashes in a secret and what follows it. The text's run of backslashes also
   * holds the escape of the next character (`\\\"`, `\\\u00a0`), so the pair is matched as one:
   * every backslash taken at once, then the next character in a form that follows a backslash.
   * Splitting the run between two groups instead would backtrack quadratically on a long run.
   */
  backslashes(next: string | null, nextGroup: () => string, nextIsSpace: boolean): string {
    const codes = `(?:${this.codes('\\').join('|')})+`
    const escaped = `(?:${this.atomic('\\\\+')}u005[cC])+`
    if (next === null) return `(?:${this.atomic('\\\\+')}|${codes}|${escaped})`
    // The character after a literal backslash may also be in its URL / HTML form (an HTML
    // escaper turns `\&` into `\&amp;`): those forms never start with a backslash, so adding
    // them keeps the run atomic.
    const after = nextIsSpace
      ? `(?:\\s|${[...this.afterBackslash(next, false), ...this.codes(next)].join('|')})(?:${nextGroup()})?`
      : `(?:${[...this.afterBackslash(next), ...this.codes(next)].join('|')})`
    return `(?:${this.atomic('\\\\+')}${after}|(?:${codes}|${escaped})${nextGroup()})`
  }

  /** `text` in any mix of the per-character encodings. */
  encoded(text: string): string {
    return this.parts(text).join('')
  }

  /**
   * The pattern of `text` as one source per character (a run of whitespace or backslashes is one
   * part), in order: joined they match the text; nested as optional groups they match any of its
   * prefixes (secrets/stream-scrub.ts).
   */
  parts(text: string): string[] {
    const parts: string[] = []
    const chars = [...text]
    const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c)
    const spaceRun = (): [string, Set<string>] => {
      const run = new Set<string>()
      const first = chars[i]!
      while (isSpace(chars[i])) run.add(chars[i++]!)
      return [first, run]
    }
    let i = 0
    while (i < chars.length) {
      if (chars[i] === '\\') {
        // A match may only start where the text's run of backslashes starts (linear scan).
        const guard = i === 0 ? '(?<!\\\\)' : ''
        while (chars[i] === '\\') i++
        if (i >= chars.length) {
          parts.push(guard + this.backslashes(null, () => '', false))
        } else if (isSpace(chars[i])) {
          const [first, run] = spaceRun()
          parts.push(guard + this.backslashes(first, () => this.whitespace(run), true))
        } else {
          const c = chars[i++]!
          parts.push(guard + this.backslashes(c, () => this.char(c), false))
        }
      } else if (isSpace(chars[i])) {
        parts.push(this.whitespace(spaceRun()[1]))
      } else {
        parts.push(this.char(chars[i++]!))
      }
    }
    return parts
  }
}

/**
 * The base64 text of `secret` that does not depend on what surrounds it, for each of the three
 * byte alignments a key can have inside a longer base64 blob (padding and the partial characters
 * at either end dropped), plus the whole padded encoding.
 */
export function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const out = new Set<string>([bytes.toString('base64')])
  for (const k of [0, 1, 2]) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes])
      .toString('base64')
      .replace(/=+$/, '')
    const skip = [0, 2, 3][k]!
    const n = k + bytes.length
    const core = b64.slice(skip, n % 3 === 0 ? b64.length : b64.length - 1)
    if (core.length >= 6) out.add(core)
  }
  for (const f of [...out]) out.add(f.replace(/\+/g, '-').replace(/\//g, '_'))
  return [...out]
}

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
