/**
 * The preferences the renderer shows (language and the rest), cached from main (issue 15): main
 * keeps them in electron-store, so the tray and native dialogs follow the same choice.
 */
import i18next from 'i18next'
import { create } from 'zustand'
import type { Preferences, PreferencesPatch } from '../../src-preload/contract'
import { changeLanguage } from '../i18n'
import { matchLocale, type Locale } from '../../src-shared/i18n/locale-tags'
import { savePreferences } from '../lib/preferences'

interface SettingsState {
  /** null = follow the system language. */
  language: Locale | null
  /** Main's preferences as last seen (null until read). */
  preferences: Preferences | null
  setLanguage: (language: Locale | null) => void
  /** Writes a change to main; the store follows main's answer. */
  update: (patch: PreferencesPatch) => Promise<void>
  /** Takes main's preferences (start-up, or `settings:preferencesChanged`). */
  receive: (prefs: Preferences) => void
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  language: null,
  preferences: null,
  setLanguage: (language) => {
    void changeLanguage(language ?? matchLocale(navigator.language))
    const prefs = get().preferences
    set({ language, preferences: prefs ? { ...prefs, language } : null })
    void get().update({ language })
  },
  update: async (patch) => {
    // Show the change at once (a checkbox must not wait for the round trip), then take main's
    // answer; a refused change goes back to what main had.
    const before = get().preferences
    if (before) {
      set({
        preferences: {
          ...before,
          ...(patch as Partial<Preferences>),
          updates: { ...before.updates, ...patch.updates },
        },
      })
    }
    const next = await savePreferences(patch)
    if (next) get().receive(next)
    else if (before) set({ preferences: before })
  },
  receive: (prefs) => {
    const language = (prefs.language ?? null) as Locale | null
    const wanted = language ?? matchLocale(navigator.language)
    if (i18next.language !== wanted) void changeLanguage(wanted)
    set({ language, preferences: prefs })
  },
}))
