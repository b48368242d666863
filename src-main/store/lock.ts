/**
 * A cross-process lock file: created with O_EXCL, holding the owner's pid, start time and a
 * random token. Every way through ends within the deadline (issue 11): the lock is taken, or
 * `store_locked` says which file blocks and how to clear it.
 *
 * A lock is stale — and broken — when its pid is dead, when its time is older than `staleMs`,
 * or when we have watched the very same lock file for longer than `staleMs` on our own monotonic
 * clock (so a time in the future or a skewed clock cannot pin it forever). A file that is not a
 * valid lock record (garbage, empty: an owner killed between create and write) is given a short
 * grace before it is broken. Breaking happens under a second, short-lived "breaker" lock and only
 * if the file still is the one judged stale, so two waiters never both break it and one of them
 * delete the other's fresh lock. Something at the lock path that we never create (a directory, a
 * symlink) is never deleted: it is reported at once.
 *
 * Waiting uses capped exponential backoff with full jitter; a waiter that has waited long polls
 * more often, so a steady stream of newcomers cannot starve it (issue 17).
 */
import { randomBytes } from 'node:crypto'
import { watch, type FSWatcher, type Stats } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { AppError } from '../errors'

export interface LockOptions {
  /** A lock older than this is taken over even when its pid looks alive (default 10 s). */
  staleMs?: number
  /** Give up after this long (default 20 s). */
  timeoutMs?: number
  /** Told how long each acquisition waited (benchmarks and diagnostics). */
  onAcquired?: (waitMs: number) => void
  /** Told how long the lock was then held. */
  onReleased?: (holdMs: number) => void
}

interface LockInfo {
  pid: number
  time: number
}

/** A record that is not a valid lock (or a breaker) this long is broken; owners write at once. */
const GARBAGE_GRACE_MS = 2000
/** The breaker is held for one read and one unlink: a breaker older than this is stuck. */
const BREAKER_STALE_MS = 2000
/** Clocks of two processes on one machine agree; a lock time further ahead than this is bogus. */
const FUTURE_SKEW_MS = 2000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The record in a lock file, or null when it is not one (garbage, empty, a time in the future). */
function parseInfo(raw: string): LockInfo | null {
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
  return { pid, time }
}

type Seen =
  | { kind: 'gone' }
  | { kind: 'odd'; what: string }
  | { kind: 'lock'; raw: string; info: LockInfo | null; st: Stats; key: string }

