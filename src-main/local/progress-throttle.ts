/**
 * Progress of a long job (a pull, an import) as events the renderer can keep up with: every
 * report is recorded, but an event goes out at most every `intervalMs` unless the step changed
 * or the job ended, so a 10 GB pull does not flood IPC with thousands of byte counts.
 */
import type { Emit } from '../platform'

export interface ThrottleSpec<P> {
  event: 'local:pullProgress' | 'local:importProgress'
  /** Records the report and returns it stamped, or null when it is stale (dropped). */
  record: (p: P) => P | null
  stepOf: (p: P) => string
  final: (p: P) => boolean
}

/** A reporter emitting `spec.event` through `emit` at most every `intervalMs` per step. */
export function throttledProgress<P>(
  emit: Emit,
  intervalMs: number,
  spec: ThrottleSpec<P>,
  now: () => number = Date.now,
): (p: P) => void {
  let lastAt = 0
  let lastStep = ''
  return (p: P) => {
    const stamped = spec.record(p)
    if (!stamped) return
    const at = now()
    const step = spec.stepOf(stamped)
    if (spec.final(stamped) || step !== lastStep || at - lastAt >= intervalMs) {
      lastAt = at
      lastStep = step
      emit(spec.event, stamped as never)
    }
  }
}
