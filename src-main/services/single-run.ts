/**
 * One run at a time, cancellable: the gate a long job (a test of every credential) goes through,
 * whoever starts it (a window, the tray, the CLI). A second start while one runs is refused with
 * the caller's error instead of queueing, so two runs never race over the same results.
 */
import type { AppError } from '../errors'

export interface SingleRun {
  /** Runs `job` with a signal `cancel()` aborts; throws `busy()` while another run is going. */
  run<T>(job: (signal: AbortSignal) => Promise<T>): Promise<T>
  /** Aborts the running job; true when one was running. */
  cancel(): boolean
  /** Whether a job is running. */
  active(): boolean
}

/** A gate for one job at a time; `busy` builds the error a second start gets. */
export function createSingleRun(busy: () => AppError): SingleRun {
  let current: AbortController | null = null
  return {
    async run(job) {
      if (current) throw busy()
      const controller = new AbortController()
      current = controller
      try {
        return await job(controller.signal)
      } finally {
        current = null
      }
    },
    cancel() {
      const active = current
      active?.abort()
      return Boolean(active)
    },
    active: () => current !== null,
  }
}
