import { describe, expect, it } from 'vitest'
import { createBatchWriter } from '../../../src-main/store/batch-writer'

describe('batch writer', () => {
  it('coalesces what is written in one turn, then what arrives during a flush', async () => {
    const flushes: number[][] = []
    let release!: () => void
    const write = createBatchWriter<number>(async (items) => {
      flushes.push(items)
      if (flushes.length === 1) await new Promise<void>((r) => (release = r))
    })
    const first = [1, 2].map((n) => write(n))
    await new Promise((r) => setTimeout(r, 5))
    expect(flushes).toEqual([[1, 2]])
    const rest = [3, 4, 5].map((n) => write(n))
    release()
    await Promise.all([...first, ...rest])
    expect(flushes).toEqual([
      [1, 2],
      [3, 4, 5],
    ])
  })

  // Two answers read in one I/O phase are two callbacks: flushing the first at once (the store
  // writes synchronously) made the second wait for that write and then write on its own.
  it('puts items from separate callbacks of one event-loop phase into one flush', async () => {
    const flushes: string[][] = []
    const write = createBatchWriter<string>(async (items) => {
      flushes.push(items)
    })
    // Two check-phase callbacks queued together run in one phase (Node runs an immediate queued
    // during that phase in the next turn), which is what two answers read in one I/O phase are;
    // two zero timers are not: they may fall a millisecond apart into separate turns.
    const done = await new Promise<Promise<void>[]>((resolve) => {
      const out: Promise<void>[] = []
      setImmediate(() => out.push(write('a')))
      setImmediate(() => {
        out.push(write('b'))
        resolve(out)
      })
    })
    await Promise.all(done)
    expect(flushes).toEqual([['a', 'b']])
  })

  it('rejects exactly the items of a failed flush and keeps working', async () => {
    let fail = true
    const write = createBatchWriter<string>(async () => {
      if (fail) {
        fail = false
        throw new Error('disk full')
      }
    })
    await expect(write('a')).rejects.toThrow('disk full')
    await expect(write('b')).resolves.toBeUndefined()
  })
})
