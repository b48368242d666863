import { describe, expect, it } from 'vitest'
import { PullTracker } from '../../../src-main/local/pull-progress'

const A = 'sha256:aaaa'
const B = 'sha256:bbbb'

function clock() {
  let t = 0
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

describe('PullTracker', () => {
  it('reports percent, bytes, speed and ETA over several layers', () => {
    const c = clock()
    const tr = new PullTracker('job', 'llama3.2:3b', c.now, 3000)
    expect(tr.update({ status: 'pulling manifest' })).toMatchObject({
      percent: null,
      totalBytes: 0,
      done: false,
    })
    tr.update({ status: 'pulling aaaa', digest: A, total: 1000, completed: 0 })
    c.advance(1000)
    const p1 = tr.update({ status: 'pulling aaaa', digest: A, total: 1000, completed: 500 })
    expect(p1).toMatchObject({
      percent: 50,
      completedBytes: 500,
      totalBytes: 1000,
      bytesPerSecond: 500,
      etaSeconds: 1,
    })
    c.advance(1000)
    tr.update({ status: 'pulling aaaa', digest: A, total: 1000, completed: 1000 })
    c.advance(100)
    const p2 = tr.update({ status: 'pulling bbbb', digest: B, total: 1000, completed: 0 })
    expect(p2.totalBytes).toBe(2000)
    expect(p2.percent).toBe(50)
    c.advance(900)
    const p3 = tr.update({ status: 'pulling bbbb', digest: B, total: 1000, completed: 600 })
    expect(p3.completedBytes).toBe(1600)
    expect(p3.bytesPerSecond).toBe(Math.round((1600 * 1000) / 3000))
    expect(p3.etaSeconds).toBe(Math.ceil(400 / p3.bytesPerSecond!))
    expect(p3.resumedBytes).toBe(0)
    tr.update({ status: 'verifying sha256 digest' })
    const done = tr.update({ status: 'success' })
    expect(done).toMatchObject({
      done: true,
      percent: 100,
      completedBytes: 2000,
      etaSeconds: 0,
      status: 'success',
    })
  })

  it('counts bytes already on disk as resumed, not as speed', () => {
    const c = clock()
    const tr = new PullTracker('job', 'm', c.now)
    tr.update({ status: 'pulling aaaa', digest: A, total: 10_000, completed: 8_000 })
    c.advance(1000)
    const p = tr.update({ status: 'pulling aaaa', digest: A, total: 10_000, completed: 9_000 })
    expect(p.resumedBytes).toBe(8_000)
    expect(p.bytesPerSecond).toBe(1_000)
    expect(p.percent).toBe(90)
  })

  it('speed follows a sliding window, not the whole pull', () => {
    const c = clock()
    const tr = new PullTracker('job', 'm', c.now, 2000)
    tr.update({ digest: A, total: 100_000, completed: 0 })
    for (let i = 1; i <= 10; i++) {
      c.advance(1000)
      tr.update({
        digest: A,
        total: 100_000,
        completed: i <= 5 ? i * 1000 : 5000 + (i - 5) * 10_000,
      })
    }
    // The last seconds ran at 10 000 B/s; the average over the whole pull would be ~5 500.
    expect(
      tr.update({ digest: A, total: 100_000, completed: 55_000 }).bytesPerSecond,
    ).toBeGreaterThanOrEqual(6_600)
  })

  it('a failure is a final report carrying the error', () => {
    const tr = new PullTracker('job', 'm')
    tr.update({ digest: A, total: 100, completed: 10 })
    expect(tr.fail('server_error', 'boom')).toMatchObject({
      done: true,
      error: { code: 'server_error', message: 'boom' },
      percent: 10,
    })
  })
})
