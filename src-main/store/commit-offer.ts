/**
 * The offer `Store.commit` makes while it waits for the lock (group commit, issue 17): it
 * publishes its op beside its ticket, reads the holder's answer, withdraws the op by rename, and
 * — when a holder died holding its claim — settles from the store what landed (late-offer.ts).
 */
import type { LockOffer } from './late-offer'
import { clearOp, publishOp, readOutcome, reclaimOp, ticketFileOf, withdrawOp } from './queued-ops'
import type { OpApplier, StoreData, StoreOp } from './schema'

/** What a commit ends in: done with the applier's result, or left (it no longer fits). */
export type CommitDone<R> = { done: true; result: R } | { done: false }

/** The offer for `op` (its payload already parsed by `applier`); `readData`: the store now, or null. */
export function commitOffer<R>(
  op: StoreOp,
  applier: OpApplier,
  payload: unknown,
  readData: () => Promise<StoreData | null>,
): LockOffer<CommitDone<R>> {
  return {
    publish: (spot) => {
      try {
        publishOp(spot.dir, spot.number, spot.token, op)
        // Our own ticket, which the holder touches when it answers or gives the op back: its
        // claim renames the op without waking us (15 owners woken per batch cost the holder CPU).
        return [ticketFileOf(spot.dir, spot.number)]
      } catch {
        return null // not offered: we take our turn
      }
    },
    answer: (spot) => {
      const outcome = readOutcome(spot.dir, spot.number, spot.token)
      if (!outcome) return null
      if (!outcome.ok) {
        return () => {
          throw outcome.error
        }
      }
      const result = applier.parseResult(outcome.result)
      return result === null ? null : () => ({ done: true, result: result as R })
    },
    withdraw: (spot) => withdrawOp(spot.dir, spot.number),
    clear: (spot) => clearOp(spot.dir, spot.number),
    // The claim outlived the grace (its holder died): the store tells whether the op landed.
    // Applied again to what is there, an idempotent op that landed changes nothing.
    settle: async (spot) => {
      reclaimOp(spot.dir, spot.number)
      const read = await readData()
      if (!read) return null
      const data = structuredClone(read)
      const before = JSON.stringify(data)
      try {
        const again = applier.apply(data, payload)
        if (!again || JSON.stringify(data) !== before) return null
        return () => ({ done: true, result: again.result as R })
      } catch {
        return null
      }
    },
  }
}
