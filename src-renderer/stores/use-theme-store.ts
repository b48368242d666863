/** Light / dark theme: follows the OS unless the user picked one (a preference kept in main). */
import { create } from 'zustand'
import type { EffectiveTheme, ThemePreference } from '../../src-preload/contract/theme-names'
import { savePreferences } from '../lib/preferences'

/** The user's choice: one of the contract's theme preferences. */
export type ThemeChoice = ThemePreference
const media = window.matchMedia('(prefers-color-scheme: dark)')

const resolve = (choice: ThemeChoice): EffectiveTheme =>
  choice === 'system' ? (media.matches ? 'dark' : 'light') : choice

interface ThemeState {
  choice: ThemeChoice
  effective: EffectiveTheme
  setChoice: (choice: ThemeChoice) => void
  /** Main's value (start-up, or another window changed it). */
  receive: (choice: ThemeChoice) => void
}

export const useThemeStore = create<ThemeState>((set) => ({
  choice: 'system',
  effective: resolve('system'),
  setChoice: (choice) => {
    set({ choice, effective: resolve(choice) })
    void savePreferences({ theme: choice })
  },
  receive: (choice) => set({ choice, effective: resolve(choice) }),
}))

media.addEventListener('change', () =>
  useThemeStore.setState((s) => ({ effective: resolve(s.choice) })),
)

/** Keeps `<html data-theme>` in step with the store. */
export function applyTheme(effective: EffectiveTheme) {
  document.documentElement.dataset.theme = effective
  document.documentElement.style.colorScheme = effective
}
