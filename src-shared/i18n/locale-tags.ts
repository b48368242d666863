/**
 * The supported locales by tag, without their strings: what the renderer needs up front (the
 * language menu, matching the system language) while the strings themselves load on demand.
 */
export const SOURCE_LOCALE = 'en-US'

const TAGS = ['en-US', 'it-IT', 'ja-JP', 'pt-BR', 'ru-RU', 'zh-CN', 'zh-TW'] as const

export type Locale = (typeof TAGS)[number]
export const locales: Locale[] = [...TAGS]

/** The supported locale closest to a BCP 47 tag (`pt` → `pt-BR`, `zh-Hant` → `zh-TW`), else en-US. */
export function matchLocale(tag: string | null | undefined): Locale {
  if (!tag) return SOURCE_LOCALE
  const norm = tag.replace('_', '-').toLowerCase()
  const exact = locales.find((l) => l.toLowerCase() === norm)
  if (exact) return exact
  if (/^zh-(hant|tw|hk|mo)/.test(norm)) return 'zh-TW'
  const lang = norm.split('-')[0]
  return locales.find((l) => l.toLowerCase().startsWith(`${lang}-`)) ?? SOURCE_LOCALE
}
