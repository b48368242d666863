/**
 * A queued waiter's offer at its deadline (group commit, issue 17). Its op may be held by the
 * lock holder, claimed (renamed, queued-ops.ts) and about to be written. Reporting `store_locked`
 * then would tell the user an add failed that lands a moment later (and a retry would add it
 * twice), so the waiter first takes its op back by rename: that succeeding means no holder has
 * it and none ever will, and `store_locked` is true. Otherwise a holder holds the claim, and the
 * waiter waits for its answer (or for the op to be given back, then withdraws it), for at most a
 * grace. A claim still held after the grace is a holder that died (or is stopped): the waiter
 * takes the claim back and reads the store to tell whether its change landed (ops are
 * idempotent) rather than guess. Every way through ends by the deadline plus the grace.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { QueueSpot } from './lock-queue'
import { watchUntil } from './watch-until'

/** A waiter in grace looks again this often even without news (a dead holder sends none). */
const RECHECK_MS = 250

/**
 * What a queued waiter hands the holder instead of taking the lock itself (group commit,
 * queued-ops.ts). Without a queue, or with nobody ahead, the waiter simply takes its turn.
 */
export interface LockOffer<T> {
  /** Someone is ahead: publish beside our ticket; returns the files whose change is news, or null. */
  publish(spot: QueueSpot): readonly string[] | null
  /** The answer (a function that returns the value or throws the failure), or null: none yet. */
  answer(spot: QueueSpot): (() => T) | null
  /** Takes the op back: true when no holder has it (nor ever will), false while one claims it. */
  withdraw(spot: QueueSpot): boolean
  /** Done waiting, answered or not: removes what is left of the offer. */
  clear(spot: QueueSpot): void
  /** The claim outlived the grace: takes it back and tells from the store what landed, or null. */
  settle(spot: QueueSpot): Promise<(() => T) | null>
}

/**
 * At the deadline, with our op published: its answer, or null when it was withdrawn unapplied
 * (the caller then reports `store_locked`). Waits at most `graceMs` for a claiming holder.
 */
export async function lateAnswer<T>(
  spot: QueueSpot,
  offer: LockOffer<T>,
  news: readonly string[],
  graceMs: number,
  onClaimed?: () => void,
): Promise<(() => T) | null> {
  const end = performance.now() + graceMs
  let told = false
  for (;;) {
    const answer = offer.answer(spot)
    if (answer) return answer
    if (offer.withdraw(spot)) return null
    // Answered between the two looks: the claim is gone with the answer, which is there now.
    const again = offer.answer(spot)
    if (again) return again
    if (!told) {
      told = true
      onClaimed?.()
    }
    const left = end - performance.now()
    if (left <= 0) return offer.settle(spot)
    // The holder touches our ticket when it answers or gives the op back.
    const there = news.filter((f) => fs.existsSync(f))
    await watchUntil(there, () => true, Math.max(1, Math.min(RECHECK_MS, left)))
  }
}
