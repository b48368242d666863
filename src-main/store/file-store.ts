/**
 * The Store over `<home>/switchboard.json` (DESIGN §3): plain JSON, schema-versioned, every
 * read-modify-write under a cross-process lock and written atomically, so the app and the CLI can
 * write at the same time. A file that does not parse, or parses but does not have the store's
 * shape, is moved aside (bytes untouched) and reported as `store_corrupt` naming the copy — never
 * silently replaced by an empty store, never an `internal` crash further down.
 */
import { mkdirSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { AppError } from '../errors'
import { fsyncDir, removeOrphanTemps, replaceFile } from './atomic-write'
import { commitOffer, type CommitDone } from './commit-offer'
import type { LockOffer } from './late-offer'
import { withLock, type LockOptions } from './lock'
import { behind } from './lock-queue'
import { emptyStoreData } from './migrations'
import { ensurePrivateHome } from './private-home'
import { answerAll, applyQueued, giveBack, type Taken } from './queued-ops'
import type { OpApplier, Store, StoreData, StoreOp } from './schema'
import { createCachedReader, parseStoreText, readText } from './store-reader'

export const STORE_FILE = 'switchboard.json'

/** Where one locked read-modify-write spent its time, in ms (bench/store-load.bench.ts). */
export interface TurnPhases {
  /** Reading the file's bytes. */
  read: number
  /** JSON.parse, migration and the shape check. */
  parse: number
  /** The caller's change. */
  change: number
  /** Serializing before and after (the comparison and the bytes written). */
  stringify: number
  /** Temp file write, its fsync and the rename (0 when nothing changed). */
  write: number
}

export interface FileStoreOptions extends LockOptions {
  clock?: () => Date
  /** Told where each update's time under the lock went (benchmarks and diagnostics). */
  onPhases?: (phases: TurnPhases) => void
  /** Told how long the holder took after the lock to make its write durable and answer the ops
   *  it took (ms), while the next in line still waits (bench/store-load.bench.ts). */
  onLeave?: (ms: number, answered: number) => void
  /** Test seam: runs after the store file is replaced, before queued ops are answered. */
  afterStoreWrite?: () => void
  /** Test seam: runs after the holder claimed and applied queued ops, before it writes. */
  afterClaim?: () => void
}

/** The file store plus where it lives. */
export interface FileStore extends Store {
  readonly file: string
  readonly home: string
}

/** Creates the store for a data directory (the directory is created on the first write). */
export function createFileStore(home: string, options: FileStoreOptions = {}): FileStore {
  const file = path.join(home, STORE_FILE)
  const lockFile = `${file}.lock`
  const clock = options.clock ?? (() => new Date())
  const reader = createCachedReader(file)
  const appliers = new Map<string, OpApplier>()

  // Checked once per store: an existing folder more open than 0700 is tightened or refused.
  let privateChecked: Promise<void> | null = null
  const ready = () =>
    (privateChecked ??= ensurePrivateHome(home, file).catch((err) => {
      privateChecked = null
      throw err
    }))

  // Synchronous: one syscall on every update, where an async call's thread-pool round trip
  // waits for a CPU twice on a loaded machine (issue 17).
  const ensureHome = () => {
    mkdirSync(home, { recursive: true, mode: 0o700 })
  }

  /** Renames the bad file to `switchboard.json.corrupt-<timestamp>` (never over an older copy). */
  const moveAside = async (): Promise<AppError> => {
    const stamp = clock().toISOString().replace(/[:.]/g, '-')
    let target = `${file}.corrupt-${stamp}`
    for (let n = 1; await exists(target); n++) target = `${file}.corrupt-${stamp}-${n}`
    try {
      await fs.rename(file, target)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error'
      return new AppError(
        'store_corrupt',
        `The data file ${file} is damaged and could not be moved aside (${code}); move it away or restore it from a backup.`,
        { file, context: 'in_place' },
      )
    }
    return new AppError(
      'store_corrupt',
      `The data file was damaged; it was moved to ${target} (nothing in it was changed).`,
      { file: target },
    )
  }

  /**
   * Sets a bad file aside (under the lock, so only one process does it) and throws. Returns
   * when the file turned out fine after all (another process already set it aside).
   */
  const quarantine = async (): Promise<void> => {
    ensureHome()
    const err = await withLock(
      lockFile,
      async () => {
        const text = readText(file)
        if (text === null || parseStoreText(text).kind !== 'corrupt') return null
        return moveAside()
      },
      options,
    )
    if (err) throw err
  }

  const store: FileStore = {
    file,
    home,
    read: async () => {
      await ready()
      for (let attempt = 0; ; attempt++) {
        const r = await reader.read()
        if (r.kind === 'absent') return emptyStoreData()
        if (r.kind === 'ok') return r.data
        if (attempt >= 2) {
          throw new AppError('store_corrupt', `The data file ${file} could not be read.`, {
            file,
            context: 'in_place',
          })
        }
        await quarantine()
      }
    },
    update: (fn) => run(fn),
    register: (kind, applier) => void appliers.set(kind, applier as OpApplier),
    async commit<R>(op: StoreOp) {
      const applier = appliers.get(op.kind)
      const payload = applier?.parse(op.payload) ?? null
      if (!applier || payload === null) {
        throw new AppError('internal', `An op of kind ${op.kind} is not registered or not valid.`)
      }
      // Never quarantines (that takes the lock, behind our own ticket): a bad file settles nothing.
      const readData = async () => {
        const r = await reader.read()
        return r.kind === 'ok' ? r.data : r.kind === 'absent' ? emptyStoreData() : null
      }
      const offer = commitOffer<R>(op, applier, payload, readData)
      return run<CommitDone<R>>((data) => {
        const applied = applier.apply(data, payload)
        return applied ? { done: true, result: applied.result as R } : { done: false }
      }, offer)
    },
  }

  return store

  /** One locked read-modify-write; with an offer, the holder may answer it instead. */
  async function run<T>(fn: (data: StoreData) => T | Promise<T>, offer?: LockOffer<T>): Promise<T> {
    await ready()
    ensureHome()
    let wrote = false
    let synced = false
    let claimed: Taken[] = []
    let taken: Taken[] = []
    try {
      return await withLock(
        lockFile,
        async (spot) => {
          const t = [performance.now()]
          const text = readText(file)
          t.push(performance.now())
          const parsed = text === null ? null : parseStoreText(text)
          if (parsed && parsed.kind !== 'ok') throw await moveAside()
          const data = parsed?.kind === 'ok' ? parsed.data : emptyStoreData()
          t.push(performance.now())
          // Compare against the checked data so a no-op update writes nothing (not even a new
          // file). Both sides in the written form: the comparison's text is the one written,
          // two serializations per update instead of three (issue 17).
          const before = serialize(data)
          const t1 = performance.now()
          const result = await fn(data)
          // Group commit: the changes queued behind us go into the same write.
          claimed = spot && appliers.size ? applyQueued(behind(spot), appliers, data) : []
          if (claimed.length) options.afterClaim?.()
          const t2 = performance.now()
          const after = serialize(data)
          t.push(performance.now())
          if (after !== before) {
            removeOrphanTemps(file)
            replaceFile(file, after, 0o600)
            wrote = true
            reader.invalidate()
          }
          // Answered only once written (a failed write gives them back: they take their turns).
          taken = claimed
          options.afterStoreWrite?.()
          options.onPhases?.({
            read: t[1]! - t[0]!,
            parse: t[2]! - t[1]!,
            change: t2 - t1,
            stringify: t1 - t[2]! + (t[3]! - t2),
            write: performance.now() - t[3]!,
          })
          return result
        },
        options,
        {
          offer,
          // Answers only once the write is durable, and before the next in line wakes: it
          // finds its answer instead of taking a turn.
          beforeLeave: () => {
            if (!taken.length) return claimed.forEach((t) => giveBack(t.spot))
            const t0 = performance.now()
            fsyncDir(home)
            synced = true
            answerAll(taken)
            options.onLeave?.(performance.now() - t0, taken.length)
          },
        },
      )
    } finally {
      // Otherwise the rename is made durable after the lock and the ticket are let go (the next
      // writer only needs to see the new bytes), and before this update reports the write done.
      if (wrote && !synced) fsyncDir(home)
    }
  }
}

/** The store file's text: pretty JSON (people read and diff it) and a final newline. */
const serialize = (data: StoreData) => `${JSON.stringify(data, null, 2)}\n`

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p)
    return true
  } catch {
    return false
  }
}
