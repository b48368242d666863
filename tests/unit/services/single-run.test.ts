/** src-main/services/single-run.ts: one job at a time, cancel through the job's signal. */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { createSingleRun } from '../../../src-main/services/single-run'

const busy = () => new AppError('conflict', 'busy', { context: 'running' })

/** A job that waits until its signal aborts, then answers how it ended. */
const untilAborted = (signal: AbortSignal) =>
  new Promise<string>((resolve) => signal.addEventListener('abort', () => resolve('aborted')))

describe('createSingleRun', () => {
  it('refuses a second start while one runs, with the given error', async () => {
    const gate = createSingleRun(busy)
    const first = gate.run(untilAborted)
    expect(gate.active()).toBe(true)
    await expect(gate.run(async () => 'second')).rejects.toMatchObject({
      code: 'conflict',
      params: { context: 'running' },
    })
    expect(gate.cancel()).toBe(true)
    expect(await first).toBe('aborted')
    expect(gate.active()).toBe(false)
  })

  it('opens again after a job ends, also when it throws', async () => {
    const gate = createSingleRun(busy)
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await gate.run(async () => 'next')).toBe('next')
  })

  it('cancel with nothing running says so and does not poison the next run', async () => {
    const gate = createSingleRun(busy)
    expect(gate.cancel()).toBe(false)
    expect(await gate.run(async (signal) => signal.aborted)).toBe(false)
  })
})
