/**
 * Work that can wait for idle time (issue 17: a connection test's scrubber, built while its
 * request is in flight). Jobs run one per event-loop turn, in order, so I/O that is ready
 * meanwhile — another test's connect, a request to write, an answer to read — is handled between
 * two jobs instead of after all of them.
 */

/** A queue of deferred jobs; see createTurnQueue. */
export interface TurnQueue {
  /** Queues `job`; the function returned drops it if it has not run yet. */
  add(job: () => void): () => void
}

/** An empty queue. A job that throws is dropped: its owner meets the failure doing the work itself. */
export function createTurnQueue(): TurnQueue {
  const jobs: { run: () => void }[] = []
  let scheduled = false
  const next = () => {
    scheduled = false
    const job = jobs.shift()
    if (jobs.length) schedule()
    try {
      job?.run()
    } catch {
      // Not ours to report (see above).
    }
  }
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    setImmediate(next)
  }
  return {
    add(run) {
      const entry = { run }
      jobs.push(entry)
      schedule()
      return () => {
        const i = jobs.indexOf(entry)
        if (i >= 0) jobs.splice(i, 1)
      }
    },
  }
}
