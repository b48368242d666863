/** Shared by the group commit tests: the queue folder, its op files, a held lock. */
import fs from 'node:fs'
import path from 'node:path'
import type { FileStore } from '../../../src-main/store/file-store'
import type { OpApplier } from '../../../src-main/store/schema'

export const queueDir = (home: string) => path.join(home, 'switchboard.json.lock.queue')
export const opFiles = (home: string) => {
  try {
    return fs.readdirSync(queueDir(home)).filter((n) => n.endsWith('.op'))
  } catch {
    return []
  }
}

export async function waitFor(pred: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000
  while (!pred()) {
    if (Date.now() > end) throw new Error(`never saw ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** Holds the store's lock (inside an update) until `release()`; the update sets theme dark. */
export async function holdLock(store: FileStore) {
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  let entered!: () => void
  const inside = new Promise<void>((r) => (entered = r))
  const done = store.update(async (d) => {
    entered()
    await gate
    d.settings.theme = 'dark'
  })
  await inside
  return { release, done }
}

/** A test op: adds a local target once (idempotent), answering whether it added it. */
export const targetApplier: OpApplier<string, string> = {
  parse: (p) => (typeof p === 'string' && p.startsWith('http') ? p : null),
  apply(data, url) {
    if (data.settings.localTargets.includes(url)) return { result: 'there' }
    data.settings.localTargets.push(url)
    return { result: 'added' }
  },
  parseResult: (r) => (r === 'added' || r === 'there' ? r : null),
}
