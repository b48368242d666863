/**
 * Group commit hands each op over by rename (issue 17; src-main/store/late-offer,
 * src-main/store/commit-offer, src-main/store/queued-ops): the holder claims an op before
 * applying it and gives back what it leaves; a waiter at its deadline withdraws its op, and when
 * a holder holds the claim it waits for the answer instead of reporting `store_locked` for an
 * add that lands. A claim whose holder died is settled from the store. The race is forced with a holder child that stops between its
 * claim and its write (claim-child.ts); nothing asserts a time, only what each side reports.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../support/child-script'
import { createFileStore, type FileStoreOptions } from '../../../src-main/store/file-store'
import { tmpHome } from '../../support/home'
import { holdLock, opFiles, queueDir, targetApplier, waitFor } from './group-commit-helpers'

let script = ''

beforeAll(async () => {
  script = await bundleChild(path.join(__dirname, 'claim-child.ts'))
})

/** A store with the test op that counts its lock turns. */
function counted(home: string, opts: FileStoreOptions = {}) {
  const taken = { count: 0 }
  const store = createFileStore(home, { ...opts, onAcquired: () => void (taken.count += 1) })
  store.register('test.target', targetApplier)
  return { store, taken }
}

const names = (home: string) =>
  fs.existsSync(queueDir(home)) ? fs.readdirSync(queueDir(home)) : []
const targets = async (home: string) => (await createFileStore(home).read()).settings.localTargets

/** A holder child that took the lock, and a waiter queued behind it whose op it has claimed. */
async function claimedBehindChild(mode: 'kill' | 'block', waiterOpts: FileStoreOptions = {}) {
  const home = tmpHome()
  const child = spawn(process.execPath, [script, home, mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)))
  await waitFor(() => out.includes('holding\n'), 'the child holding the lock')
  const late = { claimed: false }
  const b = counted(home, { ...waiterOpts, onLateClaim: () => void (late.claimed = true) })
  const added = b.store.commit<string>({ kind: 'test.target', payload: 'http://b:1' })
  added.catch(() => undefined) // awaited by the test
  await waitFor(() => opFiles(home).length === 1, 'the op published')
  child.stdin!.write('go\n')
  await waitFor(() => out.includes('claimed\n'), 'the child claiming the op')
  // Renamed into place whole: the child goes on as soon as `go` exists, and a plain write
  // (create, then write) could let it read an empty file — a `fail` or `die` it never saw.
  const go = (how: string) => {
    fs.writeFileSync(path.join(home, 'go.tmp'), how)
    fs.renameSync(path.join(home, 'go.tmp'), path.join(home, 'go'))
  }
  return { home, child, exited, late, b, added, go, out: () => out }
}

// The waiter's deadline comes after the child claimed (a generous 3 s), its grace after that.
const LATE = { timeoutMs: 3000, staleMs: 5000 }

