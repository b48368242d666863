/**
 * A cross-process lock file: created with O_EXCL, holding the owner's pid, start time and a
 * random token. Every way through ends within the deadline (issue 11; a queued offer that a
 * holder claimed, within a grace of staleMs after it, late-offer.ts): the lock is taken, or
 * `store_locked` says which file blocks and how to clear it.
 *
 * A lock is stale — and broken — when its pid is dead, when its time (or, for a lock whose owner
 * beats, the newer of its time and its mtime, refreshed every staleMs / 4) is older than `staleMs`,
 * or when we have watched the very same lock file for longer than `staleMs` on our own monotonic
 * clock (so a time in the future or a skewed clock cannot pin it forever). A file that is not a
 * valid lock record (garbage, empty: an owner killed between create and write) is given a short
 * grace before it is broken. Breaking happens under a second, short-lived "breaker" lock and only
 * if the file still is the one judged stale, so two waiters never both break it and one of them
 * delete the other's fresh lock. Something at the lock path that we never create (a directory, a
 * symlink) is never deleted: it is reported at once.
 *
 * Waiters take the lock in the order they came: each first waits its turn in a ticket queue
 * (lock-queue.ts, issue 17), then takes the lock file, which is free by then unless a process
 * outside the queue holds it; that wait uses capped exponential backoff and a directory watch.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { AppError } from '../errors'
import { lateAnswer, type LockOffer } from './late-offer'
import { joinQueue, type QueueSpot } from './lock-queue'
import { beat, inspect, isStale, pidAlive, Watch, type Seen } from './lock-record'
import { watchUntil } from './watch-until'

export interface LockOptions {
  /** A lock older than this is taken over even when its pid looks alive (default 10 s). */
  staleMs?: number
  /** Give up after this long (default 20 s). */
  timeoutMs?: number
  /** Told how long each acquisition waited (benchmarks and diagnostics). */
  onAcquired?: (waitMs: number) => void
  /** Told how long the lock was then held. */
  onReleased?: (holdMs: number) => void
  /** Told how long a waiter waited when the holder answered its offer instead (group commit). */
  onAnswered?: (waitMs: number) => void
  /** Told when the deadline came while a holder held our offer's claim (the grace begins). */
  onLateClaim?: () => void
}

/** Per call extras of withLock. */
export interface LockExtras<T> {
  offer?: LockOffer<T>
  /** Runs after the lock is released and before our ticket goes (the next in line wakes then). */
  beforeLeave?: () => void
}

/** The breaker is held for one read and one unlink: a breaker older than this is stuck. */
const BREAKER_STALE_MS = 2000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

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

/** Creates `file` exclusively with `content`; false when something is already there (sync: see inspect). */
function tryCreate(file: string, content: string): boolean {
  let fd: number
  try {
    fd = fs.openSync(file, 'wx', 0o600)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown'
    if (code === 'EEXIST') return false
    throw lockedError(file, { kind: 'unwritable', code })
  }
  try {
    fs.writeFileSync(fd, content)
  } finally {
    fs.closeSync(fd)
  }
  return true
}

/**
 * Removes `file` if it still is `seen`, under the breaker lock. Returns true when the lock path is
 * free now (or was changed by someone else), false when another waiter is breaking it.
 */
function breakStale(file: string, seen: Seen & { kind: 'lock' }, watch: Watch): boolean {
  const breaker = `${file}.break`
  if (!tryCreate(breaker, JSON.stringify({ pid: process.pid, time: Date.now() }))) {
    const b = inspect(breaker)
    if (b.kind === 'odd') throw lockedError(breaker, { kind: 'odd', what: b.what })
    if (b.kind === 'lock' && isStale(b, watch.age(breaker, b.key), BREAKER_STALE_MS)) {
      const again = inspect(breaker)
      if (again.kind === 'lock' && again.key === b.key) fs.rmSync(breaker, { force: true })
    }
    return false
  }
  try {
    const again = inspect(file)
    if (again.kind === 'lock' && again.key === seen.key) fs.rmSync(file, { force: true })
  } finally {
    fs.rmSync(breaker, { force: true })
  }
  return true
}

/**
 * Runs `fn` while holding the lock file; always releases it (only if it is still ours). Waiters
 * first queue up (lock-queue.ts) so they take the lock in the order they came.
 */
