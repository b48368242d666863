/**
 * The record in a lock file and how it is judged (src-main/store/lock-record.ts): only a real
 * record parses (any junk is null), what sits at a lock path is named without following a
 * symlink, a record is stale when its process is gone or it is old (a beating holder judged by
 * its file's mtime), and a beat touches only our own record. Times are set an hour apart, so no
 * assertion depends on how fast the machine is.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  FUTURE_SKEW_MS,
  beat,
  inspect,
  isStale,
  parseInfo,
  pidAlive,
  type Seen,
} from '../../../src-main/store/lock-record'
import { tmpHome } from '../../support/home'

const HOUR = 3_600_000
const deadPid = () =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout)

/** A lock file holding `record`, its mtime set to `mtime`. */
function lockFile(record: unknown, mtime = new Date()): string {
  const file = path.join(tmpHome('sb-lock-record-'), 'switchboard.lock')
  fs.writeFileSync(file, typeof record === 'string' ? record : JSON.stringify(record))
  fs.utimesSync(file, mtime, mtime)
  return file
}
const seen = (file: string) => inspect(file) as Seen & { kind: 'lock' }

describe('parseInfo', () => {
  it('takes a positive pid and a time not in the future', () => {
    const now = Date.now()
    expect(parseInfo(JSON.stringify({ pid: 42, time: now }))).toEqual({
      pid: 42,
      time: now,
      beat: false,
    })
    expect(parseInfo(JSON.stringify({ pid: 42, time: now, beat: true }))?.beat).toBe(true)
    for (const bad of [
      '',
      'garbage',
      'null',
      '[]',
      '{"pid":0,"time":1}',
      '{"pid":1.5,"time":1}',
      '{"pid":"42","time":1}',
      '{"pid":42}',
      JSON.stringify({ pid: 42, time: now + FUTURE_SKEW_MS + HOUR }),
    ]) {
      expect(parseInfo(bad), bad).toBeNull()
    }
  })

  it('never throws, and whatever it accepts is a sane record', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .record({ pid: fc.anything(), time: fc.anything() })
            .map((o) => JSON.stringify(o) ?? ''),
        ),
        (raw) => {
          const info = parseInfo(raw)
          if (info === null) return
          expect(Number.isSafeInteger(info.pid) && info.pid > 0).toBe(true)
          expect(Number.isFinite(info.time)).toBe(true)
        },
      ),
    )
  })
})

describe('inspect', () => {
  it('names what sits at the path without following a symlink', () => {
    const dir = tmpHome('sb-lock-record-')
    expect(inspect(path.join(dir, 'none'))).toEqual({ kind: 'gone' })
    expect(inspect(dir)).toEqual({ kind: 'odd', what: 'directory' })
    const target = lockFile({ pid: process.pid, time: Date.now() })
    fs.symlinkSync(target, path.join(dir, 'link'))
    expect(inspect(path.join(dir, 'link'))).toEqual({ kind: 'odd', what: 'symlink' })
    const s = seen(target)
    expect(s).toMatchObject({ kind: 'lock', info: { pid: process.pid } })
    expect(s.key).toContain(s.raw)
  })
})

describe('isStale', () => {
  it('is stale when the holder is gone, however fresh the record', () => {
    expect(isStale(seen(lockFile({ pid: deadPid(), time: Date.now() })), 0, HOUR)).toBe(true)
    expect(pidAlive(process.pid)).toBe(true)
  })

  it('judges a live holder by its time, or by its mtime when it beats', () => {
    const old = Date.now() - 2 * HOUR
    expect(isStale(seen(lockFile({ pid: process.pid, time: Date.now() })), 0, HOUR)).toBe(false)
    expect(isStale(seen(lockFile({ pid: process.pid, time: old })), 0, HOUR)).toBe(true)
    // A beating holder touched its file just now: alive although its record is old.
    expect(isStale(seen(lockFile({ pid: process.pid, time: old, beat: true })), 0, HOUR)).toBe(
      false,
    )
    // Watched unchanged for longer than staleMs: stale whatever it says.
    expect(isStale(seen(lockFile({ pid: process.pid, time: Date.now() })), 2 * HOUR, HOUR)).toBe(
      true,
    )
  })

  it('gives garbage a short grace, by its age or how long it was watched', () => {
    expect(isStale(seen(lockFile('garbage')), 0, HOUR)).toBe(false)
    expect(isStale(seen(lockFile('garbage', new Date(Date.now() - HOUR))), 0, HOUR)).toBe(true)
    expect(isStale(seen(lockFile('garbage')), HOUR, HOUR)).toBe(true)
  })
})

describe('beat', () => {
  it('touches the file only while it holds our record', () => {
    const raw = JSON.stringify({ pid: process.pid, time: Date.now(), beat: true })
    // Whole seconds: every filesystem stores them exactly.
    const past = new Date(Math.floor((Date.now() - HOUR) / 1000) * 1000)
    const file = lockFile(raw, past)
    beat(file, 'someone else')
    expect(fs.statSync(file).mtimeMs).toBe(past.getTime())
    beat(file, raw)
    expect(fs.statSync(file).mtimeMs).toBeGreaterThan(past.getTime())
    expect(() => beat(path.join(path.dirname(file), 'gone'), raw)).not.toThrow()
  })
})
