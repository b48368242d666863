/**
 * The record in a lock file (or a queue ticket, lock-queue.ts) and how to judge it: who wrote it,
 * whether that process still lives, whether the record is stale. Shared by the lock and its queue
 * so both judge a file left by a dead or stuck process the same way.
 */
import fs, { type Stats } from 'node:fs'
import { performance } from 'node:perf_hooks'

export interface LockInfo {
  pid: number
  time: number
  /** The owner touches the file (its mtime) while it lives: judge it by the newer of the two. */
  beat: boolean
}

/** A record that is not a valid lock (or a breaker) this long is broken; owners write at once. */
export const GARBAGE_GRACE_MS = 2000
/** Clocks of two processes on one machine agree; a lock time further ahead than this is bogus. */
export const FUTURE_SKEW_MS = 2000

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The record in a lock file, or null when it is not one (garbage, empty, a time in the future). */
export function parseInfo(raw: string): LockInfo | null {
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return null
  }
  if (!v || typeof v !== 'object') return null
  const { pid, time } = v as Record<string, unknown>
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null
  if (typeof time !== 'number' || !Number.isFinite(time)) return null
  if (time > Date.now() + FUTURE_SKEW_MS) return null
  return { pid, time, beat: (v as Record<string, unknown>).beat === true }
}

export type Seen =
  | { kind: 'gone' }
  | { kind: 'odd'; what: string }
  | { kind: 'lock'; raw: string; info: LockInfo | null; st: Stats; key: string }

/**
 * What is at a lock path, without following a symlink. Synchronous on purpose (issue 17): a lock
 * file is a few bytes, and each async call is a round trip through libuv's thread pool, which
 * on a loaded machine waits for a CPU twice — on the path every waiter is queued behind.
 */
export function inspect(file: string): Seen {
  let st: Stats
  try {
    st = fs.lstatSync(file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' }
    throw err
  }
  if (!st.isFile()) {
    const what = st.isDirectory() ? 'directory' : st.isSymbolicLink() ? 'symlink' : 'special file'
    return { kind: 'odd', what }
  }
  let raw: string
  try {
    // O_NOFOLLOW: a symlink swapped in after the lstat is not followed.
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
    try {
      raw = fs.readFileSync(fd, 'utf8')
    } finally {
      fs.closeSync(fd)
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { kind: 'gone' }
    if (code === 'ELOOP') return { kind: 'odd', what: 'symlink' }
    throw err
  }
  // The mtime is part of the identity: a heartbeat makes it a new sighting (see isStale).
  const key = `${st.ino}:${st.mtimeMs}:${raw}`
  return { kind: 'lock', raw, info: parseInfo(raw), st, key }
}

/** Remembers since when (monotonic) each lock path has shown the same file. */
export class Watch {
  private readonly since = new Map<string, { key: string; at: number }>()
  /** How long `file` has held exactly `key`, as far as we have watched. */
  age(file: string, key: string): number {
    const now = performance.now()
    const prev = this.since.get(file)
    if (prev?.key === key) return now - prev.at
    this.since.set(file, { key, at: now })
    return 0
  }
}

export function isStale(seen: Seen & { kind: 'lock' }, watched: number, staleMs: number): boolean {
  const { info, st } = seen
  if (!info) {
    const grace = Math.min(staleMs, GARBAGE_GRACE_MS)
    const age = Date.now() - st.mtimeMs
    return watched > grace || age > grace
  }
  if (!pidAlive(info.pid)) return true
  // A holder that beats proves it still runs (issue 17: on a machine loaded enough, a hold
  // outlasted staleMs and a waiter broke a live lock, losing a write). A record that does not
  // say it beats (an older Switchboard) is judged by its time alone, as before.
  const last = info.beat ? Math.max(info.time, seen.st.mtimeMs) : info.time
  return Date.now() - last > staleMs || watched > staleMs
}

/** Touches `file` if it still holds `raw` (ours): its mtime says its owner is alive. */
export function beat(file: string, raw: string): void {
  try {
    const seen = inspect(file)
    if (seen.kind !== 'lock' || seen.raw !== raw) return
    const now = new Date()
    fs.utimesSync(file, now, now)
  } catch {
    // Gone or unreadable: nothing of ours to keep alive.
  }
}