/** What is at a lock path, without following a symlink. */
async function inspect(file: string): Promise<Seen> {
  let st: Stats
  try {
    st = await fs.lstat(file)
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
    const fh = await fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
    try {
      raw = await fh.readFile('utf8')
    } finally {
      await fh.close()
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { kind: 'gone' }
    if (code === 'ELOOP') return { kind: 'odd', what: 'symlink' }
    throw err
  }
  return { kind: 'lock', raw, info: parseInfo(raw), st, key: `${st.ino}:${raw}` }
}

/** Remembers since when (monotonic) each lock path has shown the same file. */
class Watch {
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

function isStale(seen: Seen & { kind: 'lock' }, watched: number, staleMs: number): boolean {
  const { info, st } = seen
  if (!info) {
    const grace = Math.min(staleMs, GARBAGE_GRACE_MS)
    const age = Date.now() - st.mtimeMs
    return watched > grace || age > grace
  }
  if (!pidAlive(info.pid)) return true
  return Date.now() - info.time > staleMs || watched > staleMs
}

/** The one error every lock failure ends in: which file, who holds it, how to clear it. */
export function lockedError(file: string, why: LockWhy): AppError {
  if (why.kind === 'held') {
    return new AppError(
      'store_locked',
      `The data file is locked by process ${why.pid} (${file}). Wait for it to finish; if no Switchboard is running, delete that file.`,
      { file, pid: why.pid, context: 'held' },
    )
  }
  if (why.kind === 'odd') {
    return new AppError(
      'store_locked',
      `The data file cannot be locked: ${file} is a ${why.what}, not a Switchboard lock. Remove it if no Switchboard is running.`,
      { file, context: 'odd' },
    )
  }
  if (why.kind === 'unwritable') {
    return new AppError(
      'store_locked',
      `The data file cannot be locked: ${file} cannot be created (${why.code}). Check the data folder's permissions.`,
      { file, context: 'unwritable' },
    )
  }
  return new AppError(
    'store_locked',
    `The data file is locked (${file}). Wait for the other process to finish; if no Switchboard is running, delete that file.`,
    { file },
  )
}

type LockWhy =
  | { kind: 'held'; pid: number }
  | { kind: 'odd'; what: string }
  | { kind: 'unwritable'; code: string }
  | { kind: 'busy' }

/** Creates `file` exclusively with `content`; false when something is already there. */
async function tryCreate(file: string, content: string): Promise<boolean> {
  let fh: fs.FileHandle
  try {
    fh = await fs.open(file, 'wx', 0o600)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown'
    if (code === 'EEXIST') return false
    throw lockedError(file, { kind: 'unwritable', code })
  }
  try {
    await fh.writeFile(content)
  } finally {
    await fh.close()
  }
  return true
}

/**
 * Removes `file` if it still is `seen`, under the breaker lock. Returns true when the lock path is
 * free now (or was changed by someone else), false when another waiter is breaking it.
 */
async function breakStale(
  file: string,
  seen: Seen & { kind: 'lock' },
  watch: Watch,
): Promise<boolean> {
  const breaker = `${file}.break`
  if (!(await tryCreate(breaker, JSON.stringify({ pid: process.pid, time: Date.now() })))) {
    const b = await inspect(breaker)
    if (b.kind === 'odd') throw lockedError(breaker, { kind: 'odd', what: b.what })
    if (b.kind === 'lock' && isStale(b, watch.age(breaker, b.key), BREAKER_STALE_MS)) {
      const again = await inspect(breaker)
      if (again.kind === 'lock' && again.key === b.key) await fs.rm(breaker, { force: true })
    }
    return false
  }
  try {
    const again = await inspect(file)
    if (again.kind === 'lock' && again.key === seen.key) await fs.rm(file, { force: true })
  } finally {
    await fs.rm(breaker, { force: true })
  }
  return true
}

/** Runs `fn` while holding the lock file; always releases it (only if it is still ours). */
export async function withLock<T>(
  file: string,
  fn: () => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const staleMs = opts.staleMs ?? 10_000
  const started = performance.now()
  const deadline = started + (opts.timeoutMs ?? 20_000)
  const token = randomBytes(8).toString('hex')
  const watch = new Watch()
  let attempt = 0
  let last: LockWhy = { kind: 'busy' }
  for (;;) {
    const content = JSON.stringify({ pid: process.pid, time: Date.now(), token })
    if (await tryCreate(file, content)) {
      const acquired = performance.now()
      opts.onAcquired?.(acquired - started)
      try {
        return await fn()
      } finally {
        const cur = await inspect(file).catch(() => null)
        if (cur?.kind === 'lock' && cur.raw === content) await fs.rm(file, { force: true })
        opts.onReleased?.(performance.now() - acquired)
      }
    }
    const seen = await inspect(file)
    let retryNow = seen.kind === 'gone'
    if (seen.kind === 'odd') throw lockedError(file, { kind: 'odd', what: seen.what })
    if (seen.kind === 'lock') {
      last = seen.info && pidAlive(seen.info.pid) ? { kind: 'held', pid: seen.info.pid } : last
      if (isStale(seen, watch.age(file, seen.key), staleMs)) {
        retryNow = await breakStale(file, seen, watch)
      }
    }
    // Checked on every path, also right after breaking a lock (a stuck breaker spun forever).
    if (performance.now() > deadline) throw lockedError(file, last)
    if (retryNow) {
      await new Promise((r) => setImmediate(r))
      continue
    }
    attempt += 1
    // Wait for the lock file to go (or a capped exponential backoff, whichever comes first),
    // then a jittered head start that shrinks with the time already waited: when the holder
    // lets go, the longest waiter most likely tries first, so newcomers cannot starve it.
    const cap = Math.min(2 ** attempt, 64)
    await lockReleased(file, Math.random() * cap)
    const waited = performance.now() - started
    await sleep((Math.random() * 8) / (1 + waited / 100))
  }
}

/** Resolves when `file` is removed (or renamed), or after `ms` — whichever comes first. */
function lockReleased(file: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let watcher: FSWatcher | null = null
    const done = () => {
      clearTimeout(timer)
      watcher?.close()
      resolve()
    }
    const timer = setTimeout(done, ms)
    try {
      // One directory watch: inotify / FSEvents / ReadDirectoryChangesW. Unsupported → just sleep.
      watcher = watch(path.dirname(file), (_event, name) => {
        if (name === path.basename(file)) done()
      })
      watcher.on('error', () => undefined)
    } catch {
      watcher = null
    }
  })
}