describe('group commit hand-over', () => {
  it('a waiter whose deadline comes while a holder holds the claim returns the answer', async () => {
    const t = await claimedBehindChild('block', LATE)
    await waitFor(() => t.late.claimed, 'the deadline with the op claimed')
    t.go('write')
    // Not store_locked: the add landed, and the holder's answer says so.
    expect(await t.added).toEqual({ done: true, result: 'added' })
    expect(await t.exited).toBe(null)
    expect(t.b.taken.count).toBe(0)
    expect(await targets(t.home)).toEqual(['http://b:1'])
  }, 30_000)

  it('a waiter whose deadline comes with no claim reports store_locked, and nobody applies it', async () => {
    const home = tmpHome()
    const holder = counted(home)
    const hold = await holdLock(holder.store)
    const b = counted(home, { timeoutMs: 200 })
    const added = b.store.commit<string>({ kind: 'test.target', payload: 'http://b:2' })
    await expect(added).rejects.toMatchObject({ code: 'store_locked' })
    expect(names(home).filter((n) => !/^\d+$/.test(n))).toEqual([])
    hold.release()
    await hold.done
    expect(await targets(home)).toEqual([])
    expect(b.taken.count).toBe(0)
  })

  it('a holder gives back an op it leaves: it is there again as its owner’s op, unclaimed', async () => {
    const home = tmpHome()
    const seen: string[][] = []
    const holder = createFileStore(home, { afterStoreWrite: () => void seen.push(names(home)) })
    holder.register('test.target', { ...targetApplier, apply: () => null })
    const b = counted(home)
    const hold = await holdLock(holder)
    const added = b.store.commit<string>({ kind: 'test.target', payload: 'http://b:3' })
    await waitFor(() => opFiles(home).length === 1, 'the op published')
    hold.release()
    await hold.done
    expect(seen[0]!.filter((n) => /\.(op|claimed)$/.test(n))).toEqual([opFiles(home)[0] ?? '1.op'])
    expect(await added).toEqual({ done: true, result: 'added' })
    expect(b.taken.count).toBe(1)
  })

  it('a holder whose write fails after its claim gives the op back: its owner takes its turn', async () => {
    const home = tmpHome()
    const holder = createFileStore(home, {
      afterClaim: () => {
        throw new Error('the disk is full')
      },
    })
    holder.register('test.target', targetApplier)
    const atTurn: string[][] = []
    const b = counted(home)
    const b2 = createFileStore(home, { onAcquired: () => void atTurn.push(names(home)) })
    b2.register('test.target', targetApplier)
    const hold = await holdLock(holder)
    const added = b2.commit<string>({ kind: 'test.target', payload: 'http://b:4' })
    await waitFor(() => opFiles(home).length === 1, 'the op published')
    hold.release()
    await expect(hold.done).rejects.toThrow('the disk is full')
    expect(await added).toEqual({ done: true, result: 'added' })
    // In its own turn the op was its own again (given back), not held by a claim.
    expect(atTurn[0]!.filter((n) => /\.(op|claimed)$/.test(n))).toEqual([
      expect.stringMatching(/\.op$/),
    ])
    expect(b.taken.count).toBe(0)
    expect(await targets(home)).toEqual(['http://b:4'])
  })

  it('a late waiter whose holder gives the op back withdraws it: store_locked, never applied', async () => {
    const t = await claimedBehindChild('block', LATE)
    await waitFor(() => t.late.claimed, 'the deadline with the op claimed')
    t.go('fail')
    await expect(t.added).rejects.toMatchObject({ code: 'store_locked' })
    expect(await t.exited).toBe(null)
    expect(t.out()).toContain('failed the write fails')
    expect(await targets(t.home)).toEqual([])
  }, 30_000)

  it('a holder that dies after claiming: its owner takes its turn and adds once', async () => {
    const t = await claimedBehindChild('kill')
    expect(await t.exited).toBe('SIGKILL')
    expect(await t.added).toEqual({ done: true, result: 'added' })
    expect(t.b.taken.count).toBe(1)
    expect(await targets(t.home)).toEqual(['http://b:1'])
  }, 30_000)

  it('a late waiter whose holder died holding the claim reads the store: not landed', async () => {
    const t = await claimedBehindChild('block', LATE)
    await waitFor(() => t.late.claimed, 'the deadline with the op claimed')
    t.child.kill('SIGKILL')
    await expect(t.added).rejects.toMatchObject({ code: 'store_locked' })
    expect(await targets(t.home)).toEqual([])
    expect(names(t.home).filter((n) => /\.(op|claimed)$/.test(n))).toEqual([])
  }, 30_000)

  it('a late waiter whose holder died after writing, before answering, reads the store: landed', async () => {
    const t = await claimedBehindChild('block', LATE)
    await waitFor(() => t.late.claimed, 'the deadline with the op claimed')
    t.go('die')
    expect(await t.exited).toBe('SIGKILL')
    expect(await t.added).toEqual({ done: true, result: 'there' })
    expect(await targets(t.home)).toEqual(['http://b:1'])
  }, 30_000)

  it('the last one out sweeps claimed and withdrawn files of dead owners, not what it never writes', async () => {
    const home = tmpHome()
    const dir = queueDir(home)
    fs.mkdirSync(dir, { recursive: true })
    for (const n of ['7.claimed', '7.withdrawn', '8.op', '8.done', '9.claimed.tmp-1-ab'])
      fs.writeFileSync(path.join(dir, n), 'left')
    await createFileStore(home).update((d) => void (d.settings.theme = 'dark'))
    expect(fs.existsSync(dir)).toBe(false)
    // A folder named like a claim is not ours: left, and the store still works.
    fs.mkdirSync(path.join(dir, '5.claimed'), { recursive: true })
    fs.symlinkSync('/etc/passwd', path.join(dir, '6.withdrawn'))
    await createFileStore(home).update((d) => void (d.settings.theme = 'light'))
    expect(names(home).sort()).toEqual(['5.claimed'])
    expect(fs.existsSync('/etc/passwd')).toBe(true)
  })
})
