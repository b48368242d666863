/** i18next for the renderer: every user-visible string goes through t(). */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { matchLocale, namespaces, resources } from './resources'

/** Starts i18next synchronously with the bundled resources. */
export function initI18n(preferred?: string | null) {
  void i18next.use(initReactI18next).init({
    lng: matchLocale(preferred ?? navigator.language),
    fallbackLng: 'en-US',
    resources: resources as unknown as Record<string, Record<string, object>>,
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  })
  document.documentElement.lang = i18next.language
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng))
  return i18next
}
