import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { createFileStore, STORE_FILE } from '../../../src-main/store/file-store'
import { withLock } from '../../../src-main/store/lock'
import { SCHEMA_VERSION } from '../../../src-main/store/schema'
import { snapshot, tmpHome } from '../vault/helpers'

const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8)

/** A pid that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'])
  await new Promise((r) => child.on('exit', r))
  return child.pid!
}

describe('file store', () => {
  it('reads an absent file as the empty store without creating anything', async () => {
    const home = path.join(tmpHome(), 'nested', 'Switchboard')
    const store = createFileStore(home)
    const data = await store.read()
    expect(data.schemaVersion).toBe(SCHEMA_VERSION)
    expect(data.credentials).toEqual([])
    expect(fs.existsSync(home)).toBe(false)
    // A no-op update writes nothing either.
    await store.update(() => undefined)
    expect(fs.existsSync(path.join(home, STORE_FILE))).toBe(false)
  })

  it('creates the directory 0700 and the file 0600, written as JSON', async () => {
    const home = path.join(tmpHome(), 'Switchboard')
    const store = createFileStore(home)
    await store.update((d) => {
      d.settings.theme = 'dark'
    })
    expect(mode(home)).toBe('700')
    expect(mode(path.join(home, STORE_FILE))).toBe('600')
    expect(JSON.parse(fs.readFileSync(path.join(home, STORE_FILE), 'utf8')).settings.theme).toBe(
      'dark',
    )
    expect((await createFileStore(home).read()).settings.theme).toBe('dark')
    // No temp or lock files are left behind.
    expect([...snapshot(home).keys()]).toEqual([STORE_FILE])
  })

  it('serializes concurrent updates from one process (each re-reads under the lock)', async () => {
    const home = tmpHome()
    const a = createFileStore(home)
    const b = createFileStore(home)
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? a : b).update((d) => {
          d.settings.localTargets.push(`http://10.0.0.${i}:11434`)
        }),
      ),
    )
    expect((await a.read()).settings.localTargets).toHaveLength(30)
  })

  it('writes nothing when the update function throws', async () => {
    const home = tmpHome()
    const store = createFileStore(home)
    await store.update((d) => void (d.settings.language = 'it-IT'))
    const before = snapshot(home)
    await expect(
      store.update((d) => {
        d.settings.language = 'ja-JP'
        throw new AppError('validation', 'nope')
      }),
    ).rejects.toThrow('nope')
    expect(snapshot(home)).toEqual(before)
  })

  it('moves a corrupt file aside and reports store_corrupt naming it', async () => {
    const home = tmpHome()
    const file = path.join(home, STORE_FILE)
    fs.writeFileSync(file, '{"credentials": [ {"id": "a"')
    const store = createFileStore(home, { clock: () => new Date('2030-01-02T03:04:05.678Z') })
    let err: AppError | undefined
    try {
      await store.read()
    } catch (e) {
      err = e as AppError
    }
    expect(err?.code).toBe('store_corrupt')
    const moved = `${file}.corrupt-2030-01-02T03-04-05-678Z`
    expect(err?.params).toEqual({ file: moved })
    expect(err?.message).toContain(moved)
    expect(fs.readFileSync(moved, 'utf8')).toBe('{"credentials": [ {"id": "a"')
    expect(fs.existsSync(file)).toBe(false)
  })

  it('treats a JSON value that is not a store object as corrupt, also inside update', async () => {
    const home = tmpHome()
    fs.writeFileSync(path.join(home, STORE_FILE), '[1,2,3]')
    const store = createFileStore(home)
    await expect(store.update(() => undefined)).rejects.toMatchObject({ code: 'store_corrupt' })
    expect(fs.readdirSync(home).some((n) => n.startsWith(`${STORE_FILE}.corrupt-`))).toBe(true)
  })

  it('migrates a v0 file on read and refuses a newer schema without touching it', async () => {
    const home = tmpHome()
    const file = path.join(home, STORE_FILE)
    fs.writeFileSync(file, JSON.stringify({ credentials: [], settings: { theme: 'light' } }))
    expect((await createFileStore(home).read()).settings).toMatchObject({
      theme: 'light',
      localTargets: [],
    })
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 99, credentials: [] }))
    await expect(createFileStore(home).read()).rejects.toMatchObject({ code: 'unsupported' })
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).schemaVersion).toBe(99)
  })
})

describe('store lock', () => {
  it('breaks the lock of a dead process', async () => {
    const home = tmpHome()
    const lock = path.join(home, `${STORE_FILE}.lock`)
    fs.writeFileSync(lock, JSON.stringify({ pid: await deadPid(), time: Date.now(), token: 'x' }))
    const started = Date.now()
    await createFileStore(home).update((d) => void (d.settings.theme = 'dark'))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(fs.existsSync(lock)).toBe(false)
  })

  it('breaks a lock older than the stale limit even when its pid lives', async () => {
    const home = tmpHome()
    const lock = path.join(home, `${STORE_FILE}.lock`)
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: process.ppid, time: Date.now() - 60_000, token: 'x' }),
    )
    await createFileStore(home).update((d) => void (d.settings.theme = 'dark'))
    expect((await createFileStore(home).read()).settings.theme).toBe('dark')
  })

  it('waits for a live, fresh lock and gives up with store_locked after the timeout', async () => {
    const home = tmpHome()
    const lock = path.join(home, `${STORE_FILE}.lock`)
    fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, time: Date.now(), token: 'x' }))
    const store = createFileStore(home, { timeoutMs: 300 })
    await expect(store.update(() => undefined)).rejects.toMatchObject({ code: 'store_locked' })
    expect(fs.existsSync(lock)).toBe(true) // someone else's lock is left alone
  })

  it('releases the lock when the holder throws, and only its own lock', async () => {
    const home = tmpHome()
    const lock = path.join(home, 'x.lock')
    await expect(withLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    )
    expect(fs.existsSync(lock)).toBe(false)
    const order: number[] = []
    await Promise.all(
      [1, 2, 3].map((n) =>
        withLock(lock, async () => {
          order.push(n)
          await new Promise((r) => setTimeout(r, 20))
          order.push(-n)
        }),
      ),
    )
    // Never two holders at once: each start is followed by its own end.
    for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe(-order[i]!)
  })
})
