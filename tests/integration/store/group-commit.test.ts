/**
 * Group commit (issue 17; src-main/store/queued-ops, src-main/store/lock-queue): a writer queued
 * behind the lock holder publishes its change as an op, the holder applies it in its own write
 * and answers, and the waiter returns without taking the lock. Ops the holder does not know, or
 * that are not valid, are left to their owners; plain updates queue as before.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createFileStore, type FileStoreOptions } from '../../../src-main/store/file-store'
import type { OpApplier } from '../../../src-main/store/schema'
import { AppError } from '../../../src-main/errors'
import { tmpHome } from '../../support/home'
import { holdLock, opFiles, queueDir, targetApplier, waitFor } from './group-commit-helpers'

/** A store that counts the times it took the lock. */
function counted(home: string, opts: FileStoreOptions = {}) {
  const taken = { count: 0 }
  const store = createFileStore(home, { ...opts, onAcquired: () => void (taken.count += 1) })
  store.register('test.target', targetApplier)
  return { store, taken }
}

describe('group commit', () => {
  it('the holder applies the ops queued behind it in its one write and answers them', async () => {
    const home = tmpHome()
    // The bench's view of the hand-off: once per batch, with how many ops it answered.
    const left: number[] = []
    const holder = counted(home, { onLeave: (_ms, answered) => void left.push(answered) })
    const b = counted(home)
    const c = counted(home)
    const hold = await holdLock(holder.store)
    const pb = b.store.commit<string>({ kind: 'test.target', payload: 'http://b:1' })
    const pc = c.store.commit<string>({ kind: 'test.target', payload: 'http://c:1' })
    await waitFor(() => opFiles(home).length === 2, 'both ops published')
    hold.release()
    await hold.done
    expect(await pb).toEqual({ done: true, result: 'added' })
    expect(await pc).toEqual({ done: true, result: 'added' })
    // Answered by the holder: neither waiter ever took the lock.
    expect([b.taken.count, c.taken.count]).toEqual([0, 0])
    expect(left).toEqual([2])
    const data = await createFileStore(home).read()
    expect(data.settings.theme).toBe('dark')
    // In queue order, which is whichever joined first.
    expect([...data.settings.localTargets].sort()).toEqual(['http://b:1', 'http://c:1'])
    // Nothing left behind: the last one out removed the queue folder.
    expect(fs.existsSync(queueDir(home))).toBe(false)
  })

  it('applies an op once: applied again by its owner it is a no-op reported as done', async () => {
    const home = tmpHome()
    const { store, taken } = counted(home)
    const op = { kind: 'test.target', payload: 'http://once:1' }
    expect(await store.commit(op)).toEqual({ done: true, result: 'added' })
    expect(await store.commit(op)).toEqual({ done: true, result: 'there' })
    expect(taken.count).toBe(2)
    expect((await store.read()).settings.localTargets).toEqual(['http://once:1'])
  })

  it('leaves an op of a kind the holder does not know, and a plain update, to their owners', async () => {
    const home = tmpHome()
    const holder = createFileStore(home) // knows no kind at all
    const b = counted(home)
    // Knows no kind either: it may join ahead of b (each store's first call awaits its own
    // folder check), and a holder that knows the kind would then rightly answer b's op.
    const plain = {
      store: createFileStore(home, { onAcquired: () => void (plain.taken.count += 1) }),
      taken: { count: 0 },
    }
    const hold = await holdLock(holder)
    const pb = b.store.commit<string>({ kind: 'test.target', payload: 'http://b:2' })
    const pp = plain.store.update((d) => void d.settings.localTargets.push('http://plain:2'))
    await waitFor(() => opFiles(home).length === 1, 'the op published')
    hold.release()
    await hold.done
    expect(await pb).toEqual({ done: true, result: 'added' })
    await pp
    // Each took its own turn, as before group commit.
    expect([b.taken.count, plain.taken.count]).toEqual([1, 1])
    expect([...(await createFileStore(home).read()).settings.localTargets].sort()).toEqual([
      'http://b:2',
      'http://plain:2',
    ])
  })

  it('answers an op its applier refuses with that error, and writes nothing for it', async () => {
    const home = tmpHome()
    const holder = createFileStore(home)
    holder.register('test.target', {
      ...targetApplier,
      apply: () => {
        throw new AppError('validation', 'No such target.', { field: 'url' })
      },
    })
    const b = counted(home)
    const hold = await holdLock(holder)
    const pb = b.store.commit<string>({ kind: 'test.target', payload: 'http://b:4' })
    await waitFor(() => opFiles(home).length === 1, 'the op published')
    hold.release()
    await hold.done
    await expect(pb).rejects.toMatchObject({
      code: 'validation',
      message: 'No such target.',
      params: { field: 'url' },
    })
    expect(b.taken.count).toBe(0)
    expect((await createFileStore(home).read()).settings.localTargets).toEqual([])
  })

  it('leaves an op whose holder-side applier crashes to its owner', async () => {
    const home = tmpHome()
    const refusing: OpApplier<string, string> = {
      ...targetApplier,
      apply: () => {
        throw new (class extends Error {})('not an AppError')
      },
    }
    const holder = createFileStore(home)
    holder.register('test.target', refusing)
    const b = counted(home)
    const hold = await holdLock(holder)
    const pb = b.store.commit<string>({ kind: 'test.target', payload: 'http://b:3' })
    await waitFor(() => opFiles(home).length === 1, 'the op published')
    hold.release()
    await hold.done
    // A holder's applier that crashes leaves the op: its owner applies it with its own rule.
    expect(await pb).toEqual({ done: true, result: 'added' })
    expect(b.taken.count).toBe(1)
  })
})
