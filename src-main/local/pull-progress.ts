/**
 * Turns Ollama's NDJSON pull lines (`{status, digest?, total?, completed?}`, one layer at a time,
 * several digests per model) into the progress the UI shows: percent over every layer seen,
 * bytes, speed over a sliding window and ETA. Ollama resumes partial downloads: the first line
 * of a resumed layer already carries what was on disk; that is reported as `resumedBytes` and
 * never counted as speed.
 */
import type { PullProgress } from '../../src-preload/contract/local'
import type { ErrorCode } from '../../src-preload/contract/errors'

/** One line of Ollama's pull stream, as documented; update() checks each field's type. */
export interface PullLine {
  status?: unknown
  digest?: unknown
  total?: unknown
  completed?: unknown
}

/**
 * A byte count from the stream: a number up to 2^53 (9 PB; larger ones would sum to Infinity),
 * else nothing. Math.max of a value that cannot become a number would throw.
 */
const bytes = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v <= Number.MAX_SAFE_INTEGER ? v : undefined

interface Sample {
  at: number
  transferred: number
}

/** Accumulates pull lines into PullProgress reports. */
export class PullTracker {
  private readonly layers = new Map<string, { total: number; completed: number }>()
  private samples: Sample[] = []
  private transferred = 0
  private resumedBytes = 0
  private status = 'starting'

  constructor(
    private readonly jobId: string,
    private readonly model: string,
    private readonly now: () => number = () => performance.now(),
    /** The speed window in ms. */
    private readonly windowMs = 3000,
  ) {}

  /** Feeds one line; returns the progress after it. */
  update(line: PullLine): PullProgress {
    // The line is the server's JSON: a field of another type is ignored, never shown or summed.
    if (typeof line.status === 'string' && line.status) this.status = line.status
    const digest = typeof line.digest === 'string' ? line.digest : ''
    const total = (bytes(line.total) ?? 0) > 0 ? bytes(line.total) : undefined
    if (digest && total !== undefined) {
      const completed = Math.min(total, Math.max(0, bytes(line.completed) ?? 0))
      const layer = this.layers.get(digest)
      if (!layer) {
        // First sight of a layer: whatever it already has was on disk before (a resumed pull).
        this.resumedBytes += completed
        this.layers.set(digest, { total, completed })
      } else {
        this.transferred += Math.max(0, completed - layer.completed)
        layer.completed = Math.max(layer.completed, completed)
        layer.total = total
      }
      this.sample()
    }
    return this.report(line.status === 'success')
  }

  /** The final report of a pull that ended with `success`. */
  finish(): PullProgress {
    this.status = 'success'
    return this.report(true)
  }

  /** The final report of a pull that failed or was cancelled. */
  fail(code: ErrorCode, message: string): PullProgress {
    return { ...this.report(false), done: true, error: { code, message } }
  }

  private sample(): void {
    const at = this.now()
    this.samples.push({ at, transferred: this.transferred })
    // Keep one sample older than the window so the window is always fully covered.
    while (this.samples.length > 2 && at - this.samples[1]!.at >= this.windowMs)
      this.samples.shift()
  }

  private speed(): number | null {
    const first = this.samples[0]
    const last = this.samples[this.samples.length - 1]
    if (!first || !last || last.at - first.at < 100) return null
    return Math.round(((last.transferred - first.transferred) * 1000) / (last.at - first.at))
  }

  private report(success: boolean): PullProgress {
    let totalBytes = 0
    let completedBytes = 0
    for (const l of this.layers.values()) {
      totalBytes += l.total
      completedBytes += success ? l.total : l.completed
    }
    const percent = success
      ? 100
      : totalBytes > 0
        ? Math.round((completedBytes / totalBytes) * 1000) / 10
        : null
    const bytesPerSecond = success ? null : this.speed()
    const remaining = totalBytes - completedBytes
    const etaSeconds = success
      ? 0
      : bytesPerSecond && bytesPerSecond > 0
        ? Math.ceil(remaining / bytesPerSecond)
        : null
    return {
      jobId: this.jobId,
      model: this.model,
      status: this.status,
      percent,
      completedBytes,
      totalBytes,
      bytesPerSecond,
      etaSeconds,
      resumedBytes: this.resumedBytes,
      done: success,
    }
  }
}
