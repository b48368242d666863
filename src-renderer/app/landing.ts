/**
 * Where the app lands when the URL names no page: the first-run screen while the store is empty
 * and its "Skip for now" was not chosen, else the overview. Main decides (`home:overview`'s
 * `firstRun`); a URL that names a page (a reload, a link, the tests) always wins.
 */
import { api } from '../lib/api'
import { pageFromHash, useNavStore } from '../stores/use-nav-store'

export async function chooseLanding(): Promise<void> {
  if (pageFromHash() !== null) return
  const res = await api()
    .home.overview({})
    .catch(() => null)
  useNavStore.getState().go(res?.ok && res.data.firstRun ? 'welcome' : 'home')
}
