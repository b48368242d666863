/**
 * Every way through the store lock ends (issue 11): odd things at the lock path — a stale lock
 * with a stuck breaker, a live pid with a time in the future, a dangling symlink, a directory,
 * garbage, an empty file — either get cleared or end in `store_locked` naming the file, never a
 * wait that fails forever, a spin at full CPU, or an `internal` error.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppError } from '../../../src-main/errors'
import { createFileStore, STORE_FILE } from '../../../src-main/store/file-store'
import { withLock } from '../../../src-main/store/lock'
import { tmpHome } from '../vault/helpers'

/** A pid that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'])
  await new Promise((r) => child.on('exit', r))
  return child.pid!
}

const lockOf = (home: string) => path.join(home, `${STORE_FILE}.lock`)
const setTheme = (home: string, opts = {}) =>
  createFileStore(home, opts).update((d) => void (d.settings.theme = 'dark'))
const themeOf = async (home: string) => (await createFileStore(home).read()).settings.theme

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    return err as AppError
  }
  throw new Error('expected a failure')
}

/** Makes a file look written long ago (so a garbage lock needs no grace period). */
const age = (file: string) => fs.utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1))

describe('store lock: every path ends', () => {
  it('clears a stale lock even when a stuck breaker (live pid) sits beside it', async () => {
    const home = tmpHome()
    fs.writeFileSync(lockOf(home), JSON.stringify({ pid: await deadPid(), time: Date.now() }))
    // A breaker "held" by a live process, dated in the future so its time never makes it stale
    // (before the fix: a busy loop at full CPU, never checking the deadline).
    fs.writeFileSync(
      `${lockOf(home)}.break`,
      JSON.stringify({ pid: process.ppid, time: Date.now() + 365 * 24 * 3600_000 }),
    )
    await setTheme(home)
    expect(await themeOf(home)).toBe('dark')
    expect(fs.readdirSync(home).filter((n) => n.includes('.lock'))).toEqual([])
  })

  it('ends in store_locked by its deadline when the stuck breaker is not a file', async () => {
    const home = tmpHome()
    fs.writeFileSync(lockOf(home), JSON.stringify({ pid: await deadPid(), time: Date.now() }))
    fs.mkdirSync(`${lockOf(home)}.break`)
    const err = await failure(setTheme(home, { timeoutMs: 500 }))
    expect(err.code).toBe('store_locked')
    expect(err.params).toMatchObject({ file: `${lockOf(home)}.break`, context: 'odd' })
    expect(err.message).toContain(`${lockOf(home)}.break`)
  })

  it('breaks a lock of a live pid whose time lies in the future', async () => {
    const home = tmpHome()
    fs.writeFileSync(
      lockOf(home),
      JSON.stringify({ pid: process.ppid, time: Date.now() + 365 * 24 * 3600_000, token: 'x' }),
    )
    await setTheme(home)
    expect(await themeOf(home)).toBe('dark')
    expect(fs.existsSync(lockOf(home))).toBe(false)
  })

  it('reports a dangling symlink at the lock path as store_locked naming it, and leaves it', async () => {
    const home = tmpHome()
    fs.symlinkSync(path.join(home, 'nowhere'), lockOf(home))
    const err = await failure(setTheme(home, { timeoutMs: 1000 }))
    expect(err.code).toBe('store_locked')
    expect(err.params).toMatchObject({ file: lockOf(home), context: 'odd' })
    expect(err.message).toContain(lockOf(home))
    expect(err.message).toContain('symlink')
    expect(fs.lstatSync(lockOf(home)).isSymbolicLink()).toBe(true)
  })

  it('reports a directory at the lock path as store_locked (not internal), and leaves it', async () => {
    const home = tmpHome()
    fs.mkdirSync(lockOf(home))
    fs.writeFileSync(path.join(lockOf(home), 'keep.txt'), 'mine')
    const err = await failure(setTheme(home, { timeoutMs: 1000 }))
    expect(err.code).toBe('store_locked')
    expect(err.params).toMatchObject({ file: lockOf(home), context: 'odd' })
    expect(err.message).toContain('directory')
    expect(fs.readFileSync(path.join(lockOf(home), 'keep.txt'), 'utf8')).toBe('mine')
  })

  for (const [label, content] of [
    ['garbage text', 'not a lock at all'],
    ['an empty file', ''],
    ['a live pid with a time that is not a number', '{"pid":1,"time":"soon"}'],
    ['a negative pid', '{"pid":-5,"time":0}'],
    ['a JSON array', '[1,2,3]'],
  ] as const) {
    it(`breaks a lock file holding ${label}`, async () => {
      const home = tmpHome()
      fs.writeFileSync(lockOf(home), content)
      age(lockOf(home))
      await setTheme(home)
      expect(await themeOf(home)).toBe('dark')
      expect(fs.existsSync(lockOf(home))).toBe(false)
    })
  }

  it('breaks fresh garbage after its grace period (judged on our own clock)', async () => {
    const home = tmpHome()
    fs.writeFileSync(lockOf(home), '{"pid":1,"time":"soon"}')
    // Its mtime says "just written" and even "in the future": only watching it tells it is stuck.
    const future = new Date(Date.now() + 3600_000)
    fs.utimesSync(lockOf(home), future, future)
    await setTheme(home)
    expect(await themeOf(home)).toBe('dark')
  })

  it('names the live holder and the file when a fresh lock outlasts the deadline', async () => {
    const home = tmpHome()
    fs.writeFileSync(lockOf(home), JSON.stringify({ pid: process.ppid, time: Date.now() }))
    const err = await failure(setTheme(home, { timeoutMs: 300 }))
    expect(err.code).toBe('store_locked')
    expect(err.params).toEqual({ file: lockOf(home), pid: process.ppid, context: 'held' })
    expect(err.message).toContain(String(process.ppid))
    expect(err.message).toContain(lockOf(home))
    expect(err.message).toMatch(/if no Switchboard is running, delete that file/)
    expect(fs.existsSync(lockOf(home))).toBe(true) // someone else's lock is left alone
  })

  it('reports a lock that cannot be created as store_locked naming it', async () => {
    const lock = path.join(tmpHome(), 'missing-folder', 'x.lock')
    const err = await failure(withLock(lock, async () => 1, { timeoutMs: 500 }))
    expect(err.code).toBe('store_locked')
    expect(err.params).toMatchObject({ file: lock, context: 'unwritable' })
  })
})
