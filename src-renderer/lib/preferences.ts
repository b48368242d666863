/**
 * Preferences live in main (issue 15); the renderer reads them at start-up, keeps its stores in
 * step with `settings:preferencesChanged`, and imports the values older versions kept in its
 * localStorage (language, theme) once, then removes them.
 */
// Types only: a value import of the contract would build its zod schemas in the entry chunk,
// before zod-config.ts turns the JIT off (a CSP eval violation). Main validates the patch anyway.
import type { Preferences, PreferencesPatch } from '../../src-preload/contract'
import { locales } from '../../src-shared/i18n/locale-tags'
import { api } from './api'

export const LEGACY_LANGUAGE_KEY = 'switchboard.language'
export const LEGACY_THEME_KEY = 'switchboard.theme'

/** Reads the preferences, importing the old localStorage values the first time. */
export async function loadPreferences(
  storage: Storage = window.localStorage,
): Promise<Preferences | null> {
  const got = await api().settings.getPreferences({})
  if (!got.ok) return null
  if (got.data.importedRendererPrefs) return got.data
  const patch: PreferencesPatch = { importedRendererPrefs: true }
  const language = storage.getItem(LEGACY_LANGUAGE_KEY)
  if (language && (locales as readonly string[]).includes(language)) {
    patch.language = language as Preferences['language']
  }
  const theme = storage.getItem(LEGACY_THEME_KEY)
  if (theme === 'light' || theme === 'dark') patch.theme = theme
  const saved = await api().settings.setPreferences(patch)
  if (!saved.ok) return got.data
  storage.removeItem(LEGACY_LANGUAGE_KEY)
  storage.removeItem(LEGACY_THEME_KEY)
  return saved.data
}

/** Writes a change; the stores follow through `settings:preferencesChanged`. */
export async function savePreferences(patch: PreferencesPatch): Promise<Preferences | null> {
  const r = await api().settings.setPreferences(patch)
  return r.ok ? r.data : null
}
