/**
 * Keeps the Local page live while it is open: a detection on open (the page shows a skeleton,
 * never waits), a slow re-scan every `intervalMs`, pull and import progress (what main already
 * knows, then live events) and credential changes.
 * Everything stops when the page unmounts.
 */
import { useEffect } from 'react'
import { useLocalStore } from '../../../stores/use-local-store'

/** How often the page re-scans in the background. */
export const RESCAN_MS = 30_000

/** Starts detection, the re-scan timer and the event subscriptions; undoes them on unmount. */
export function useLocalLive(intervalMs = RESCAN_MS) {
  useEffect(() => {
    const s = useLocalStore.getState()
    // Watched: the event bridge applies pull / import progress and credential changes.
    const unwatch = s.watch()
    void s.scan()
    void s.loadCredentials()
    void s.loadTargets().catch(() => undefined)
    void s.loadMachine()
    const timer = window.setInterval(() => {
      // A hidden window does not need fresh results; the next visible tick catches up.
      if (document.visibilityState !== 'hidden') void useLocalStore.getState().scan()
    }, intervalMs)
    // After watching: jobs that ran (or ended) while the page was closed; `seq` orders a
    // snapshot against a live event that overtakes it.
    void s.loadActivePulls()
    void s.loadActiveImports()
    return () => {
      window.clearInterval(timer)
      unwatch()
    }
  }, [intervalMs])
}
