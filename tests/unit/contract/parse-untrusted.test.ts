/**
 * `parseUntrusted` never throws, whatever a way in carries (session 13): zod's own `safeParse`
 * throws a TypeError on values whose `toString` / `valueOf` are not functions.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channelNames, channels } from '../../../src-preload/contract'
import { parseUntrusted } from '../../../src-preload/contract/parse-untrusted'
import { UNCONVERTIBLE } from '../../support/unconvertible'

/** JSON-like values with an unconvertible value anywhere in them. */
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(...UNCONVERTIBLE),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
}))

describe('parseUntrusted', () => {
  it('turns the throw of safeParse into a failure', () => {
    const schema = z.object({ name: z.string().min(1) })
    for (const v of UNCONVERTIBLE) {
      expect(() => schema.safeParse({ name: v })).toThrow(TypeError)
      const r = parseUntrusted(schema, { name: v })
      expect(r.success).toBe(false)
      expect(r.error?.issues[0]).toMatchObject({ code: 'custom', path: [] })
    }
  })

  it('gives what safeParse gives when it does not throw', () => {
    const schema = z.object({ name: z.string().trim().min(1) })
    expect(parseUntrusted(schema, { name: ' a ' })).toEqual({ success: true, data: { name: 'a' } })
    expect(parseUntrusted(schema, { name: '' }).error?.issues[0]?.code).toBe('too_small')
  })

  it('never throws on any channel request, with the channel’s fields or without', () => {
    fc.assert(
      fc.property(fc.constantFrom(...channelNames), fc.boolean(), value, (channel, shaped, v) => {
        const shape = (channels[channel].request as { shape?: object }).shape ?? {}
        const fields = Object.keys(shape)
        const input = shaped ? Object.fromEntries(fields.map((f) => [f, v])) : v
        expect(() => parseUntrusted(channels[channel].request, input)).not.toThrow()
      }),
      { numRuns: 500 },
    )
  })
})
