/**
 * How a secret looks in each encoding a server could echo it in, as regex sources (secrets/
 * scrub.ts builds its one matcher from these; secrets/stream-scrub.ts its streaming one): per
 * character JSON, HTML, URL and form escapes, and the base64 / base64url / hex forms at every
 * byte alignment. Kept apart from the scrubber so the scrubbing rules read on one page.
 */

/** A hex string matched in either case. */
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
