/** Light / dark theme: follows the OS unless the user picked one (a non-secret UI preference). */
import { create } from 'zustand'

export type ThemeChoice = 'system' | 'light' | 'dark'
const KEY = 'switchboard.theme'
const media = window.matchMedia('(prefers-color-scheme: dark)')

const readChoice = (): ThemeChoice => {
  const v = window.localStorage.getItem(KEY)
  return v === 'light' || v === 'dark' ? v : 'system'
}
const resolve = (choice: ThemeChoice): 'light' | 'dark' =>
  choice === 'system' ? (media.matches ? 'dark' : 'light') : choice

interface ThemeState {
  choice: ThemeChoice
  effective: 'light' | 'dark'
  setChoice: (choice: ThemeChoice) => void
}

export const useThemeStore = create<ThemeState>((set) => ({
  choice: readChoice(),
  effective: resolve(readChoice()),
  setChoice: (choice) => {
    window.localStorage.setItem(KEY, choice)
    set({ choice, effective: resolve(choice) })
  },
}))

media.addEventListener('change', () =>
  useThemeStore.setState((s) => ({ effective: resolve(s.choice) })),
)

/** Keeps `<html data-theme>` in step with the store. */
export function applyTheme(effective: 'light' | 'dark') {
  document.documentElement.dataset.theme = effective
  document.documentElement.style.colorScheme = effective
}
