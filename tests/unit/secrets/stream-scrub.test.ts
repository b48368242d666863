/**
 * The streamed-text scrubber (issue 16): for any key, in any encoding the one scrubber knows,
 * inside any text, cut into pieces at any places, what it emits never shows the key; ordinary
 * text is passed on as it comes (only a short tail is held).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { secretMatcher } from '../../../src-main/secrets/scrub'
import { createStreamScrubber } from '../../../src-main/secrets/stream-scrub'
import { ENCODINGS, keyArb } from '../../fixtures/secret-encodings'

const textArb = fc.string({ unit: 'grapheme-ascii', maxLength: 30 })
const encodingArb = fc.constantFrom(...Object.keys(ENCODINGS))

/** `text` cut at the given fractions (sorted, deduplicated). */
function cutAt(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b)
  const out: string[] = []
  let prev = 0
  for (const c of at) {
    out.push(text.slice(prev, c))
    prev = c
  }
  out.push(text.slice(prev))
  return out
}

/** Everything the scrubber emits for the pieces, in order, plus its flush. */
function streamed(secrets: string[], pieces: string[]): string {
  const s = createStreamScrubber(secrets)
  return pieces.map((p) => s.push(p)).join('') + s.flush()
}

describe('createStreamScrubber', () => {
  it('never emits a key split across pieces, in any encoding', () => {
    fc.assert(
      fc.property(
        keyArb,
        encodingArb,
        textArb,
        textArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        (key, enc, before, after, cuts) => {
          const encoded = ENCODINGS[enc]!(key)
          const out = streamed([key], cutAt(`${before} ${encoded} ${after}`, cuts))
          expect(out.includes(key), `${enc}: ${JSON.stringify(out)}`).toBe(false)
          expect(out.includes(encoded.trim()), `${enc}: ${JSON.stringify(out)}`).toBe(false)
          const re = secretMatcher([key])!
          expect(re.test(out), `${enc}: ${JSON.stringify(out)}`).toBe(false)
        },
      ),
      { numRuns: 300 },
    )
  }, 60_000)

  it('splits one character at a time too (every boundary at once)', () => {
    fc.assert(
      fc.property(keyArb, encodingArb, (key, enc) => {
        const text = `Your key is ${ENCODINGS[enc]!(key)}, keep it safe.`
        const out = streamed([key], [...text])
        expect(secretMatcher([key])!.test(out), `${enc}: ${JSON.stringify(out)}`).toBe(false)
      }),
      { numRuns: 200 },
    )
  }, 60_000)

  it('finds a long secret (a service account) by its chunks', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(20)}\\n-----END PRIVATE KEY-----\\n`
    const json = JSON.stringify({
      type: 'service_account',
      private_key: pem,
      client_email: 'a@b.c',
    })
    const out = streamed([json], cutAt(`before ${json} after`, [0.1, 0.33, 0.5, 0.77]))
    expect(out).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(2))
    expect(out).toContain('before')
    expect(out).toContain('after')
  })

  it('redacts a secret that is not held wherever it appears whole in what is emitted', () => {
    const key = 'sk-test-0123456789abcdef'
    const sa = '{"private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\n"}'
    const s = createStreamScrubber([key, sa], [key])
    expect(s.push(`one ${sa} two `)).toBe('one [redacted] two ')
    // A held key is still held while it may grow; the other secret's prefix is not.
    expect(s.push('sk-test-01')).toBe('')
    expect(s.push('23456789abcdef {"private_key"')).toBe('[redacted] {"private_key"')
    expect(s.flush()).toBe('')
  })

  it('passes ordinary text on as it comes, holding at most the last word', () => {
    const s = createStreamScrubber(['sk-test-0123456789abcdef'])
    expect(s.push('Hello there, ')).toBe('Hello there, ')
    expect(s.push('I am working')).toBe('I am ')
    expect(s.push('. 日本語')).toBe('working. 日本語')
    expect(s.flush()).toBe('')
  })

  it('holds a tail that could still become the key, then redacts it', () => {
    const key = 'sk-test-0123456789abcdef'
    const s = createStreamScrubber([key])
    expect(s.push('The key: sk-test-01')).toBe('The key: ')
    expect(s.push('23456789abcdef!')).toBe('[redacted]!')
    expect(s.flush()).toBe('')
  })

  it('scrubs generic key shapes and Bearer tokens it does not know', () => {
    const out = streamed(
      [],
      ['Use Bear', 'er abcdefgh', 'ijklmnop and sk-proj-', 'ABCDEFGHIJKLMNOP now'],
    )
    expect(out).not.toContain('abcdefghijklmnop')
    expect(out).not.toContain('ABCDEFGHIJKLMNOP')
    expect(out).toContain('now')
  })

  it('works with no secrets at all', () => {
    expect(streamed([], ['plain ', 'text'])).toBe('plain text')
  })
})
