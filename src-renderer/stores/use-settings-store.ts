/** Settings the renderer owns: the interface language (a non-secret preference kept locally). */
import { create } from 'zustand'
import { changeLanguage } from '../i18n'
import { locales, matchLocale, type Locale } from '../i18n/locale-tags'

const KEY = 'switchboard.language'

interface SettingsState {
  /** null = follow the system language. */
  language: Locale | null
  setLanguage: (language: Locale | null) => void
}

export const useSettingsStore = create<SettingsState>((set) => ({
  language: (() => {
    const saved = window.localStorage.getItem(KEY)
    return saved && (locales as string[]).includes(saved) ? (saved as Locale) : null
  })(),
  setLanguage: (language) => {
    if (language) window.localStorage.setItem(KEY, language)
    else window.localStorage.removeItem(KEY)
    void changeLanguage(language ?? matchLocale(navigator.language))
    set({ language })
  },
}))
