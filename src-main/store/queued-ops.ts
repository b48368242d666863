/**
 * Group commit's files (issue 17): a queued writer publishes its change as an op beside its
 * ticket, and the lock holder, which applies it with its own change in one write, answers with
 * an outcome. With 16 writers queued, one turn of the lock then carries many writers' changes
 * instead of one, so a writer waits about one turn instead of fifteen.
 *
 * In `<lock>.queue/`, next to ticket `<n>`: `<n>.op` holds `{ ticket, kind, payload }` and
 * `<n>.done` holds `{ ticket, ok, result | error }`. Exactly one side owns an op at a time, by
 * rename: the holder claims it (`<n>.op` → `<n>.claimed`) before applying it and gives it back
 * (the reverse rename) when it leaves it; its owner withdraws it (`<n>.op` → `<n>.withdrawn`).
 * A withdrawal that succeeds means no holder has it or ever will; one that finds nothing means a
 * holder holds the claim, and the owner waits for its answer (late-offer.ts). Both are written to a temp file and renamed
 * (0600, inside the private data folder), so a reader sees all of one or nothing. `ticket` is
 * the random token in ticket `<n>`'s own record: a file left by an earlier ticket of the same
 * number (its owner died) never matches the current ticket and is ignored. Both files are read
 * as untrusted input: too large, not JSON, not the shape, a wrong token — ignored, never thrown.
 * What an op means is not known here: services register appliers (Store.register, schema.ts).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ErrorCode } from '../../src-preload/contract/errors'
import { AppError } from '../errors'
import type { OpApplier, StoreData, StoreOp } from './schema'
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

/** The appliers by op kind. */
export type OpAppliers = ReadonlyMap<string, OpApplier>

/** What became of a published op, as its owner reads it. */
export type OpOutcome = { ok: true; result: unknown } | { ok: false; error: AppError }

/** An op or outcome file larger than this is not one we wrote. */
const MAX_BYTES = 256 * 1024

export const opFileOf = (dir: string, n: number) => path.join(dir, `${n}.op`)
export const claimedFileOf = (dir: string, n: number) => path.join(dir, `${n}.claimed`)
/** Ticket `n` itself: touched when its op is answered or given back (news for its owner). */
export const ticketFileOf = (dir: string, n: number) => path.join(dir, String(n))
const withdrawnFileOf = (dir: string, n: number) => path.join(dir, `${n}.withdrawn`)
const outcomeFileOf = (dir: string, n: number) => path.join(dir, `${n}.done`)

/** Renames `from` to `to`: true when done, false when `from` is not there (or cannot be moved). */
function moveFile(from: string, to: string): boolean {
  try {
    fs.renameSync(from, to)
    return true
  } catch {
    return false
  }
}

/** Writes `file` whole or not at all: a temp file beside it (0600), then a rename. */
function writeWhole(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' })
    fs.renameSync(tmp, file)
  } catch (err) {
    fs.rmSync(tmp, { force: true })
    throw err
  }
}

/** The parsed JSON of a small regular file (never through a symlink); null when anything is off. */
function readJson(file: string): unknown {
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
  } catch {
    return null
  }
  try {
    const st = fs.fstatSync(fd)
    if (!st.isFile() || st.size > MAX_BYTES) return null
    return JSON.parse(fs.readFileSync(fd, 'utf8'))
  } catch {
    return null
  } finally {
    fs.closeSync(fd)
  }
}

