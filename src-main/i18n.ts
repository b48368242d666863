/** Main-process translations (tray, notifications, dialogs) from the renderer's locale files. */
import i18next, { type TFunction } from 'i18next'
import { matchLocale, namespaces, resources } from '../src-shared/i18n/resources'

/** A translator for one locale; `ns:key` addressing as in the renderer. */
export function createMainTranslator(tag: string | undefined): TFunction {
  const instance = i18next.createInstance()
  void instance.init({
    lng: matchLocale(tag),
    fallbackLng: 'en-US',
    resources: resources as unknown as Record<string, Record<string, object>>,
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  })
  return instance.t
}
