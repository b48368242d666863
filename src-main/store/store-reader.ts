/**
 * Reading the store file: parse, migrate, check the shape — and skip all three while the file has
 * not changed (issue 17: listing 1,000 credentials re-parsed the whole file on every call).
 *
 * A cached read is reused only when `stat` shows the same device, inode, size, mtime and ctime,
 * and the file was already older than the filesystem's timestamp granularity when we read it
 * ("racy git": a write in the same clock tick as ours could keep every stat field, since an atomic
 * rename may reuse a freed inode). "Older" means both times: mtime can be set back (`cp -p`,
 * `touch -r`), ctime cannot, and where ctime ticks coarsely a same-sized edit that puts the mtime
 * back within one tick of the last change keeps every field. While the file is that recent we
 * read its bytes and compare them to the cached text, which still skips the parse. Writers (this
 * process, the CLI, the app) all replace the file by rename, so each write shows a new inode and
 * ctime.
 *
 * The cached data is deep-frozen and shared: read() callers must never mutate it (changes go
 * through Store.update, which gets its own fresh copy under the lock).
 */
import { readFileSync, statSync, type BigIntStats } from 'node:fs'
import { checkStoreShape } from './store-shape'
import { migrate } from './migrations'
import type { StoreData } from './schema'

export type ReadResult =
  { kind: 'absent' } | { kind: 'ok'; data: StoreData } | { kind: 'corrupt'; problem: string }

/** Parses, migrates and checks one file's text. `unsupported` (a newer schema) still throws. */
export function parseStoreText(text: string): ReadResult {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { kind: 'corrupt', problem: 'not JSON' }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return { kind: 'corrupt', problem: 'not an object' }
  }
  const version = (doc as { schemaVersion?: unknown }).schemaVersion
  if (version !== undefined && (typeof version !== 'number' || !Number.isSafeInteger(version))) {
    return { kind: 'corrupt', problem: 'schemaVersion' }
  }
  if (typeof version === 'number' && version < 0)
    return { kind: 'corrupt', problem: 'schemaVersion' }
  let migrated: unknown
  try {
    migrated = migrate(doc as Record<string, unknown>).data
  } catch (err) {
    if ((err as { code?: string }).code === 'unsupported') throw err
    return { kind: 'corrupt', problem: 'migration' }
  }
  const shape = checkStoreShape(migrated)
  return shape.ok ? { kind: 'ok', data: shape.data } : { kind: 'corrupt', problem: shape.problem }
}

/** Reads a file's text; null when absent (sync: one call instead of four thread-pool trips). */
export function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    // Something that is not a file sits at the store's path: moved aside like a corrupt file.
    if (code === 'EISDIR') return '\u0000not a file'
    throw err
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/** Longest timestamp tick we allow for: 2 s on FAT-like whole-second clocks, else 100 ms. */
function racyWindowMs(timeNs: bigint): number {
  return timeNs % 1_000_000_000n === 0n ? 2500 : 100
}

/**
 * Whether a stat taken at `nowMs` may stand for the file's bytes: its mtime and its ctime are both
 * older than the longest timestamp tick. With the mtime alone, a file whose mtime was set back
 * was trusted while its ctime was still in its tick: stale reads where ctime ticks coarsely
 * (Linux before 6.13's fine-grained timestamps: one jiffy).
 */
export function settledAt(st: Pick<BigIntStats, 'mtimeNs' | 'ctimeNs'>, nowMs: number): boolean {
  const newest = st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs
  const window = Math.max(racyWindowMs(st.mtimeNs), racyWindowMs(st.ctimeNs))
  return nowMs - Number(newest / 1_000_000n) > window
}

export interface CachedReader {
  /** The current data (frozen, shared), or the parse outcome when it is not a valid store. */
  read(): Promise<ReadResult>
  /** Forget the cache (after our own write). */
  invalidate(): void
}

/** Test seam: the stat a reader takes (a test gives one with a coarse ctime). */
export type StatFn = (file: string) => BigIntStats

/** A reader of `file` that re-parses only when the file changed. */
export function createCachedReader(
  file: string,
  stat: StatFn = (f) => statSync(f, { bigint: true }),
): CachedReader {
  let cache: { key: string; trusted: boolean; text: string; data: StoreData } | null = null
  return {
    invalidate: () => void (cache = null),
    async read() {
      let st
      try {
        st = stat(file)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
        cache = null
        return { kind: 'absent' }
      }
      if (!st.isFile()) {
        cache = null
        return { kind: 'corrupt', problem: 'not a file' }
      }
      const key = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`
      if (cache?.trusted && cache.key === key) return { kind: 'ok', data: cache.data }
      // Decided from the stat taken before the read: a later write changes the key anyway.
      const trusted = settledAt(st, Date.now())
      const text = readText(file)
      if (text === null) {
        cache = null
        return { kind: 'absent' }
      }
      if (cache && cache.text === text) {
        cache = { ...cache, key, trusted }
        return { kind: 'ok', data: cache.data }
      }
      const parsed = parseStoreText(text)
      if (parsed.kind !== 'ok') {
        cache = null
        return parsed
      }
      cache = { key, trusted, text, data: deepFreeze(parsed.data) }
      return parsed
    },
  }
}
