/**
 * The one scrubber (issue 11 "Secrets"): every encoding of every secret a server could echo is
 * redacted before anything collapses or truncates the text. Property-tested over random keys
 * (regex metacharacters, unicode, runs of spaces) in random encodings inside random text and JSON.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  credentialSecrets,
  scrubAll,
  scrubUpstream,
  secretMatcher,
} from '../../../src-main/secrets/scrub'
import { upstreamText } from '../../../src-main/providers/adapters/upstream-text'
import { ENCODINGS, keyArb } from '../../fixtures/secret-encodings'

const textArb = fc.string({ unit: 'grapheme-ascii', maxLength: 40 })
const encodingArb = fc.constantFrom(...Object.keys(ENCODINGS))

/** What would show the key: the key itself, collapsed, or the encoded form that was embedded. */
function leaks(out: string, key: string, encoded: string): boolean {
  return out.includes(key) || out.includes(key.replace(/\s+/g, ' ')) || out.includes(encoded.trim())
}

describe('scrubUpstream', () => {
  it('redacts a key in any encoding inside random text', () => {
    fc.assert(
      fc.property(keyArb, encodingArb, textArb, textArb, (key, enc, before, after) => {
        const encoded = ENCODINGS[enc]!(key)
        const out = scrubUpstream(`${before} ${encoded} ${after}`, [key], 100_000)
        expect(leaks(out, key, encoded), `${enc}: ${JSON.stringify(out)}`).toBe(false)
      }),
      { numRuns: 500 },
    )
  }, 60_000)

  it('redacts a key echoed inside a JSON error body, raw or after parsing', () => {
    fc.assert(
      fc.property(keyArb, encodingArb, textArb, (key, enc, before) => {
        const encoded = ENCODINGS[enc]!(key)
        const body = JSON.stringify({
          error: { message: `${before}Incorrect API key provided: ${encoded}.`, type: 'x' },
        })
        // As a provider sends it (parsed for its message), and as a proxy mangled it (not JSON).
        for (const text of [body, body.replace(/\//g, '\\/'), `<pre>${body}</pre>`]) {
          const out = upstreamText(text, [key])
          expect(leaks(out, key, encoded), `${enc}: ${JSON.stringify(out)}`).toBe(false)
          expect(out.length).toBeLessThanOrEqual(200)
        }
      }),
      { numRuns: 300 },
    )
  }, 60_000)

  it('scrubs before truncating: a key across the 200th character is not half shown', () => {
    const key = 'sb-live-0123456789abcdefghijklmnopqrstuvwxyz'
    const text = `${'x'.repeat(180)} ${key} tail`
    const out = scrubUpstream(text, [key])
    expect(out).not.toContain('sb-live-0123')
    expect(out.length).toBeLessThanOrEqual(200)
  })

  // fast-check found these: a backslash in a key followed by a character an HTML escaper rewrites.
  it('finds a key whose backslash is followed by an HTML-escaped character', () => {
    for (const [key, echoed] of [
      ['.\\& .! a', '.\\&amp; .! a'],
      ['\\"aa aaa', '\\&quot;aa aaa'],
      ['\\"aa aaa', '\\\\&quot;aa aaa'], // the same inside a JSON string
      ['x\\ yyyy', 'x\\&nbsp;yyyy'],
    ] as const) {
      expect(scrubUpstream(`bad key ${echoed} end`, [key]), echoed).toBe('bad key [redacted] end')
    }
  })

  it('scrubs before collapsing: a key with double spaces is found', () => {
    const key = 'my  key  with   spaces-0000'
    expect(scrubUpstream(`bad key "${key}"`, [key])).toBe('bad key "[redacted]"')
  })

  it('also removes the generic shapes of unknown secrets', () => {
    const out = scrubAll(
      'Authorization: Bearer abcdef123456 url https://h/x?key=AIzaSyA0123456789012345678901&a=1 sk-proj-abcdefghijk',
      [],
    )
    expect(out).not.toMatch(/abcdef123456|AIzaSy|abcdefghijk/)
  })

  it('stays linear on hostile bodies (runs of backslashes, percents, spaces)', () => {
    const key = 'a\\b%c d\\e%f g\\h%i j\\k%l m\\n'
    const hostile = ['\\'.repeat(60_000), `%${'25'.repeat(30_000)}`, ' '.repeat(60_000)]
    for (const k of [key, `\\${key}`, ` \\%${key}`])
      for (const body of hostile) expect(scrubUpstream(body, [k]).length).toBeLessThanOrEqual(200)
  })

  it('leaves text without secrets alone and ignores secrets too short to search for', () => {
    expect(scrubUpstream('model gpt-4o not found', ['abc'])).toBe('model gpt-4o not found')
    expect(secretMatcher(['', 'ab'])).toBeNull()
  })

  it('searches for the private key inside a service-account JSON on its own', () => {
    const sa = JSON.stringify({
      type: 'service_account',
      private_key:
        '-----BEGIN PRIVATE KEY-----\nMIIEfake+key/material==\n-----END PRIVATE KEY-----\n',
      private_key_id: 'abcdef0123456789',
    })
    const secrets = credentialSecrets({ apiKey: null, serviceAccountJson: sa })
    expect(secrets).toHaveLength(3)
    expect(scrubUpstream('id abcdef0123456789 used', secrets)).toBe('id [redacted] used')
  })
})
