/**
 * The one "wait for news about a path, or give up after a while" of the store lock and its queue
 * (issue 17): a lock waiter watches the lock's folder for the lock file to go, a queued waiter
 * watches the ticket ahead of it. Either way news only means "look again": callers always
 * re-check what is on disk, so an early or spurious wake-up costs one look, never correctness.
 */
import { watch, type FSWatcher } from 'node:fs'

/**
 * Resolves when a target (a file, or a folder) reports a change whose name passes `match`, when
 * a watch fails, when a target is already gone, or after `ms` — whichever comes first. Where
 * watching is unsupported the timer alone ends the wait (the caller then polls).
 */
export function watchUntil(
  targets: string | readonly string[],
  match: (name: string | null) => boolean,
  ms: number,
): Promise<void> {
  return new Promise((resolve) => {
    const watchers: FSWatcher[] = []
    let over = false
    const done = () => {
      over = true
      clearTimeout(timer)
      for (const w of watchers) w.close()
      resolve()
    }
    const timer = setTimeout(done, ms)
    for (const target of typeof targets === 'string' ? [targets] : targets) {
      if (over) break
      try {
        // inotify / FSEvents / ReadDirectoryChangesW: one watch each, all closed on the first news.
        const watcher = watch(target, (_event, name) => {
          if (match(name === null ? null : String(name))) done()
        })
        watcher.on('error', done)
        watchers.push(watcher)
      } catch (err) {
        // Already gone: look again now. Watching unsupported: the timer polls instead.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') done()
      }
    }
  })
}
