/**
 * The background-job registry (src-main/local/job-registry.ts): the latest report of each job
 * for a page opened late, a growing `seq` on every report, cancellation through the job's own
 * signal, reports after the final one dropped, and ended jobs forgotten after `keepEndedMs` of
 * the injected clock.
 */
import { describe, expect, it } from 'vitest'
import { createJobRegistry } from '../../../src-main/local/job-registry'

interface Report {
  jobId: string
  seq?: number
  status: 'running' | 'done' | 'error'
  pct: number
}

function registry(keepEndedMs = 1000) {
  let t = 0
  const jobs = createJobRegistry<Report>((p) => p.status !== 'running', {
    keepEndedMs,
    now: () => t,
  })
  return { jobs, advance: (ms: number) => (t += ms) }
}
const report = (jobId: string, pct: number, status: Report['status'] = 'running') => ({
  jobId,
  status,
  pct,
})

describe('job registry', () => {
  it('lists the latest report of each job, every report stamped with a growing seq', () => {
    const { jobs } = registry()
    jobs.start(report('a', 0))
    jobs.start(report('b', 0))
    const a1 = jobs.update(report('a', 40))
    const b1 = jobs.update(report('b', 10))
    expect(a1).toEqual({ ...report('a', 40), seq: 3 })
    expect(b1!.seq).toBe(4)
    expect(jobs.list()).toEqual([
      { ...report('a', 40), seq: 3 },
      { ...report('b', 10), seq: 4 },
    ])
    expect(jobs.running()).toEqual(['a', 'b'])
  })

  it('cancels a running job through the signal start returned, once', () => {
    const { jobs } = registry()
    const signal = jobs.start(report('a', 0))
    expect(signal.aborted).toBe(false)
    expect(jobs.cancel('a')).toBe(true)
    expect(signal.aborted).toBe(true)
    expect(jobs.cancel('unknown')).toBe(false)
  })

  it('ends a job on its final report: no longer running or cancellable, later reports dropped', () => {
    const { jobs } = registry()
    const signal = jobs.start(report('a', 0))
    const final = jobs.update(report('a', 100, 'done'))
    expect(final).toMatchObject({ status: 'done', seq: 2 })
    expect(jobs.running()).toEqual([])
    expect(jobs.cancel('a')).toBe(false)
    expect(signal.aborted).toBe(false)
    // A chunk still in flight when the job ended does not overwrite the final report.
    expect(jobs.update(report('a', 60))).toBeNull()
    expect(jobs.list()).toEqual([final])
  })

  it('stamps a report of a job it never started without listing it', () => {
    const { jobs } = registry()
    expect(jobs.update(report('stray', 5))).toEqual({ ...report('stray', 5), seq: 1 })
    expect(jobs.list()).toEqual([])
  })

  it('forgets an ended job keepEndedMs after it ended, keeps running ones', () => {
    const { jobs, advance } = registry(1000)
    jobs.start(report('ended', 0))
    jobs.start(report('long', 0))
    advance(5000) // a running job is never pruned, however old
    jobs.update(report('ended', 0, 'error'))
    advance(999)
    expect(jobs.list().map((j) => j.jobId)).toEqual(['ended', 'long'])
    advance(1)
    expect(jobs.list().map((j) => j.jobId)).toEqual(['long'])
  })

  it('lets a job id be started again after its job ended', () => {
    const { jobs } = registry()
    jobs.start(report('a', 0))
    jobs.update(report('a', 100, 'done'))
    const signal = jobs.start(report('a', 0))
    expect(jobs.running()).toEqual(['a'])
    expect(jobs.update(report('a', 1))).toMatchObject({ pct: 1 })
    expect(jobs.cancel('a')).toBe(true)
    expect(signal.aborted).toBe(true)
  })
})
