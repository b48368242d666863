/**
 * The renderer loads one locale at a time (issue 17). Each loader must deliver that locale's
 * whole file, so any key added to a locale (by anyone, later) is there when the renderer asks,
 * and matchLocale must only ever name a locale the loader knows.
 */
import { describe, expect, it } from 'vitest'
import { loadLocale } from '../../../src-renderer/i18n/load-locale'
import { locales, matchLocale, resources } from '../../../src-shared/i18n/resources'

describe('loadLocale', () => {
  for (const locale of locales) {
    it(`${locale}: the lazy chunk holds exactly the locale's file`, async () => {
      expect(await loadLocale(locale)).toEqual(resources[locale])
    })
  }

  it('loads a locale once and serves it from memory afterwards', async () => {
    const a = loadLocale('ja-JP')
    expect(loadLocale('ja-JP')).toBe(a)
    expect(await a).toBe(await loadLocale('ja-JP'))
  })

  it('maps any tag to a locale that has a loader', async () => {
    for (const tag of ['pt', 'zh-Hant-HK', 'zh-Hans', 'fr-FR', '', 'RU_ru', 'x']) {
      expect(locales).toContain(matchLocale(tag))
      await expect(loadLocale(matchLocale(tag))).resolves.toBeTypeOf('object')
    }
  })
})
