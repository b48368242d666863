/**
 * The type-checked field readers detection and the Ollama library share: anything but the one
 * type they read, values that cannot become text among them, is nothing, never a throw.
 */
import { describe, expect, it } from 'vitest'
import { count, obj, str } from '../../../src-main/local/json-fields'
import { UNCONVERTIBLE } from '../../support/unconvertible'

const OTHERS: unknown[] = [null, undefined, true, 0, '', [], [1], 10n, ...UNCONVERTIBLE]

describe('json fields', () => {
  it('obj: a plain object, else null', () => {
    expect(obj({ a: 1 })).toEqual({ a: 1 })
    for (const v of [null, undefined, 'x', 1, [], [{}]]) expect(obj(v)).toBeNull()
  })

  it('str: a non-empty string, else nothing', () => {
    expect(str('llama3.2:3b')).toBe('llama3.2:3b')
    for (const v of OTHERS) expect(str(v)).toBeUndefined()
  })

  it('count: a finite, non-negative number, else nothing', () => {
    expect(count(0)).toBe(0)
    expect(count(4_661_224_676)).toBe(4_661_224_676)
    for (const v of [...OTHERS.filter((v) => v !== 0), -1, NaN, Infinity, '42']) {
      expect(count(v)).toBeUndefined()
    }
  })
})
