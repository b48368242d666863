/** Which page is shown; mirrored in the URL hash so a reload or a screenshot lands on it. */
import { create } from 'zustand'

export const PAGES = ['apiKeys', 'models', 'local', 'gateway', 'settings'] as const
export type Page = (typeof PAGES)[number]

const fromHash = (): Page => {
  const h = window.location.hash.replace(/^#\/?/, '') as Page
  return PAGES.includes(h) ? h : 'apiKeys'
}

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
