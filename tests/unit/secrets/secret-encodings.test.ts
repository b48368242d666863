/**
 * The encodings a secret is searched for (src-main/secrets/secret-encodings.ts): its base64 forms
 * are found inside any longer base64 blob whatever bytes come before it (Basic auth `user:key`),
 * and the per-character sources match the escaped forms a server echoes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64Forms, hexCI, PatternBuilder } from '../../../src-main/secrets/secret-encodings'

describe('base64Forms', () => {
  it('finds the key inside a base64 blob at every byte alignment, plain and url-safe', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }),
        fc.uint8Array({ maxLength: 5 }),
        fc.uint8Array({ maxLength: 5 }),
        (key, before, after) => {
          const blob = Buffer.concat([before, Buffer.from(key, 'utf8'), after])
          const forms = base64Forms(key)
          expect(forms.some((f) => blob.toString('base64').includes(f))).toBe(true)
          expect(forms.some((f) => blob.toString('base64url').includes(f))).toBe(true)
        },
      ),
    )
  })
})

describe('PatternBuilder and hexCI', () => {
  it('matches a key escaped for JSON, HTML and URLs, and its hex in either case', () => {
    const key = 'sk-a/b"c&d e'
    const re = new RegExp(`^(?:${new PatternBuilder().encoded(key)})$`)
    for (const echoed of [
      key,
      JSON.stringify(key).slice(1, -1),
      'sk-a\\/b\\"c&amp;d e',
      'sk-a&#x2F;b&quot;c&#38;d e',
      encodeURIComponent(key),
      'sk-a%2fb%22c%26d+e',
    ]) {
      expect(re.test(echoed), echoed).toBe(true)
    }
    expect(re.test('sk-a/b"c&d_e')).toBe(false)
    const hex = Buffer.from(key).toString('hex')
    const hexRe = new RegExp(`^${hexCI(hex)}$`)
    expect(hexRe.test(hex.toUpperCase()) && hexRe.test(hex)).toBe(true)
  })
})