const OpFile = z.object({
  ticket: z.string().min(1),
  kind: z.string().min(1),
  payload: z.unknown(),
})
const OutcomeFile = z.union([
  z.object({ ticket: z.string().min(1), ok: z.literal(true), result: z.unknown() }),
  z.object({
    ticket: z.string().min(1),
    ok: z.literal(false),
    error: z.object({
      code: ErrorCode,
      message: z.string().max(2000),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  }),
])

/** Publishes `op` for ticket `n` (token `ticket`); returns the op file's path. */
export function publishOp(dir: string, n: number, ticket: string, op: StoreOp): string {
  const file = opFileOf(dir, n)
  writeWhole(file, JSON.stringify({ ticket, kind: op.kind, payload: op.payload }))
  return file
}

/** The op ticket `n`'s holder claimed, when its token is `ticket`; null when none (or not valid). */
function readClaimed(dir: string, n: number, ticket: string): StoreOp | null {
  const r = parseUntrusted(OpFile, readJson(claimedFileOf(dir, n)))
  if (!r.success || r.data.ticket !== ticket) return null
  return { kind: r.data.kind, payload: r.data.payload }
}

/**
 * Answers ticket `n`'s op, then removes the claimed op and touches the ticket, which wakes its
 * owner (after the outcome is there to read).
 */
export function writeOutcome(dir: string, n: number, ticket: string, outcome: OpOutcome): void {
  const body = outcome.ok
    ? { ticket, ok: true, result: outcome.result }
    : {
        ticket,
        ok: false,
        error: {
          code: outcome.error.code,
          message: outcome.error.message,
          ...(outcome.error.params ? { params: outcome.error.params } : {}),
        },
      }
  writeWhole(outcomeFileOf(dir, n), JSON.stringify(body))
  fs.rmSync(claimedFileOf(dir, n), { force: true })
  // News for its owner and for whoever waits behind this ticket (both watch it).
  touchTicket(dir, n)
}

/**
 * Touches ticket `n`: news for its owner (which watches its own ticket, not its op, so a claim
 * wakes nobody) and for the waiter behind it. A ticket already gone needs no news.
 */
function touchTicket(dir: string, n: number): void {
  const now = new Date()
  try {
    fs.utimesSync(ticketFileOf(dir, n), now, now)
  } catch {
    // Gone: its owner left.
  }
}

/** The outcome for ticket `n` when one with its token is there; `result` still to be checked. */
export function readOutcome(dir: string, n: number, ticket: string): OpOutcome | null {
  const r = parseUntrusted(OutcomeFile, readJson(outcomeFileOf(dir, n)))
  if (!r.success || r.data.ticket !== ticket) return null
  if (r.data.ok) return { ok: true, result: r.data.result }
  const { code, message, params } = r.data.error
  return { ok: false, error: new AppError(code, message, params) }
}

/**
 * Whether ticket `n` (its record `raw`) has been answered: its owner no longer waits for the
 * lock, so the waiters behind it do not wait for it either (lock-queue.ts).
 */
export function isAnswered(dir: string, n: number, raw: string): boolean {
  const file = outcomeFileOf(dir, n)
  if (!fs.existsSync(file)) return false
  try {
    const { token } = JSON.parse(raw) as { token?: unknown }
    return typeof token === 'string' && readOutcome(dir, n, token) !== null
  } catch {
    return false
  }
}

/**
 * The owner takes ticket `n`'s op back: true when it was still published, so no holder has it
 * and none ever will; false when a holder holds the claim (or answered it, or there is none).
 */
export function withdrawOp(dir: string, n: number): boolean {
  const withdrawn = withdrawnFileOf(dir, n)
  if (!moveFile(opFileOf(dir, n), withdrawn)) return false
  fs.rmSync(withdrawn, { force: true })
  return true
}

/**
 * Takes back a claim its holder never answered nor gave back (it died, or is stopped): after
 * this, a give-back finds nothing to move, and the owner reads the store to know what landed.
 */
export function reclaimOp(dir: string, n: number): void {
  const withdrawn = withdrawnFileOf(dir, n)
  if (moveFile(claimedFileOf(dir, n), withdrawn)) fs.rmSync(withdrawn, { force: true })
}

/** Removes ticket `n`'s op and outcome files (its owner is done with them). */
export function clearOp(dir: string, n: number): void {
  try {
    withdrawOp(dir, n)
    fs.rmSync(outcomeFileOf(dir, n), { force: true })
  } catch {
    // Left for the last one out of the queue to sweep.
  }
}

/** A queued op the holder applied, and what to answer its owner. */
export interface Taken {
  spot: { dir: string; number: number; token: string }
  outcome: OpOutcome
}

/** Gives a claimed op back to its owner (who may then withdraw it or take its turn). */
export function giveBack(spot: Taken['spot']): void {
  if (moveFile(claimedFileOf(spot.dir, spot.number), opFileOf(spot.dir, spot.number))) {
    touchTicket(spot.dir, spot.number)
  }
}

/**
 * The holder's half, inside its read-modify-write and after its own change: claims and applies
 * the valid ops of the tickets behind it whose kind it knows, in queue order. An op already
 * withdrawn is skipped; one that does not parse, has an unknown kind, asks to be left, or throws
 * something other than an AppError is given back to its owner (who then takes its turn as
 * before). The ops returned stay claimed: answered once written, or given back (`giveBack`).
 */
export function applyQueued(
  spots: readonly Taken['spot'][],
  appliers: OpAppliers,
  data: StoreData,
): Taken[] {
  const taken: Taken[] = []
  for (const spot of spots) {
    if (!moveFile(opFileOf(spot.dir, spot.number), claimedFileOf(spot.dir, spot.number))) continue
    const outcome = applyClaimed(spot, appliers, data)
    if (outcome) taken.push({ spot, outcome })
    else giveBack(spot)
  }
  return taken
}

/** What to answer a claimed op, or null to give it back. */
function applyClaimed(
  spot: Taken['spot'],
  appliers: OpAppliers,
  data: StoreData,
): OpOutcome | null {
  const op = readClaimed(spot.dir, spot.number, spot.token)
  const applier = op && appliers.get(op.kind)
  if (!op || !applier) return null
  try {
    const payload = applier.parse(op.payload)
    if (payload === null) return null
    const done = applier.apply(data, payload)
    return done ? { ok: true, result: done.result } : null
  } catch (err) {
    return err instanceof AppError ? { ok: false, error: err } : null
  }
}

/** Answers each taken op (after the store write is durable); one that cannot be answered waits. */
export function answerAll(taken: readonly Taken[]): void {
  for (const { spot, outcome } of taken) {
    try {
      writeOutcome(spot.dir, spot.number, spot.token, outcome)
    } catch {
      // Unanswered: its owner takes its turn and finds its op applied (a no-op then).
    }
  }
}
