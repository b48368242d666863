/**
 * The theme preference's values (issue 15) as plain data, without zod: the renderer's theme store
 * sits in the entry chunk and the settings page lists the choices, and neither should build a
 * schema for that; `preferences.ts` makes its zod enum from this one list (issue 13).
 */
export const themePreferences = ['system', 'light', 'dark'] as const

export type ThemePreference = (typeof themePreferences)[number]

/** A theme the window can show: `system` resolved to one of the others. */
export type EffectiveTheme = Exclude<ThemePreference, 'system'>
