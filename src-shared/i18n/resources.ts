/**
 * Every locale's strings, one JSON file per locale (DESIGN §10) with one top-level key per
 * namespace. en-US is the source; a test checks that every locale has every key and the same
 * placeholders. This module loads them all at once: for the main process (tray, notifications)
 * and the tests. The renderer loads one locale at a time through `load-locale.ts` instead.
 */
import enUS from './locales/en-US.json'
import itIT from './locales/it-IT.json'
import jaJP from './locales/ja-JP.json'
import ptBR from './locales/pt-BR.json'
import ruRU from './locales/ru-RU.json'
import zhCN from './locales/zh-CN.json'
import zhTW from './locales/zh-TW.json'
import type { Locale } from './locale-tags'

export { SOURCE_LOCALE, locales, matchLocale, type Locale } from './locale-tags'

export const resources = {
  'en-US': enUS,
  'it-IT': itIT,
  'ja-JP': jaJP,
  'pt-BR': ptBR,
  'ru-RU': ruRU,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
} as const satisfies Record<Locale, unknown>

export const namespaces = Object.keys(enUS) as (keyof typeof enUS)[]
