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
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { beat, inspect, isStale, pidAlive, Watch } from './lock-record'
import { isAnswered } from './queued-ops'
import { watchUntil } from './watch-until'

/** A waiter looks at the ticket ahead this often even without news (a dead owner sends none). */
const RECHECK_MS = 250
/** Tries to take a number before doing without the queue (each loss means someone else won). */
const JOIN_ATTEMPTS = 64

/** Where a ticket sits: its queue folder, its number and the random token in its record. */
export interface QueueSpot {
  readonly dir: string
  readonly number: number
  readonly token: string
}

/** A waiter's offer to have its change made by the holder (group commit, queued-ops.ts). */
export interface TurnOffer {
  /** Called once, when someone is ahead: publishes; returns the files whose change is news. */
  publish(): readonly string[] | null
  /** Whether the offer has been answered (then the waiter does not need its turn). */
  answered(): boolean
}

/** How a wait in the queue ended: our turn, the deadline, or our offer answered. */
export type TurnEnd = 'turn' | 'late' | 'answered'

export interface Ticket extends QueueSpot {
  /** Shows the ticket's owner is alive (the waiter behind never passes over it). */
  beat(): void
  /**
   * Waits until no live ticket is ahead any more ('turn'), until `deadline` (monotonic ms,
   * 'late'), or until `offer` is answered ('answered').
   */
  turn(deadline: number, staleMs: number, offer?: TurnOffer): Promise<TurnEnd>
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
    const token = randomBytes(8).toString('hex')
    const raw = JSON.stringify({ pid: process.pid, time: Date.now(), beat: true, token })
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
    return ticketAt(dir, number, token, raw, seen)
  }
  return null
}

function ticketAt(
  dir: string,
  number: number,
  token: string,
  raw: string,
  seenAtJoin: number[],
): Ticket {
  const file = path.join(dir, String(number))
  return {
    dir,
    number,
    token,
    beat: () => beat(file, raw),
    async turn(deadline, staleMs, offer) {
      const watched = new Watch()
      // What was there when we took the number is everything that can be ahead of us.
      let numbers: number[] | null = seenAtJoin
      let published = false
      let news: readonly string[] = []
      for (;;) {
        const ahead = (numbers ?? []).filter((n) => n < number).sort((a, b) => b - a)
        const next = nearestLive(dir, ahead, watched, staleMs)
        // Before our turn too: the holder answers before it gives its ticket back.
        if (published && offer!.answered()) return 'answered'
        if (!next) return 'turn'
        if (offer && !published) {
          published = true
          news = offer.publish() ?? []
        }
        if (performance.now() > deadline) return 'late'
        // Any change to the ticket ahead (touched, removed) is worth a look; so is news of our
        // offer (the holder touches our ticket when it answers).
        const targets = [next, ...news.filter((f) => fs.existsSync(f))]
        const ms = Math.max(1, Math.min(RECHECK_MS, deadline - performance.now()))
        await watchUntil(targets, () => true, ms)
        numbers = numbersIn(dir)
      }
    },
    leave() {
      try {
        fs.rmSync(file, { force: true })
        // Fails while others wait (ENOTEMPTY), which is what we want.
        fs.rmdirSync(dir)
      } catch {
        sweep(dir)
      }
    },
  }
}

/** The live tickets behind `spot`, in queue order (the holder answers their offers). */
export function behind(spot: QueueSpot): QueueSpot[] {
  const { dir, number } = spot
  let later: number[]
  try {
    later = (numbersIn(dir) ?? []).filter((n) => n > number).sort((a, b) => a - b)
  } catch {
    return []
  }
  const spots: QueueSpot[] = []
  for (const n of later) {
    const token = tokenOf(path.join(dir, String(n)))
    if (token) spots.push({ dir, number: n, token })
  }
  return spots
}

/** The token in a live ticket's record, or null (gone, garbage, its owner dead). */
function tokenOf(file: string): string | null {
  try {
    const seen = inspect(file)
    if (seen.kind !== 'lock' || !seen.info || !pidAlive(seen.info.pid)) return null
    const { token } = JSON.parse(seen.raw) as { token?: unknown }
    return typeof token === 'string' && token ? token : null
  } catch {
    return null
  }
}

/**
 * With no ticket left, removes what dead owners left beside theirs (op, claimed, withdrawn and
 * outcome files, temp files) so the folder can go; anything else (a folder, a name we never
 * write) keeps the folder. Racing a newcomer costs it at most its offer (it then takes its
 * turn): ops are idempotent and an unanswered offer is never a lost change.
 */
function sweep(dir: string): void {
  try {
    const names = fs.readdirSync(dir)
    if (names.some((n) => /^[1-9]\d{0,14}$/.test(n))) return
    for (const n of names) {
      if (!/^[1-9]\d{0,14}\.(op|claimed|withdrawn|done)(\.tmp-[\w-]+)?$/.test(n)) continue
      try {
        fs.rmSync(path.join(dir, n), { force: true }) // a symlink goes, never what it points at
      } catch {
        // A folder named like ours: not ours to remove; it keeps the queue folder.
      }
    }
    fs.rmdirSync(dir)
  } catch {
    // Someone joined meanwhile, or something we never write is there: left as it is.
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
    if (!isStale(seen, watched.age(file, seen.key), staleMs)) {
      // Answered by the holder (group commit): its owner does not need the lock any more.
      if (isAnswered(dir, n, seen.raw)) continue
      return file
    }
    if (!seen.info || !pidAlive(seen.info.pid)) {
      const again = inspect(file)
      if (again.kind === 'lock' && again.key === seen.key) fs.rmSync(file, { force: true })
    }
  }
  return null
}
