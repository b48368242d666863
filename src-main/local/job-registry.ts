/**
 * Background jobs (pulls, GGUF imports) with the latest progress of each, so a page opened
 * after the job started (or after it ended) can show where it is without having heard its
 * events. A running job keeps its AbortController; an ended one keeps its final report for
 * `keepEndedMs`, then is forgotten. Every report gets a growing `seq`, so the renderer can
 * tell a snapshot from a newer live event.
 */

/** What a job reports: its id, and the order stamp added here. */
export interface JobProgress {
  jobId: string
  seq?: number
}

export interface JobRegistryOptions {
  /** How long an ended job's final report stays listed (default 10 minutes). */
  keepEndedMs?: number
  now?: () => number
}

interface Job<P> {
  controller: AbortController | null
  latest: P
  endedAt: number | null
}

const TEN_MINUTES = 10 * 60 * 1000

/** Builds a registry; `ended(p)` tells a final report. */
export function createJobRegistry<P extends JobProgress>(
  ended: (p: P) => boolean,
  o: JobRegistryOptions = {},
) {
  const jobs = new Map<string, Job<P>>()
  const keep = o.keepEndedMs ?? TEN_MINUTES
  const now = o.now ?? Date.now
  let seq = 0

  const prune = () => {
    const at = now()
    for (const [id, job] of jobs) {
      if (job.endedAt !== null && at - job.endedAt >= keep) jobs.delete(id)
    }
  }

  return {
    /** Registers a job with its first report; returns the signal that cancels it. */
    start(first: P): AbortSignal {
      prune()
      const controller = new AbortController()
      jobs.set(first.jobId, { controller, latest: { ...first, seq: ++seq }, endedAt: null })
      return controller.signal
    },

    /**
     * Records a report (the latest wins) and returns it stamped with its `seq`; null for a
     * report that comes after the final one (a chunk still in flight when a job was cancelled).
     */
    update(p: P): P | null {
      const job = jobs.get(p.jobId)
      if (job?.endedAt !== null && job?.endedAt !== undefined) return null
      const stamped = { ...p, seq: ++seq }
      if (!job) return stamped
      job.latest = stamped
      if (ended(stamped)) {
        job.controller = null
        job.endedAt = now()
      }
      return stamped
    },

    /** Aborts a running job; false when it is unknown or already ended. */
    cancel(jobId: string): boolean {
      const c = jobs.get(jobId)?.controller
      if (!c) return false
      c.abort()
      return true
    },

    /** Ids of jobs still running. */
    running(): string[] {
      return [...jobs].filter(([, j]) => j.controller !== null).map(([id]) => id)
    },

    /** The latest report of every running job and of jobs that ended recently. */
    list(): P[] {
      prune()
      return [...jobs.values()].map((j) => j.latest)
    },
  }
}
