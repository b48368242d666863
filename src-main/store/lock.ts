/**
 * A cross-process lock file: created with O_EXCL, holding the owner's pid and start time. A lock
 * whose pid is dead, or that is older than `staleMs`, is broken — under a second short-lived
 * "breaker" lock and only if it still holds what we judged stale, so two waiters can never both
 * break it and one of them delete the other's fresh lock.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import { AppError } from '../errors'

export interface LockOptions {
  /** A lock older than this is taken over even when its pid looks alive (default 10 s). */
  staleMs?: number
  /** Give up after this long (default 20 s). */
  timeoutMs?: number
}

interface LockInfo {
  pid: number
  time: number
  token: string
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readLock(file: string): Promise<{ raw: string; info: LockInfo | null } | null> {
  try {
    const raw = await fs.readFile(file, 'utf8')
    try {
      return { raw, info: JSON.parse(raw) as LockInfo }
    } catch {
      return { raw, info: null }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

async function isStale(file: string, info: LockInfo | null, staleMs: number): Promise<boolean> {
  if (!info) {
    // Half-written lock (its owner died between open and write): judge by the file's age.
    const st = await fs.stat(file).catch(() => null)
    return !st || Date.now() - st.mtimeMs > Math.min(staleMs, 2000)
  }
  if (!pidAlive(info.pid)) return true
  return Date.now() - info.time > staleMs
}

async function tryCreate(file: string, content: string): Promise<boolean> {
  try {
    const fh = await fs.open(file, 'wx', 0o600)
    try {
      await fh.writeFile(content)
    } finally {
      await fh.close()
    }
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
}

/** Removes `file` if it still holds `raw`, guarded by a breaker lock. */
async function breakStale(file: string, raw: string, staleMs: number): Promise<void> {
  const breaker = `${file}.break`
  if (!(await tryCreate(breaker, JSON.stringify({ pid: process.pid, time: Date.now() })))) {
    const b = await readLock(breaker)
    if (b && (await isStale(breaker, b.info, staleMs))) await fs.rm(breaker, { force: true })
    return
  }
  try {
    const again = await readLock(file)
    if (again && again.raw === raw) await fs.rm(file, { force: true })
  } finally {
    await fs.rm(breaker, { force: true })
  }
}

/** Runs `fn` while holding the lock file; always releases it (only if it is still ours). */
export async function withLock<T>(
  file: string,
  fn: () => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const staleMs = opts.staleMs ?? 10_000
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000)
  const info: LockInfo = {
    pid: process.pid,
    time: Date.now(),
    token: randomBytes(8).toString('hex'),
  }
  let delay = 2
  for (;;) {
    info.time = Date.now()
    const content = JSON.stringify(info)
    if (await tryCreate(file, content)) {
      try {
        return await fn()
      } finally {
        const cur = await readLock(file).catch(() => null)
        if (cur?.raw === content) await fs.rm(file, { force: true })
      }
    }
    const cur = await readLock(file)
    if (cur && (await isStale(file, cur.info, staleMs))) {
      await breakStale(file, cur.raw, staleMs)
      continue
    }
    if (Date.now() > deadline) {
      throw new AppError(
        'conflict',
        'The data file is busy; another Switchboard process holds it.',
        {
          reason: 'store_busy',
        },
      )
    }
    await sleep(delay + Math.random() * delay)
    delay = Math.min(delay * 2, 50)
  }
}
