/**
 * Crash-safe file replacement: write a temp file beside the target, fsync it, rename it over the
 * target, fsync the directory. A reader (or a process killed mid-write) sees the old bytes or the
 * new bytes, never a mix.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/** Atomically replaces `file` with `content`, created with `mode` (default 0600). */
export async function writeFileAtomic(file: string, content: string | Buffer, mode = 0o600) {
  const dir = path.dirname(file)
  const tmp = path.join(
    dir,
    `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  )
  const fh = await fs.open(tmp, 'wx', mode)
  try {
    await fh.writeFile(content)
    await fh.sync()
  } catch (err) {
    await fh.close().catch(() => undefined)
    await fs.rm(tmp, { force: true })
    throw err
  }
  await fh.close()
  try {
    await fs.rename(tmp, file)
  } catch (err) {
    await fs.rm(tmp, { force: true })
    throw err
  }
  await fsyncDir(dir)
}

/** Makes a rename durable; directories cannot be opened for fsync on Windows, which is fine. */
export async function fsyncDir(dir: string): Promise<void> {
  let dh: fs.FileHandle | undefined
  try {
    dh = await fs.open(dir, 'r')
    await dh.sync()
  } catch {
    // Not supported on this platform / filesystem.
  } finally {
    await dh?.close().catch(() => undefined)
  }
}

/** Removes temp files left behind by writers that were killed (their pid is gone). */
export async function removeOrphanTemps(file: string): Promise<void> {
  const dir = path.dirname(file)
  const prefix = `.${path.basename(file)}.tmp-`
  const names = await fs.readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length).split('-')[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch (err) {
      alive = (err as NodeJS.ErrnoException).code === 'EPERM'
    }
    if (!alive) await fs.rm(path.join(dir, name), { force: true })
  }
}
