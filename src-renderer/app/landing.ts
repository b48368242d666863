/**
 * Where the app lands when the URL names no page: the first-run screen while the store is empty
 * and its "Skip for now" was not chosen, else the overview. Main decides (`home:overview`'s
 * `firstRun`); a URL that names a page (a reload, a link, the tests) always wins.
 */
import { pageFromHash, useNavStore } from '../stores/use-nav-store'
import { useOverviewStore } from '../stores/use-overview-store'

export async function chooseLanding(): Promise<void> {
  if (pageFromHash() !== null) return
  const firstRun = await useOverviewStore.getState().isFirstRun()
  useNavStore.getState().go(firstRun ? 'welcome' : 'home')
}
