/**
 * How one progress report of a pull or an import changes the job's row, as pure functions: main
 * sends live events and, when a view opens, a snapshot of its jobs, and the two can arrive in
 * either order, so every report carries a growing `seq` and an older one never wins.
 */
import type { ImportProgress, PullProgress } from '../../../src-preload/contract'
import type { ImportEntry, PullEntry } from './local-types'

/** True when `p` is not newer than the report already shown (both carry a `seq`). */
export const isStale = (known: { seq?: number } | null | undefined, p: { seq?: number }): boolean =>
  known?.seq !== undefined && p.seq !== undefined && p.seq <= known.seq

/** The same record without `key` (a new object). */
export function withoutJob<T>(record: Record<string, T>, key: string): Record<string, T> {
  const rest = { ...record }
  delete rest[key]
  return rest
}

/**
 * A pull's row after report `p` (`now` dates a row the report creates). A stale report is not
 * `fresh` and changes the row only when it tells which server the pull runs on; `entry` comes
 * back unchanged (the same object) when nothing changes.
 */
export function mergePullReport(
  entry: PullEntry | undefined,
  p: PullProgress,
  now: number,
): { entry: PullEntry | undefined; fresh: boolean } {
  const baseUrl = entry?.baseUrl ?? p.baseUrl ?? null
  if (isStale(entry?.progress, p)) {
    return {
      entry: entry && baseUrl !== entry.baseUrl ? { ...entry, baseUrl } : entry,
      fresh: false,
    }
  }
  return {
    entry: entry
      ? { ...entry, baseUrl, progress: p }
      : { jobId: p.jobId, model: p.model, baseUrl, progress: p, startedAt: now },
    fresh: true,
  }
}

/**
 * An import's row after report `p`, and whether this report is the one that ended it
 * successfully (the library then changed); null for a stale report.
 */
export function mergeImportReport(
  entry: ImportEntry | undefined,
  p: ImportProgress,
): { entry: ImportEntry; ended: boolean } | null {
  if (isStale(entry?.progress, p)) return null
  const baseUrl = entry?.baseUrl ?? p.baseUrl ?? null
  return {
    entry: { jobId: p.jobId, name: p.name, baseUrl, progress: p },
    ended: p.stage === 'done' && entry?.progress?.stage !== 'done',
  }
}
