/** Which page is shown; mirrored in the URL hash so a reload or a screenshot lands on it. */
import { create } from 'zustand'

export const PAGES = [
  'home',
  'apiKeys',
  'models',
  'local',
  'gateway',
  'settings',
  'welcome',
] as const
export type Page = (typeof PAGES)[number]
/** The pages the sidebar links to; the first-run screen (`welcome`) is reached by landing or Settings. */
export const NAV_PAGES = PAGES.filter((p) => p !== 'welcome')

/** The page the URL names, or null when it names none (the app then decides where to land). */
export const pageFromHash = (): Page | null => {
  const h = window.location.hash.replace(/^#\/?/, '') as Page
  return PAGES.includes(h) ? h : null
}
const fromHash = (): Page => pageFromHash() ?? 'home'

interface NavState {
  page: Page
  go: (page: Page) => void
}

export const useNavStore = create<NavState>((set) => ({
  page: fromHash(),
  go: (page) => {
    if (window.location.hash !== `#/${page}`) window.history.replaceState(null, '', `#/${page}`)
    set({ page })
  },
}))

window.addEventListener('hashchange', () => useNavStore.setState({ page: fromHash() }))
