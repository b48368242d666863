/** src-main/local/progress-throttle.ts: every report recorded, events thinned per step. */
import { describe, expect, it } from 'vitest'
import { throttledProgress } from '../../../src-main/local/progress-throttle'

type P = { step: string; n: number; done?: boolean }

function world() {
  const sent: P[] = []
  const recorded: P[] = []
  let clock = 0
  const report = throttledProgress<P>(
    (_event, payload) => void sent.push(payload as unknown as P),
    100,
    {
      event: 'local:pullProgress',
      record: (p) => (p.n < 0 ? null : (recorded.push(p), p)),
      stepOf: (p) => p.step,
      final: (p) => Boolean(p.done),
    },
    () => clock,
  )
  return { sent, recorded, report, tick: (ms: number) => void (clock += ms) }
}

describe('throttledProgress', () => {
  it('sends a new step and the end at once, and byte counts at most once per interval', () => {
    const w = world()
    w.report({ step: 'pulling', n: 1 })
    w.tick(10)
    w.report({ step: 'pulling', n: 2 })
    w.tick(10)
    w.report({ step: 'pulling', n: 3 })
    w.tick(100)
    w.report({ step: 'pulling', n: 4 })
    w.tick(1)
    w.report({ step: 'verifying', n: 5 })
    w.tick(1)
    w.report({ step: 'verifying', n: 6, done: true })
    expect(w.recorded.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6])
    expect(w.sent.map((p) => p.n)).toEqual([1, 4, 5, 6])
  })

  it('drops what the recorder refuses (a stale report) without sending it', () => {
    const w = world()
    w.report({ step: 'pulling', n: -1 })
    expect(w.sent).toEqual([])
  })
})
