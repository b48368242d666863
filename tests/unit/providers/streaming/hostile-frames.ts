/**
 * The property every stream frame reader keeps (issue 16): any JSON object a provider sends is
 * read without a throw into a FrameRead whose counts are finite and non-negative and whose error
 * is a coded AppError; anything that is not a JSON object is `invalid_body`, never a crash.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import { AppError } from '../../../../src-main/errors'
import { UNCONVERTIBLE } from '../../../support/unconvertible'

/** The parts of a frame reader's answer checked here. */
interface Read {
  text?: string
  usage?: { input?: number | null; output?: number | null }
  error?: AppError
}

/** Checks `read` over hostile frame texts; `near` gives objects close to the real shape. */
export function expectReadsAnything(
  read: (text: string) => Read,
  near: fc.Arbitrary<Record<string, unknown>>,
): void {
  // Values that cannot become text or a number (tests/support/unconvertible.ts) anywhere a
  // field is read: a frame reader must check a type before it compares or prints a value.
  const unconvertible = fc.constantFrom(...UNCONVERTIBLE)
  const object = fc.oneof(
    near,
    fc.dictionary(fc.string(), fc.jsonValue()),
    fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), unconvertible)),
    near.chain((o) =>
      fc
        .subarray(Object.keys(o), { minLength: Math.min(1, Object.keys(o).length) })
        .chain((keys) =>
          fc
            .tuple(...keys.map(() => unconvertible))
            .map((vs) => ({ ...o, ...Object.fromEntries(keys.map((k, i) => [k, vs[i]])) })),
        ),
    ),
  )
  fc.assert(
    fc.property(object, (o) => {
      const r = read(JSON.stringify(o))
      for (const v of [r.usage?.input, r.usage?.output]) {
        if (v !== undefined && v !== null) {
          expect(Number.isFinite(v) && v >= 0).toBe(true)
        }
      }
      if (r.text !== undefined) expect(typeof r.text).toBe('string')
      if (r.error) expect(r.error).toMatchObject({ code: 'server_error' })
    }),
    { numRuns: 300 },
  )
  const notObject = fc.oneof(
    fc.string().filter((s) => !isObjectJson(s)),
    fc
      .jsonValue()
      .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
      .map((v) => JSON.stringify(v)),
  )
  fc.assert(
    fc.property(notObject, (text) => {
      let thrown: unknown
      try {
        read(text)
      } catch (err) {
        thrown = err
      }
      expect(thrown).toBeInstanceOf(AppError)
      expect(thrown).toMatchObject({ code: 'server_error', params: { reason: 'invalid_body' } })
    }),
    { numRuns: 200 },
  )
}

function isObjectJson(s: string): boolean {
  try {
    const v = JSON.parse(s) as unknown
    return typeof v === 'object' && v !== null && !Array.isArray(v)
  } catch {
    return false
  }
}
