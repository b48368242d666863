/**
 * App-only preferences (DESIGN §3): kept in main (electron-store), per user, never shared with the
 * CLI. The renderer reads and writes them through `settings:getPreferences` /
 * `settings:setPreferences`; main applies them (tray language, login item, updater channel).
 * No secret lives here.
 */
import { z } from 'zod'
import { themePreferences } from './theme-names'

/** The interface languages (the renderer's locale files; a unit test keeps the two lists equal). */
export const PREFERENCE_LOCALES = [
  'en-US',
  'it-IT',
  'ja-JP',
  'pt-BR',
  'ru-RU',
  'zh-CN',
  'zh-TW',
] as const

export const ThemePreference = z.enum(themePreferences)
export type ThemePreference = z.infer<typeof ThemePreference>
export const UpdateChannel = z.enum(['stable', 'beta'])

/** The main window's last bounds (written by main only, never by the renderer). */
export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
})

/** Every preference with its value; `language: null` follows the system language. */
export const Preferences = z.object({
  language: z.enum(PREFERENCE_LOCALES).nullable(),
  theme: ThemePreference,
  window: WindowBounds.nullable(),
  updates: z.object({ autoCheck: z.boolean(), channel: UpdateChannel }),
  launchAtLogin: z.boolean(),
  /** The "Install the command-line tool" hint was dismissed. */
  cliHintDismissed: z.boolean(),
  /** "Skip for now" on the first-run screen: an empty store no longer lands on it. */
  firstRunDismissed: z.boolean(),
  /** The renderer's old localStorage values (language, theme) were imported once. */
  importedRendererPrefs: z.boolean(),
})
export type Preferences = z.infer<typeof Preferences>

/** What the renderer may change: everything but the window bounds, each field optional. */
export const PreferencesPatch = z
  .object({
    language: z.enum(PREFERENCE_LOCALES).nullable().optional(),
    theme: ThemePreference.optional(),
    updates: z
      .object({ autoCheck: z.boolean().optional(), channel: UpdateChannel.optional() })
      .strict()
      .optional(),
    launchAtLogin: z.boolean().optional(),
    cliHintDismissed: z.boolean().optional(),
    firstRunDismissed: z.boolean().optional(),
    importedRendererPrefs: z.boolean().optional(),
  })
  .strict()
export type PreferencesPatch = z.input<typeof PreferencesPatch>

export const DEFAULT_PREFERENCES: Preferences = {
  language: null,
  theme: 'system',
  window: null,
  updates: { autoCheck: true, channel: 'stable' },
  launchAtLogin: false,
  cliHintDismissed: false,
  firstRunDismissed: false,
  importedRendererPrefs: false,
}
