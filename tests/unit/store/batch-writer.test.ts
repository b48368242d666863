import { describe, expect, it } from 'vitest'
import { createBatchWriter } from '../../../src-main/store/batch-writer'

describe('batch writer', () => {
  it('writes the first item at once and coalesces what arrives meanwhile', async () => {
    const flushes: number[][] = []
    let release!: () => void
    const write = createBatchWriter<number>(async (items) => {
      flushes.push(items)
      if (flushes.length === 1) await new Promise<void>((r) => (release = r))
    })
    const first = write(1)
    const rest = [2, 3, 4].map((n) => write(n))
    await new Promise((r) => setTimeout(r, 5))
    expect(flushes).toEqual([[1]])
    release()
    await Promise.all([first, ...rest])
    expect(flushes).toEqual([[1], [2, 3, 4]])
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
