/**
 * A log file in the data folder that never grows without bound (issue 13): private to the user
 * (folder 0700, files 0600), rotated at `maxBytes` into `name.1` … `name.<keep-1>`, the oldest
 * dropped. Writes are synchronous appends: a line is on disk before the process can exit, and log
 * volume is a few lines per failure.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { LogSink } from './logger'

export interface RotatingFileOptions {
  dir: string
  /** File name, e.g. `main.log`. */
  name: string
  /** Size at which the file is rotated (default 1 MiB). */
  maxBytes?: number
  /** How many files exist at most, the live one included (default 3). */
  keep?: number
}

/** A sink appending to `<dir>/<name>`, rotated by size; `path` is the live file. */
export function createRotatingFile(options: RotatingFileOptions): LogSink & { path: string } {
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const keep = Math.max(1, options.keep ?? 3)
  const file = path.join(options.dir, options.name)
  let size: number | null = null

  const prepare = () => {
    fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 })
    try {
      const st = fs.statSync(file)
      size = st.size
      // A file left with wider rights (copied, restored) is narrowed before we add to it.
      if ((st.mode & 0o077) !== 0) fs.chmodSync(file, 0o600)
    } catch {
      size = 0
    }
  }
  const rotate = () => {
    fs.rmSync(`${file}.${keep - 1}`, { force: true })
    for (let i = keep - 2; i >= 1; i--) {
      if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`)
    }
    if (keep > 1) fs.renameSync(file, `${file}.1`)
    else fs.rmSync(file, { force: true })
    size = 0
  }
  return {
    path: file,
    write(line) {
      if (size === null) prepare()
      const bytes = Buffer.byteLength(line)
      if ((size ?? 0) > 0 && (size ?? 0) + bytes > maxBytes) rotate()
      fs.appendFileSync(file, line, { mode: 0o600 })
      size = (size ?? 0) + bytes
    },
  }
}
