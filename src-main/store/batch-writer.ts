/**
 * Coalesces many small writes into few store updates. A flush waits one event-loop turn before it
 * starts, so items written together (twenty test answers read in the same I/O phase) go out in one
 * update; while that update runs, further items wait and go out together in the next one.
 *
 * The turn matters because the store writes synchronously (fsyncs included, store/atomic-write.ts):
 * flushing the first item at once blocked the thread for the whole write, the next answer could
 * only be read after it, found the writer idle and started its own write. Twenty answers arriving
 * together cost twenty writes one after another (issue 17: test-all's results landed 2.5–10 ms
 * apart); they now cost one.
 */

/** Returns `write(item)`, resolving once the item is persisted (or rejecting with the flush's error). */
export function createBatchWriter<T>(
  flush: (items: T[]) => Promise<void>,
): (item: T) => Promise<void> {
  let pending: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = []
  let running = false

  const drain = async () => {
    running = true
    while (pending.length) {
      // Let the rest of this turn's I/O (other answers already read) join the batch.
      await new Promise<void>((r) => setImmediate(r))
      const batch = pending
      pending = []
      try {
        await flush(batch.map((b) => b.item))
        for (const b of batch) b.resolve()
      } catch (err) {
        for (const b of batch) b.reject(err)
      }
    }
    running = false
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ item, resolve, reject })
      if (!running) void drain()
    })
}
