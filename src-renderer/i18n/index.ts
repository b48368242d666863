/** i18next for the renderer: every user-visible string goes through t(). */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { loadLocale } from './load-locale'
import { matchLocale, SOURCE_LOCALE, type Locale } from '../../src-shared/i18n/locale-tags'

/** Adds a locale's strings to i18next unless they are already there. */
async function addLocale(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'common')) return
  const strings = await loadLocale(locale)
  for (const [ns, bundle] of Object.entries(strings)) {
    i18next.addResourceBundle(locale, ns, bundle, true, true)
  }
}

/**
 * Starts i18next with the active locale's strings only (loaded first, so the first paint is in
 * the reader's language); resolves when t() is ready. en-US, the fallback for a key a locale
 * lacks, follows in the background when it is not the active one.
 */
export async function initI18n(preferred?: string | null) {
  let lng = matchLocale(preferred ?? navigator.language)
  let strings: Record<string, object>
  try {
    strings = await loadLocale(lng)
  } catch {
    lng = SOURCE_LOCALE
    strings = await loadLocale(lng)
  }
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: SOURCE_LOCALE,
    resources: { [lng]: strings },
    partialBundledLanguages: true,
    ns: Object.keys(strings),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  })
  document.documentElement.lang = i18next.language
  i18next.on('languageChanged', (l) => (document.documentElement.lang = l))
  if (lng !== SOURCE_LOCALE) void addLocale(SOURCE_LOCALE).catch(() => undefined)
  return i18next
}

/** Switches the interface language once its strings have loaded (no flash of keys). */
export async function changeLanguage(locale: Locale): Promise<void> {
  await addLocale(locale)
  await i18next.changeLanguage(locale)
}