export async function withLock<T>(
  file: string,
  fn: (spot: QueueSpot | null) => Promise<T>,
  opts: LockOptions = {},
  extras: LockExtras<T> = {},
): Promise<T> {
  const { offer } = extras
  let news: readonly string[] | null = null
  const staleMs = opts.staleMs ?? 10_000
  const started = performance.now()
  const deadline = started + (opts.timeoutMs ?? 20_000)
  const ticket = joinQueue(file)
  const held = { content: null as string | null }
  // While we wait and while we hold, our ticket and our lock show we are alive, so a long hold
  // on a loaded machine is never judged stale and broken under us.
  const heartbeat = setInterval(
    () => {
      ticket?.beat()
      if (held.content) beat(file, held.content)
    },
    Math.max(20, staleMs / 4),
  )
  heartbeat.unref()
  try {
    if (ticket) {
      let answer: (() => T) | null = null
      const end = await ticket.turn(
        deadline,
        staleMs,
        offer && {
          publish: () => (news = offer.publish(ticket)),
          answered: () => (answer = offer.answer(ticket)) !== null,
        },
      )
      if (end === 'late' && offer && news) {
        answer = await lateAnswer(ticket, offer, news, staleMs, opts.onLateClaim)
      }
      if (answer) {
        opts.onAnswered?.(performance.now() - started)
        return answer()
      }
      if (end === 'late') throw lockedError(file, why(file))
    }
    const run = () => fn(ticket)
    return await lockAndRun(file, run, opts, { started, deadline, staleMs, queued: !!ticket, held })
  } finally {
    clearInterval(heartbeat)
    try {
      extras.beforeLeave?.()
    } finally {
      if (ticket && offer && news) offer.clear(ticket)
      // Only after the lock is released: the next in line wakes when this ticket goes.
      ticket?.leave()
    }
  }
}

/** Why the lock is not ours yet, for the error at the deadline while still queued. */
function why(file: string): LockWhy {
  let seen: Seen | null = null
  try {
    seen = inspect(file)
  } catch {
    // Unreadable: say only that it is busy.
  }
  if (seen?.kind === 'odd') return { kind: 'odd', what: seen.what }
  if (seen?.kind === 'lock' && seen.info && pidAlive(seen.info.pid)) {
    return { kind: 'held', pid: seen.info.pid }
  }
  return { kind: 'busy' }
}

async function lockAndRun<T>(
  file: string,
  fn: () => Promise<T>,
  opts: LockOptions,
  wait: {
    started: number
    deadline: number
    staleMs: number
    queued: boolean
    held: { content: string | null }
  },
): Promise<T> {
  const { started, deadline, staleMs, queued, held } = wait
  const token = randomBytes(8).toString('hex')
  const watch = new Watch()
  let attempt = 0
  let last: LockWhy = { kind: 'busy' }
  for (;;) {
    const content = JSON.stringify({ pid: process.pid, time: Date.now(), token, beat: true })
    if (tryCreate(file, content)) {
      const acquired = performance.now()
      opts.onAcquired?.(acquired - started)
      held.content = content
      try {
        return await fn()
      } finally {
        held.content = null
        // Removed only if it is still ours (a waiter may have judged it stale and taken over).
        let cur: Seen | null = null
        try {
          cur = inspect(file)
        } catch {
          // Unreadable now: not ours to remove.
        }
        if (cur?.kind === 'lock' && cur.raw === content) fs.rmSync(file, { force: true })
        opts.onReleased?.(performance.now() - acquired)
      }
    }
    const seen = inspect(file)
    let retryNow = seen.kind === 'gone'
    if (seen.kind === 'odd') throw lockedError(file, { kind: 'odd', what: seen.what })
    if (seen.kind === 'lock') {
      last = seen.info && pidAlive(seen.info.pid) ? { kind: 'held', pid: seen.info.pid } : last
      if (isStale(seen, watch.age(file, seen.key), staleMs)) {
        retryNow = breakStale(file, seen, watch)
      }
    }
    // Checked on every path, also right after breaking a lock (a stuck breaker spun forever).
    if (performance.now() > deadline) throw lockedError(file, last)
    if (retryNow) {
      await new Promise((r) => setImmediate(r))
      continue
    }
    attempt += 1
    // Wait for the lock file to go (or a capped exponential backoff, whichever comes first).
    const cap = Math.min(2 ** attempt, 64)
    const base = path.basename(file)
    await watchUntil(path.dirname(file), (name) => name === base, Math.random() * cap)
    // Without the queue (it could not be used), a jittered head start that shrinks with the
    // time already waited: the longest waiter most likely tries first. A queued waiter is
    // first in line already.
    if (!queued) await sleep((Math.random() * 8) / (1 + (performance.now() - started) / 100))
  }
}
