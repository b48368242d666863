/**
 * The store as the gateway sees it, cached between requests: re-reading and parsing the JSON file
 * (and decrypting keys) on every request would cost more than the whole latency budget (DESIGN
 * §14: p50 < 1 ms). Instead the file's identity (inode — every atomic write renames a new file
 * into place — mtime and size) is checked with one stat per request (a few µs), so a token
 * revoked by the CLI, a test result or a new default is seen by the very next request.
 */
import fs from 'node:fs'
import type { DecryptedCredential } from '../providers/adapter-types'
import type { StoreData } from '../store/schema'

export interface SnapshotDeps {
  read: () => Promise<StoreData>
  /** The store file (null: no file to watch; every `invalidate()` is the only refresh). */
  file: string | null
  getDecrypted: (id: string) => Promise<DecryptedCredential>
}

export interface Snapshot {
  data(): Promise<StoreData>
  decrypted(id: string): Promise<DecryptedCredential>
  invalidate(): void
}

export function createSnapshot(deps: SnapshotDeps): Snapshot {
  let cached: StoreData | null = null
  let loading: Promise<StoreData> | null = null
  let version = ''
  const keys = new Map<string, { stamp: string | undefined; key: Promise<DecryptedCredential> }>()

  // Sync on purpose: a stat of a local file is cheaper than a trip through the thread pool.
  const stamp = (): string => {
    if (!deps.file) return 'static'
    try {
      const s = fs.statSync(deps.file)
      return `${s.mtimeMs}:${s.size}:${s.ino}`
    } catch {
      return 'absent'
    }
  }

  const load = async (): Promise<StoreData> => {
    const v = stamp()
    const data = await deps.read()
    version = v
    cached = data
    // Keep decrypted keys of credentials that did not change (usage flushes rewrite the file).
    const stamps = new Map(data.credentials.map((c) => [c.id, c.updatedAt]))
    for (const [id, entry] of keys) if (stamps.get(id) !== entry.stamp) keys.delete(id)
    return data
  }

  return {
    async data() {
      if (loading) return loading
      if (cached && stamp() === version) return cached
      loading = load().finally(() => {
        loading = null
      })
      return loading
    },
    decrypted(id) {
      const hit = keys.get(id)
      if (hit) return hit.key
      const key = deps.getDecrypted(id)
      const entry = { stamp: cached?.credentials.find((c) => c.id === id)?.updatedAt, key }
      key.catch(() => {
        if (keys.get(id) === entry) keys.delete(id)
      })
      keys.set(id, entry)
      return key
    },
    // The data is read again on next use; decrypted keys stay unless their credential changed
    // (load() compares updatedAt). Dropping them here made every usage flush cost the next
    // request a decryption and its upstream a fresh vetting (guarded-stream.ts).
    invalidate() {
      cached = null
    },
  }
}
