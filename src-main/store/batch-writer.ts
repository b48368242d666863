/**
 * Coalesces many small writes into few store updates: while one update runs, further items
 * wait and go out together in the next one. Twenty test results arriving at once cost two
 * locked read-modify-writes instead of twenty queued behind the cross-process lock.
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
