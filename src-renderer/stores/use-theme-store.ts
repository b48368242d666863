/** Light / dark theme: follows the OS unless the user picked one (a preference kept in main). */
import { create } from 'zustand'
import { savePreferences } from '../lib/preferences'

export type ThemeChoice = 'system' | 'light' | 'dark'
const media = window.matchMedia('(prefers-color-scheme: dark)')

const resolve = (choice: ThemeChoice): 'light' | 'dark' =>
  choice === 'system' ? (media.matches ? 'dark' : 'light') : choice

interface ThemeState {
  choice: ThemeChoice
  effective: 'light' | 'dark'
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
export function applyTheme(effective: 'light' | 'dark') {
  document.documentElement.dataset.theme = effective
  document.documentElement.style.colorScheme = effective
}
