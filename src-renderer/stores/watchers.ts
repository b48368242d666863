/**
 * How many mounted views show a store's data. The event bridge hands every change event to the
 * stores; a store re-reads from main only while some view shows what it caches, so a change
 * costs no IPC call for pages that are closed (they re-read when they open).
 */
export interface Watchers {
  /** Marks one view as showing the data; returns the unmark (calling it twice is harmless). */
  add: () => () => void
  /** True while at least one view shows the data. */
  active: () => boolean
}

/** A fresh count, one per store. */
export function createWatchers(): Watchers {
  let count = 0
  return {
    add: () => {
      count++
      let on = true
      return () => {
        if (!on) return
        on = false
        count--
      }
    },
    active: () => count > 0,
  }
}
