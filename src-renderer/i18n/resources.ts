/**
 * Every locale's strings, one JSON file per locale (DESIGN §10) with one top-level key per
 * namespace. en-US is the source; a test checks that every locale has every key and the same
 * placeholders. Shared by the renderer, the main process (tray, notifications) and the CLI.
 */
import enUS from './locales/en-US.json'
import itIT from './locales/it-IT.json'
import jaJP from './locales/ja-JP.json'
import ptBR from './locales/pt-BR.json'
import ruRU from './locales/ru-RU.json'
import zhCN from './locales/zh-CN.json'
import zhTW from './locales/zh-TW.json'

export const SOURCE_LOCALE = 'en-US'

export const resources = {
  'en-US': enUS,
  'it-IT': itIT,
  'ja-JP': jaJP,
  'pt-BR': ptBR,
  'ru-RU': ruRU,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
} as const

export type Locale = keyof typeof resources
export const locales = Object.keys(resources) as Locale[]
export const namespaces = Object.keys(enUS) as (keyof typeof enUS)[]

/** The supported locale closest to a BCP 47 tag (`pt` → `pt-BR`, `zh-Hant` → `zh-TW`), else en-US. */
export function matchLocale(tag: string | null | undefined): Locale {
  if (!tag) return SOURCE_LOCALE
  const norm = tag.replace('_', '-').toLowerCase()
  const exact = locales.find((l) => l.toLowerCase() === norm)
  if (exact) return exact
  if (/^zh-(hant|tw|hk|mo)/.test(norm)) return 'zh-TW'
  const lang = norm.split('-')[0]
  return (locales.find((l) => l.toLowerCase().startsWith(`${lang}-`)) ?? SOURCE_LOCALE) as Locale
}
