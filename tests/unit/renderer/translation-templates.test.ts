import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../../../src-shared/i18n/resources'
import { locales } from '../../../src-shared/i18n/locale-tags'
import { pluralTemplate, template } from '../../../src-renderer/lib/translation-templates'

async function translator(lng: string) {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng,
    fallbackLng: 'en-US',
    resources: resources as never,
    ns: ['models'],
    defaultNS: 'models',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  })
  return i18n
}

// Counts that reach every plural form of the seven locales (one, few, many, other; 0 alone).
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 111, 1_000_000, 10_000, 7]

describe('translation templates say what t() says', () => {
  it.each(locales)('%s: the discovery list counts and row labels', async (lng) => {
    const i18n = await translator(lng)
    const selectAll = pluralTemplate(i18n.t, 'discovery.selectAll', lng)
    for (const count of COUNTS) {
      expect(selectAll(count)).toBe(i18n.t('discovery.selectAll', { count }))
    }
    const showing = template(i18n.t, 'discovery.showing', ['shown', 'total'])
    expect(showing({ shown: '3', total: '10000' })).toBe(
      i18n.t('discovery.showing', { shown: '3', total: '10000' }),
    )
    const typeOf = template(i18n.t, 'discovery.typeOf', ['name'])
    expect(typeOf({ name: 'gpt-4o' })).toBe(i18n.t('discovery.typeOf', { name: 'gpt-4o' }))
    // A value that looks like a placeholder or a replacement pattern stays text.
    for (const name of ['{{name}}', '$& $1', '']) {
      expect(typeOf({ name })).toBe(i18n.t('discovery.typeOf', { name }))
    }
  })
})
