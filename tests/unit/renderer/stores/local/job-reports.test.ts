/**
 * src-renderer/stores/local/job-reports: a pull's or an import's row after one progress report.
 * Live events and main's snapshot arrive in either order; the report with the higher `seq` wins,
 * and a late report may still name the server a pull runs on.
 */
import { describe, expect, it } from 'vitest'
import type { ImportProgress, PullProgress } from '../../../../../src-preload/contract'
import {
  isStale,
  mergeImportReport,
  mergePullReport,
  withoutJob,
} from '../../../../../src-renderer/stores/local/job-reports'
import type { ImportEntry, PullEntry } from '../../../../../src-renderer/stores/local/local-types'

const URL = 'http://127.0.0.1:11434'

const pull = (over: Partial<PullProgress> = {}): PullProgress => ({
  jobId: 'p1',
  model: 'llama3.2:3b',
  status: 'downloading',
  percent: 40,
  completedBytes: 40,
  totalBytes: 100,
  bytesPerSecond: null,
  etaSeconds: null,
  resumedBytes: 0,
  done: false,
  ...over,
})

const imp = (over: Partial<ImportProgress> = {}): ImportProgress => ({
  jobId: 'i1',
  name: 'mine',
  stage: 'uploading',
  percent: 50,
  bytesDone: 5,
  totalBytes: 10,
  ...over,
})

describe('isStale', () => {
  it('drops a report whose seq is not above the one shown', () => {
    expect(isStale({ seq: 4 }, { seq: 4 })).toBe(true)
    expect(isStale({ seq: 4 }, { seq: 3 })).toBe(true)
    expect(isStale({ seq: 4 }, { seq: 5 })).toBe(false)
  })

  it('keeps reports it cannot order (no row yet, or no seq on either side)', () => {
    expect(isStale(null, { seq: 1 })).toBe(false)
    expect(isStale(undefined, { seq: 1 })).toBe(false)
    expect(isStale({}, { seq: 1 })).toBe(false)
    expect(isStale({ seq: 4 }, {})).toBe(false)
  })
})

describe('withoutJob', () => {
  it('returns a new record without the key and leaves the old one alone', () => {
    const jobs = { a: 1, b: 2 }
    expect(withoutJob(jobs, 'a')).toEqual({ b: 2 })
    expect(jobs).toEqual({ a: 1, b: 2 })
    expect(withoutJob(jobs, 'zz')).toEqual(jobs)
  })
})

describe('mergePullReport', () => {
  it('creates a row from a report of a pull it did not know, dated now', () => {
    const p = pull({ baseUrl: URL, seq: 1 })
    expect(mergePullReport(undefined, p, 1234)).toEqual({
      entry: { jobId: 'p1', model: 'llama3.2:3b', baseUrl: URL, progress: p, startedAt: 1234 },
      fresh: true,
    })
  })

  it('shows a newer report and keeps the row’s start and server', () => {
    const entry: PullEntry = {
      jobId: 'p1',
      model: 'llama3.2:3b',
      baseUrl: URL,
      progress: pull({ seq: 1 }),
      startedAt: 10,
    }
    const p = pull({ seq: 2, percent: 80, baseUrl: 'http://other:1' })
    const next = mergePullReport(entry, p, 99)
    expect(next.fresh).toBe(true)
    expect(next.entry).toEqual({ ...entry, progress: p })
  })

  it('ignores an older report, returning the same row', () => {
    const entry: PullEntry = {
      jobId: 'p1',
      model: 'm',
      baseUrl: URL,
      progress: pull({ seq: 5 }),
      startedAt: 10,
    }
    const next = mergePullReport(entry, pull({ seq: 3, baseUrl: URL }), 99)
    expect(next.fresh).toBe(false)
    expect(next.entry).toBe(entry)
  })

  it('takes the server from an older report when the row did not know it', () => {
    const entry: PullEntry = {
      jobId: 'p1',
      model: 'm',
      baseUrl: null,
      progress: pull({ seq: 5 }),
      startedAt: 10,
    }
    const next = mergePullReport(entry, pull({ seq: 3, baseUrl: URL }), 99)
    expect(next.fresh).toBe(false)
    expect(next.entry).toEqual({ ...entry, baseUrl: URL })
    expect(next.entry?.progress?.seq).toBe(5)
  })
})

describe('mergeImportReport', () => {
  it('creates or updates the row, with the server the row or the report names', () => {
    const first = mergeImportReport(undefined, imp({ seq: 1, baseUrl: URL }))
    expect(first).toEqual({
      entry: { jobId: 'i1', name: 'mine', baseUrl: URL, progress: imp({ seq: 1, baseUrl: URL }) },
      ended: false,
    })
    const entry: ImportEntry = {
      jobId: 'i1',
      name: 'mine',
      baseUrl: URL,
      progress: imp({ seq: 1 }),
    }
    expect(mergeImportReport(entry, imp({ seq: 2 }))?.entry.baseUrl).toBe(URL)
  })

  it('says the import ended only on the first `done`', () => {
    const running: ImportEntry = {
      jobId: 'i1',
      name: 'mine',
      baseUrl: URL,
      progress: imp({ seq: 1 }),
    }
    const done = mergeImportReport(running, imp({ stage: 'done', seq: 2 }))
    expect(done?.ended).toBe(true)
    const again = mergeImportReport(done!.entry, imp({ stage: 'done', seq: 3 }))
    expect(again?.ended).toBe(false)
    expect(mergeImportReport(running, imp({ stage: 'failed', seq: 2 }))?.ended).toBe(false)
  })

  it('drops an older report', () => {
    const entry: ImportEntry = {
      jobId: 'i1',
      name: 'mine',
      baseUrl: URL,
      progress: imp({ seq: 4 }),
    }
    expect(mergeImportReport(entry, imp({ stage: 'done', seq: 2 }))).toBeNull()
  })
})
