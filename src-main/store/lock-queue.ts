/**
 * A first-come, first-served queue in front of the store lock (issue 17). With 16 processes
 * adding at once, waiters that polled the lock file with jittered backoff let newcomers overtake
 * them again and again (the p95 wait was 60–116× one add), and every release woke all of them.
 *
 * Each waiter takes a numbered ticket in `<lock>.queue/`: one more than the highest number there,
 * created with O_EXCL so two waiters never share a number (the loser reads again). It waits until
 * no live ticket with a lower number is left, watching only the ticket just ahead of it, so a
 * release wakes one process. The holder keeps its ticket until it has let go of the lock, so the
 * next in line finds the lock free when it wakes.
 *
 * The queue orders; it does not exclude. The O_EXCL lock file still does, so a process that
 * skips the queue (an older Switchboard, a ticket passed over as stuck) can cost fairness, never
 * safety. A ticket of a dead process, or garbage past its grace, is removed; a live ticket whose
 * owner stopped beating (touching it, see withLock) is passed over, never removed. When the queue cannot be used
 * (something odd at its path, a folder we cannot write) the lock works as before without it.
 * The folder is removed when its last ticket leaves. File calls are synchronous (tiny files; an
 * async call's thread-pool round trip waits for a CPU twice on a loaded machine, see inspect).
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { beat, inspect, isStale, pidAlive, Watch } from './lock-record'
import { watchUntil } from './watch-until'

/** A waiter looks at the ticket ahead this often even without news (a dead owner sends none). */
const RECHECK_MS = 250
/** Tries to take a number before doing without the queue (each loss means someone else won). */
const JOIN_ATTEMPTS = 64

export interface Ticket {
  /** This waiter's place: lower numbers go first. */
  readonly number: number
  /** Shows the ticket's owner is alive (the waiter behind never passes over it). */
  beat(): void
  /** Resolves true when no live ticket is ahead any more, false at `deadline` (monotonic ms). */
  turn(deadline: number, staleMs: number): Promise<boolean>
  /** Gives the ticket back (after the lock is released) and removes an empty queue folder. */
  leave(): void
}

export const queueDirOf = (lockFile: string) => `${lockFile}.queue`

/** The ticket numbers in `dir`, or null when the folder is gone. Other names are ignored. */
function numbersIn(dir: string): number[] | null {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  return names.filter((n) => /^[1-9]\d{0,14}$/.test(n)).map(Number)
}

/** Takes a ticket in the lock's queue; null when the queue cannot be used (lock without it). */
export function joinQueue(lockFile: string): Ticket | null {
  const dir = queueDirOf(lockFile)
  for (let attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
    let seen: number[] | null
    try {
      try {
        fs.mkdirSync(dir, { mode: 0o700 })
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return null
      }
      // A file or a symlink at the queue's path is not ours to follow or remove.
      if (!fs.lstatSync(dir).isDirectory()) return null
      seen = numbersIn(dir)
    } catch {
      return null
    }
    if (!seen) continue // the last ticket left and took the folder: make it again
    const number = seen.reduce((a, b) => Math.max(a, b), 0) + 1
    const file = path.join(dir, String(number))
    const raw = JSON.stringify({ pid: process.pid, time: Date.now(), beat: true })
    let fd: number
    try {
      fd = fs.openSync(file, 'wx', 0o600)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'EEXIST' || code === 'ENOENT') continue
      return null
    }
    try {
      fs.writeFileSync(fd, raw)
    } finally {
      fs.closeSync(fd)
    }
    return ticketAt(dir, number, raw, seen)
  }
  return null
}

function ticketAt(dir: string, number: number, raw: string, seenAtJoin: number[]): Ticket {
  const file = path.join(dir, String(number))
  return {
    number,
    beat: () => beat(file, raw),
    async turn(deadline, staleMs) {
      const watched = new Watch()
      // What was there when we took the number is everything that can be ahead of us.
      let numbers: number[] | null = seenAtJoin
      for (;;) {
        const ahead = (numbers ?? []).filter((n) => n < number).sort((a, b) => b - a)
        const next = nearestLive(dir, ahead, watched, staleMs)
        if (!next) return true
        if (performance.now() > deadline) return false
        // Any change to the ticket ahead (touched, removed) is worth a look.
        const ms = Math.max(1, Math.min(RECHECK_MS, deadline - performance.now()))
        await watchUntil(next, () => true, ms)
        numbers = numbersIn(dir)
      }
    },
    leave() {
      try {
        fs.rmSync(file, { force: true })
        // Fails while others wait (ENOTEMPTY), which is what we want.
        fs.rmdirSync(dir)
      } catch {
        // Left for the next waiter to judge (its owner is gone by then).
      }
    },
  }
}

/**
 * The closest ticket ahead (numbers nearest first) whose owner still waits; dead owners' tickets
 * and old garbage on the way are removed, live stale ones passed over. Null: nobody is ahead.
 */
function nearestLive(dir: string, ahead: number[], watched: Watch, staleMs: number): string | null {
  for (const n of ahead) {
    const file = path.join(dir, String(n))
    let seen
    try {
      seen = inspect(file)
    } catch {
      continue // unreadable: not something a waiter of ours left
    }
    // Gone, or something we never create (a folder named like a ticket): not a waiter.
    if (seen.kind !== 'lock') continue
    if (!isStale(seen, watched.age(file, seen.key), staleMs)) return file
    if (!seen.info || !pidAlive(seen.info.pid)) {
      const again = inspect(file)
      if (again.kind === 'lock' && again.key === seen.key) fs.rmSync(file, { force: true })
    }
  }
  return null
}
