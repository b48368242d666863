/**
 * The renderer's locale loader: each locale is its own chunk, fetched the first time it is
 * needed, so the initial bundle carries no strings of languages nobody reads (issue 17). The
 * map is typed by `Locale`, so a locale added to `locale-tags.ts` without a loader fails the
 * typecheck; the files are whole JSON documents, so every key anyone adds is loaded with them.
 */
import type { Locale } from '../../src-shared/i18n/locale-tags'

type Strings = Record<string, Record<string, unknown>>

// Literal import() paths: Vite turns each into its own chunk (the CSP forbids eval and remote
// code, and these are plain same-origin module scripts).
const loaders: Record<Locale, () => Promise<{ default: unknown }>> = {
  'en-US': () => import('../../src-shared/i18n/locales/en-US.json'),
  'it-IT': () => import('../../src-shared/i18n/locales/it-IT.json'),
  'ja-JP': () => import('../../src-shared/i18n/locales/ja-JP.json'),
  'pt-BR': () => import('../../src-shared/i18n/locales/pt-BR.json'),
  'ru-RU': () => import('../../src-shared/i18n/locales/ru-RU.json'),
  'zh-CN': () => import('../../src-shared/i18n/locales/zh-CN.json'),
  'zh-TW': () => import('../../src-shared/i18n/locales/zh-TW.json'),
}

const cache = new Map<Locale, Promise<Strings>>()

/** A locale's strings (namespace → keys); loaded once, then served from memory. */
export function loadLocale(locale: Locale): Promise<Strings> {
  let pending = cache.get(locale)
  if (!pending) {
    pending = loaders[locale]().then((m) => m.default as Strings)
    // A failed load (a chunk missing from a broken install) may be retried on the next change.
    pending.catch(() => cache.delete(locale))
    cache.set(locale, pending)
  }
  return pending
}
