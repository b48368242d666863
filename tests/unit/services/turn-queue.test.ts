/** src-main/services/turn-queue.ts: deferred jobs, one per event-loop turn, in order. */
import { describe, expect, it } from 'vitest'
import { createTurnQueue } from '../../../src-main/services/turn-queue'

const turn = () => new Promise<void>((r) => setImmediate(r))

describe('createTurnQueue', () => {
  it('runs one job per turn, in order, with other callbacks of the turn in between', async () => {
    const queue = createTurnQueue()
    const seen: string[] = []
    queue.add(() => seen.push('a'))
    queue.add(() => seen.push('b'))
    // Queued after both jobs: all at once would run it last.
    setImmediate(() => seen.push('io'))
    expect(seen).toEqual([])
    await turn()
    await turn()
    await turn()
    expect(seen).toEqual(['a', 'io', 'b'])
  })

  it('skips a dropped job and keeps going after one that throws', async () => {
    const queue = createTurnQueue()
    const seen: string[] = []
    queue.add(() => {
      throw new Error('boom')
    })
    const drop = queue.add(() => seen.push('dropped'))
    queue.add(() => seen.push('kept'))
    drop()
    for (let i = 0; i < 4; i++) await turn()
    expect(seen).toEqual(['kept'])
    // Empty again: a new job starts a new round of turns.
    queue.add(() => seen.push('later'))
    await turn()
    await turn()
    expect(seen).toEqual(['kept', 'later'])
  })
})
