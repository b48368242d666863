/**
 * src-main/secrets/scrubber.ts: one set of secrets' scrubber says exactly what scrubUpstream says,
 * however many texts it cleans and whether or not it was prepared first.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scrubUpstream } from '../../../src-main/secrets/scrub'
import { createScrubber } from '../../../src-main/secrets/scrubber'
import { ENCODINGS, keyArb } from '../../fixtures/secret-encodings'

const textArb = fc.string({ unit: 'grapheme-ascii', maxLength: 40 })
const encodingArb = fc.constantFrom(...Object.keys(ENCODINGS))

describe('createScrubber', () => {
  it('cleans text after text exactly as scrubUpstream does, prepared or not', () => {
    fc.assert(
      fc.property(
        keyArb,
        encodingArb,
        textArb,
        fc.boolean(),
        fc.integer({ min: 20, max: 500 }),
        (key, enc, around, prepare, max) => {
          const scrubber = createScrubber([key])
          if (prepare) scrubber.prepare()
          const texts = [
            `${around} ${ENCODINGS[enc]!(key)} ${around}`,
            around,
            `Bearer abcdef123456 ${key}`,
          ]
          for (const text of texts)
            expect(scrubber.upstream(text, max)).toBe(scrubUpstream(text, [key], max))
        },
      ),
      { numRuns: 200 },
    )
  }, 60_000)

  it('redacts the key after prepare, also when prepared twice', () => {
    const scrubber = createScrubber(['sk-proj-abc_DEF-123456'])
    scrubber.prepare()
    scrubber.prepare()
    expect(scrubber.upstream('key sk-proj-abc_DEF-123456 refused')).toBe('key [redacted] refused')
    expect(scrubber.upstream('key c2stcHJvai1hYmNfREVGLTEyMzQ1Ng== refused')).toBe(
      'key [redacted] refused',
    )
  })

  it('with no secret worth searching for, still removes the generic shapes', () => {
    const scrubber = createScrubber(['ab'])
    scrubber.prepare()
    expect(scrubber.upstream('ab: Bearer abcdef123456', 200)).toBe('ab: Bearer [redacted]')
  })
})
