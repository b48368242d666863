/**
 * src-main/services/versioned.ts: structural equality of reply-shaped data, and versions that
 * stay while the value stays the same and change with it.
 */
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCredentialView } from '../../../src-main/services/credential-view'
import { createVersions, sameData } from '../../../src-main/services/versioned'
import { blankCredential } from '../../../src-main/store/blank-credential'

const data = fc.jsonValue()

describe('sameData', () => {
  it('agrees with node:util isDeepStrictEqual on JSON values (fuzzed)', () => {
    // JSON round trip first: the oracle tells 0 from -0, a reply cannot carry -0 apart.
    const json = data.map((v) => JSON.parse(JSON.stringify(v)) as unknown)
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(sameData(a, structuredClone(a))).toBe(true)
        expect(sameData(a, b)).toBe(isDeepStrictEqual(a, b))
      }),
    )
  })

  it('tells a view from one with any single field changed, down into endpoints', () => {
    const view = () =>
      toCredentialView(
        blankCredential('azure', {
          id: 'az',
          name: 'Azure',
          endpoints: { language: 'https://lang.example' },
        }),
        3,
        'ok',
      )
    expect(sameData(view(), view())).toBe(true)
    for (const key of Object.keys(view()) as (keyof ReturnType<typeof view>)[]) {
      const other = { ...view(), [key]: key === 'endpoints' ? { language: 'https://x' } : 'x' }
      expect([key, sameData(view(), other)]).toEqual([key, false])
    }
    const wider = { language: 'https://lang.example', embedding: 'https://embed.example' }
    expect(sameData(view(), { ...view(), endpoints: wider })).toBe(false)
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false)
    expect(sameData({ a: null }, { a: undefined })).toBe(false)
  })
})

describe('createVersions', () => {
  it('keeps the version (and the first value) while the value is equal, and renews it on a change', () => {
    const versions = createVersions<{ n: number }[]>()
    const first = [{ n: 1 }]
    const a = versions(first)
    const b = versions([{ n: 1 }])
    expect(b).toEqual({ value: first, version: a.version })
    expect(b.value).toBe(first)
    const c = versions([{ n: 2 }])
    expect(c.version).not.toBe(a.version)
    expect(createVersions<number>()(1).version).not.toBe(createVersions<number>()(1).version)
  })
})
