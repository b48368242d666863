/**
 * Every locale has every key of en-US, no extra ones, and the same {{placeholders}} in each
 * string (DESIGN §10). Plural forms may differ by language (i18next suffixes), so a key's
 * plural family is compared by its base name.
 */
import { describe, expect, it } from 'vitest'
import { locales, resources } from '../../src-shared/i18n/resources'

const REQUIRED = ['en-US', 'it-IT', 'ja-JP', 'pt-BR', 'ru-RU', 'zh-CN', 'zh-TW']
const PLURAL = /_(zero|one|two|few|many|other)$/

function flatten(obj: unknown, prefix = '', out: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === 'object') flatten(v, key, out)
    else out[key] = String(v)
  }
  return out
}
const placeholders = (s: string) =>
  [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort()

describe('locales', () => {
  const source = flatten(resources['en-US'])
  const baseKeys = (flat: Record<string, string>) =>
    new Set(Object.keys(flat).map((k) => k.replace(PLURAL, '')))

  it('ships every required locale', () => {
    expect([...locales].sort()).toEqual([...REQUIRED].sort())
  })

  for (const lng of REQUIRED.filter((l) => l !== 'en-US')) {
    it(`${lng} has every key, no stray key, and the same placeholders`, () => {
      const flat = flatten((resources as Record<string, unknown>)[lng] ?? {})
      expect([...baseKeys(flat)].sort()).toEqual([...baseKeys(source)].sort())
      for (const [key, text] of Object.entries(flat)) {
        const base = key.replace(PLURAL, '')
        const en = source[key] ?? source[`${base}_other`] ?? source[base]
        expect(en, `${lng}:${key} has no source`).toBeDefined()
        const want = placeholders(en!).filter((p) => p !== 'count')
        expect(
          placeholders(text).filter((p) => p !== 'count'),
          `${lng}:${key}`,
        ).toEqual(want)
        expect(text.trim().length > 0 || en!.trim() === '', `${lng}:${key} is empty`).toBe(true)
      }
      for (const key of Object.keys(source).filter((k) => k.endsWith('_other'))) {
        const base = key.replace(PLURAL, '')
        expect(
          Object.keys(flat).some((k) => k.startsWith(`${base}_`)),
          `${lng}:${base} plural forms`,
        ).toBe(true)
      }
    })
  }

  it('has no empty en-US string except hints deliberately left blank', () => {
    for (const [key, text] of Object.entries(source)) {
      if (!text.trim()) expect(key, key).toMatch(/hint$/i)
    }
  })
})
