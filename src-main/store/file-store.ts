/**
 * The Store over `<home>/switchboard.json` (DESIGN §3): plain JSON, schema-versioned, every
 * read-modify-write under a cross-process lock and written atomically, so the app and the CLI can
 * write at the same time. A file that does not parse is moved aside and reported, never silently
 * replaced by an empty store.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../errors'
import { removeOrphanTemps, writeFileAtomic } from './atomic-write'
import { withLock, type LockOptions } from './lock'
import { emptyStoreData, migrate } from './migrations'
import type { Store, StoreData } from './schema'

export const STORE_FILE = 'switchboard.json'

export interface FileStoreOptions extends LockOptions {
  clock?: () => Date
}

/** The file store plus where it lives. */
export interface FileStore extends Store {
  readonly file: string
  readonly home: string
}

type Parsed =
  { kind: 'absent' } | { kind: 'ok'; doc: Record<string, unknown> } | { kind: 'corrupt' }

async function readRaw(file: string): Promise<Parsed> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' }
    throw err
  }
  try {
    const doc = JSON.parse(text) as unknown
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { kind: 'corrupt' }
    if (!Array.isArray((doc as { credentials?: unknown }).credentials ?? []))
      return { kind: 'corrupt' }
    return { kind: 'ok', doc: doc as Record<string, unknown> }
  } catch {
    return { kind: 'corrupt' }
  }
}

/** Creates the store for a data directory (the directory is created on the first write). */
export function createFileStore(home: string, options: FileStoreOptions = {}): FileStore {
  const file = path.join(home, STORE_FILE)
  const lockFile = `${file}.lock`
  const clock = options.clock ?? (() => new Date())

  const ensureHome = async () => {
    await fs.mkdir(home, { recursive: true, mode: 0o700 })
  }

  /** Renames the unreadable file to `switchboard.json.corrupt-<timestamp>`; returns the new path. */
  const moveAside = async (): Promise<string> => {
    const stamp = clock().toISOString().replace(/[:.]/g, '-')
    const target = `${file}.corrupt-${stamp}`
    await fs.rename(file, target)
    return target
  }

  const corrupt = (moved: string | null) =>
    new AppError(
      'store_corrupt',
      moved
        ? `The data file could not be read and was moved to ${moved}.`
        : 'The data file could not be read.',
      moved ? { file: moved } : undefined,
    )

  /** Moves a corrupt file aside (under the lock, so only one process does it) and throws. */
  const quarantine = async (): Promise<never> => {
    const moved = await withLock(
      lockFile,
      async () => ((await readRaw(file)).kind === 'corrupt' ? moveAside() : null),
      options,
    )
    throw corrupt(moved)
  }

  return {
    file,
    home,
    read: async () => {
      const raw = await readRaw(file)
      if (raw.kind === 'absent') return emptyStoreData()
      if (raw.kind === 'corrupt') {
        await ensureHome()
        return quarantine()
      }
      return migrate(raw.doc).data
    },
    async update<T>(fn: (data: StoreData) => T | Promise<T>): Promise<T> {
      await ensureHome()
      return withLock(
        lockFile,
        async () => {
          const raw = await readRaw(file)
          if (raw.kind === 'corrupt') throw corrupt(await moveAside())
          const data = raw.kind === 'absent' ? emptyStoreData() : migrate(raw.doc).data
          // Compare against the migrated data so a no-op update writes nothing (not even a new file).
          const before = JSON.stringify(data)
          const result = await fn(data)
          const after = JSON.stringify(data)
          if (after !== before) {
            await removeOrphanTemps(file)
            await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 0o600)
          }
          return result
        },
        options,
      )
    },
  }
}
