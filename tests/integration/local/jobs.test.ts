/**
 * Background jobs of the local service against the fake Ollama, through the IPC handlers:
 * `local:activePulls` lists a running pull with its latest progress and keeps the final
 * report of an ended one for a while; a GGUF import is a job with `local:importProgress`
 * events in stage order, can be cancelled mid-upload (the fake sees the upload dropped), and
 * a file that is not GGUF is refused with a validation error before anything is uploaded.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { channelNames } from '../../../src-preload/contract'
import type { ImportProgress, PullProgress } from '../../../src-preload/contract/local'
import type { Emit } from '../../../src-main/app-context'
import { createDispatcher, type Handlers } from '../../../src-main/ipc/dispatch'
import { localHandlers } from '../../../src-main/ipc/handlers/local'
import { createLocalService } from '../../../src-main/local/service'
import {
  startFakeOllama,
  type FakeOllama,
  type FakeOllamaOptions,
} from '../../fixtures/ollama-server'

let fake: FakeOllama | null = null
afterEach(async () => {
  await fake?.close()
  fake = null
})

async function setup(fakeOpts: FakeOllamaOptions, o: { clock?: { now: number } } = {}) {
  fake = await startFakeOllama(fakeOpts)
  const pulls: PullProgress[] = []
  const imports: ImportProgress[] = []
  let onImport: (p: ImportProgress) => void = () => undefined
  const emit: Emit = (name, payload) => {
    if (name === 'local:pullProgress') pulls.push(payload as PullProgress)
    if (name === 'local:importProgress') {
      imports.push(payload as ImportProgress)
      onImport(payload as ImportProgress)
    }
  }
  const clock = o.clock
  const service = createLocalService({
    env: { OLLAMA_HOST: fake.url },
    emit,
    targets: [],
    progressIntervalMs: 0,
    ...(clock ? { now: () => clock.now } : {}),
  })
  const app = { local: service } as unknown as Parameters<typeof localHandlers>[0]
  const others = Object.fromEntries(channelNames.map((n) => [n, () => null]))
  const dispatch = createDispatcher({ ...others, ...localHandlers(app) } as unknown as Handlers, {
    isTrustedSender: () => true,
  })
  const call = async <T>(name: string, req: unknown): Promise<T> => {
    const res = await dispatch(name as never, req, 'app://switchboard/')
    if (!res.ok) throw Object.assign(new Error(res.error.message), res.error)
    return res.data as T
  }
  return {
    fake,
    service,
    dispatch,
    call,
    pulls,
    imports,
    onImport: (cb: (p: ImportProgress) => void) => (onImport = cb),
  }
}

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

function ggufFile(bytes: number, fileName = 'tiny-model.Q4_0.gguf'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-gguf-job-'))
  const file = path.join(dir, fileName)
  // ASCII only: the fake checks the digest over the body as UTF-8 text.
  writeFileSync(file, 'GGUF' + 'abcdefgh'.repeat(Math.ceil((bytes - 4) / 8)).slice(0, bytes - 4))
  return file
}

describe('local:activePulls', () => {
  it('lists a running pull with its latest progress, then its final report', async () => {
    const clock = { now: 1_000_000 }
    const { call, pulls } = await setup({ pull: { steps: 6, delayMs: 40 } }, { clock })
    const { jobId } = await call<{ jobId: string }>('local:ollamaPull', { model: 'qwen2.5:0.5b' })

    // Straight after the start: listed, not done yet, at the server it runs against.
    const first = await call<PullProgress[]>('local:activePulls', {})
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ jobId, model: 'qwen2.5:0.5b', done: false })
    expect(first[0]!.baseUrl).toBe(fake!.url)

    await waitFor(() => pulls.some((p) => (p.percent ?? 0) > 0))
    const mid = (await call<PullProgress[]>('local:activePulls', {}))[0]!
    // The snapshot is at least as new as the last event sent so far (the same report or later).
    const lastEvent = pulls[pulls.length - 1]!
    expect(mid.seq).toBeGreaterThanOrEqual(lastEvent.seq!)
    expect(mid.percent).toBeGreaterThan(0)
    expect(mid.completedBytes).toBeGreaterThan(0)
    expect(mid.done).toBe(false)

    await waitFor(() => pulls.some((p) => p.done))
    const ended = await call<PullProgress[]>('local:activePulls', {})
    expect(ended).toEqual([pulls[pulls.length - 1]])
    expect(ended[0]).toMatchObject({ jobId, done: true, percent: 100, status: 'success' })

    // Reading it does not remove it (another window may need it), ten minutes do.
    expect(await call<PullProgress[]>('local:activePulls', {})).toHaveLength(1)
    clock.now += 10 * 60 * 1000
    expect(await call<PullProgress[]>('local:activePulls', {})).toEqual([])
  })

  it('keeps a failed pull and a cancelled one as ended, with their error', async () => {
    const {
      call,
      pulls,
      fake: f,
    } = await setup({
      pull: { steps: 6, delayMs: 30, errorAfterLines: 2, errorMessage: 'unexpected EOF' },
    })
    const bad = await call<{ jobId: string }>('local:ollamaPull', { model: 'mistral:7b' })
    await waitFor(() => pulls.some((p) => p.jobId === bad.jobId && p.done))
    f.pull.errorAfterLines = undefined
    const slow = await call<{ jobId: string }>('local:ollamaPull', { model: 'llama3.2:1b' })
    await waitFor(() => pulls.some((p) => p.jobId === slow.jobId && (p.percent ?? 0) > 0))
    expect(await call('local:ollamaCancelPull', { jobId: slow.jobId })).toEqual({
      cancelled: true,
    })
    await waitFor(() => pulls.some((p) => p.jobId === slow.jobId && p.done))
    // Over: cancelling again says so.
    expect(await call('local:ollamaCancelPull', { jobId: slow.jobId })).toEqual({
      cancelled: false,
    })
    const list = await call<PullProgress[]>('local:activePulls', {})
    const byId = Object.fromEntries(list.map((p) => [p.jobId, p]))
    expect(byId[bad.jobId]).toMatchObject({ done: true, error: { code: 'server_error' } })
    expect(byId[bad.jobId]!.error!.message).toContain('unexpected EOF')
    expect(byId[slow.jobId]).toMatchObject({ done: true, error: { code: 'cancelled' } })
    await waitFor(() => f.pullsAborted === 1)
  })
})

describe('local:importGguf as a job', () => {
  it('reports hashing, uploading, creating, done in order, with growing bytes', async () => {
    const { call, imports, fake: f } = await setup({})
    const size = 3 * 1024 * 1024 + 17
    const file = ggufFile(size)
    const { jobId } = await call<{ jobId: string }>('local:importGguf', {
      path: file,
      name: 'tiny:latest',
    })
    expect(jobId).toMatch(/[0-9a-f-]{36}/)
    await waitFor(() => imports.some((p) => p.stage === 'done' || p.stage === 'failed'))
    const stages = imports.map((p) => p.stage).filter((s, i, a) => s !== a[i - 1])
    expect(stages).toEqual(['hashing', 'uploading', 'creating', 'done'])
    for (const stage of ['hashing', 'uploading'] as const) {
      const of = imports.filter((p) => p.stage === stage)
      expect(of.length, stage).toBeGreaterThan(2)
      const bytes = of.map((p) => p.bytesDone)
      expect(bytes, stage).toEqual([...bytes].sort((a, b) => a - b))
      expect(of[0]!.percent, stage).toBe(0)
      expect(of[of.length - 1]).toMatchObject({ bytesDone: size, percent: 100 })
    }
    const seqs = imports.map((p) => p.seq!)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(imports.every((p) => p.totalBytes === size && p.name === 'tiny:latest')).toBe(true)
    expect(imports[imports.length - 1]).toMatchObject({
      jobId,
      stage: 'done',
      percent: 100,
      uploaded: true,
      baseUrl: f.url,
    })
    expect(f.created).toEqual([
      {
        model: 'tiny:latest',
        files: { 'tiny-model.Q4_0.gguf': expect.stringMatching(/^sha256:/) },
      },
    ])
    expect([...f.blobs.values()]).toEqual([size])
    expect(await call<ImportProgress[]>('local:activeImports', {})).toEqual([
      imports[imports.length - 1],
    ])

    // The server has the blob now: a second import skips the upload and says so.
    imports.length = 0
    await call('local:importGguf', { path: file, name: 'tiny2' })
    await waitFor(() => imports.some((p) => p.stage === 'done'))
    expect(imports.map((p) => p.stage).filter((s, i, a) => s !== a[i - 1])).toEqual([
      'hashing',
      'creating',
      'done',
    ])
    expect(imports[imports.length - 1]!.uploaded).toBe(false)
    expect(f.uploadsStarted).toBe(1)
  })

  it('cancels mid-upload: the upload request is dropped and nothing is created', async () => {
    // The fake reads the upload slowly, so it is still receiving when the cancel comes.
    const { call, imports, onImport, fake: f } = await setup({ blobReadDelayMs: 2 })
    const size = 16 * 1024 * 1024
    const file = ggufFile(size)
    let jobId = ''
    let asked: Promise<unknown> | null = null
    onImport((p) => {
      if (!asked && p.stage === 'uploading' && p.bytesDone >= 1024 * 1024 && f.uploadsStarted) {
        asked = call('local:cancelImport', { jobId: p.jobId })
      }
    })
    ;({ jobId } = await call<{ jobId: string }>('local:importGguf', { path: file, name: 'big' }))
    await waitFor(() => imports.some((p) => p.stage === 'failed' || p.stage === 'done'))
    expect(await asked).toEqual({ cancelled: true })
    const last = imports[imports.length - 1]!
    expect(last).toMatchObject({ jobId, stage: 'failed', error: { code: 'cancelled' } })
    expect(last.bytesDone).toBeGreaterThan(0)
    expect(last.bytesDone).toBeLessThan(size)
    await waitFor(() => f.uploadsAborted === 1)
    expect(f.blobs.size).toBe(0)
    expect(f.created).toEqual([])
    expect(f.hits).not.toContain('POST /api/create')
    expect(await call('local:cancelImport', { jobId })).toEqual({ cancelled: false })
    expect((await call<ImportProgress[]>('local:activeImports', {}))[0]).toMatchObject({
      stage: 'failed',
      error: { code: 'cancelled' },
    })
  })

  it('refuses a file that is not GGUF with a validation error and uploads nothing', async () => {
    const { dispatch, imports, fake: f } = await setup({})
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-gguf-bad-'))
    const notGguf = path.join(dir, 'notes.gguf')
    writeFileSync(notGguf, 'hello, not a model')
    expect(await dispatch('local:importGguf', { path: notGguf, name: 'x' }, 'x')).toMatchObject({
      ok: false,
      error: { code: 'validation', params: { field: 'path' } },
    })
    expect(
      await dispatch('local:importGguf', { path: path.join(dir, 'absent.gguf'), name: 'x' }, 'x'),
    ).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(
      await dispatch('local:importGguf', { path: notGguf, name: 'bad name!' }, 'x'),
    ).toMatchObject({ ok: false, error: { code: 'validation' } })
    await new Promise((r) => setTimeout(r, 50))
    expect(imports).toEqual([])
    expect(f.hits.filter((h) => h.includes('/api/blobs') || h.includes('/api/create'))).toEqual([])
    expect(f.uploadsStarted).toBe(0)
    expect(await dispatch('local:activeImports', {}, 'x')).toEqual({ ok: true, data: [] })
  })

  it('reports an upload the server refuses as failed with the error', async () => {
    const { call, imports, fake: f } = await setup({})
    const file = ggufFile(200_000)
    // Storing the blob breaks on the server side: the fake answers 500.
    const realSet = f.blobs.set.bind(f.blobs)
    f.blobs.set = () => {
      throw new Error('disk full')
    }
    await call('local:importGguf', { path: file, name: 'tiny' })
    await waitFor(() => imports.some((p) => p.stage === 'failed' || p.stage === 'done'))
    f.blobs.set = realSet
    expect(imports[imports.length - 1]).toMatchObject({
      stage: 'failed',
      error: { code: 'server_error' },
    })
    expect(f.created).toEqual([])
  })
})
