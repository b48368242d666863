/**
 * Offline setup as one job in main (src-main/services/offline-setup.ts) over a real app context,
 * a real store and the fake Ollama (tests/fixtures/ollama-server.ts, Ollama's documented API):
 * pull → register → default → first test, reported step by step as `setup:offlineProgress`;
 * an installed model skips the pull; a failing pull stops the job and changes nothing; cancel
 * aborts the pull in flight; the IPC channel refuses bad input.
 *
 * Every channel of src-main/ipc/handlers/setup is called here (start with and without
 * makeDefault, cancel, active) with its answer checked.
 */
import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OfflineSetupProgress, PullProgress } from '../../../src-preload/contract'
import { startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'
import { ipcHarness } from '../../support/ipc-harness'
import { tmpHome } from '../../support/home'

let ollama: FakeOllama
let home: string

beforeEach(async () => {
  ollama = await startFakeOllama({ pull: { steps: 2, delayMs: 5 } })
  home = tmpHome('sb-offline-')
})
afterEach(async () => {
  await ollama.close()
  fs.rmSync(home, { recursive: true, force: true })
})

function setup() {
  const h = ipcHarness(home, {
    SWITCHBOARD_HOME: home,
    SWITCHBOARD_ENCRYPTION_KEY: 'offline setup test',
    SWITCHBOARD_DETECT_DEFAULTS: '0',
  })
  const reports = () =>
    h.events
      .filter((e) => (e as [string])[0] === 'setup:offlineProgress')
      .map((e) => (e as [string, OfflineSetupProgress])[1])
  const pulls = () =>
    h.events
      .filter((e) => (e as [string])[0] === 'local:pullProgress')
      .map((e) => (e as [string, PullProgress])[1])
  const start = async (model: string, makeDefault?: boolean) => {
    const res = await h.call('setup:offlineStart', {
      baseUrl: ollama.url,
      model,
      ...(makeDefault === undefined ? {} : { makeDefault }),
    })
    expect(res.ok, JSON.stringify(res.error)).toBe(true)
    return h.app.offlineSetup.finished(res.data.jobId as string)
  }
  return { ...h, reports, pulls, start }
}

describe('offline setup in main', () => {
  it('pulls, registers, sets the default and runs a first prompt, reporting each step', async () => {
    const h = setup()
    const final = await start(h, 'llama3.2:1b')
    expect(final.error).toBeNull()
    expect(final.steps).toEqual({ pull: 'done', register: 'done', default: 'done', test: 'done' })
    expect(final.reply).toBe('ready')
    expect(final.type).toBe('language')
    expect(final.slot).toBe('chat')

    const creds = await h.app.credentials.list()
    expect(creds).toHaveLength(1)
    expect(creds[0]).toMatchObject({
      provider: 'ollama',
      baseUrl: ollama.url,
      id: final.credentialId,
    })
    const models = await h.app.models.list({ credentialId: final.credentialId! })
    expect(models.map((m) => m.name)).toEqual(['llama3.2:1b'])
    expect((await h.app.defaults.getJson()).chat).toBe(final.modelId)

    // Every step went out as an event, in order, with a growing seq; the pull's own bytes went
    // out as local:pullProgress under the job id the setup names.
    const seen = h.reports()
    expect(seen.at(-1)).toMatchObject({ jobId: final.jobId, finished: true })
    const seqs = seen.map((r) => r.seq!)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    const order = seen.flatMap((r) =>
      Object.entries(r.steps)
        .filter(([, s]) => s === 'running')
        .map(([step]) => step),
    )
    expect([...new Set(order)]).toEqual(['pull', 'register', 'default', 'test'])
    expect(h.pulls().some((p) => p.jobId === final.pullJobId && p.done)).toBe(true)
    // The snapshot a reopened page reads holds the final report.
    const active = await h.call('setup:offlineActive', {})
    expect(active.data).toContainEqual(
      expect.objectContaining({ jobId: final.jobId, finished: true }),
    )
  })

  it('skips the pull for a model Ollama already has, and leaves the default alone when asked', async () => {
    const h = setup()
    const final = await start(h, 'nomic-embed-text', false)
    expect(final.steps).toEqual({
      pull: 'skipped',
      register: 'done',
      default: 'skipped',
      test: 'done',
    })
    expect(final.pullJobId).toBeNull()
    expect(final.type).toBe('embedding')
    expect(final.dimensions).toBe(768)
    expect((await h.app.defaults.getJson()).embedding).toBeNull()
    expect(h.pulls()).toEqual([])
  })

  it('stops at a failed pull with its code, registering nothing', async () => {
    const h = setup()
    const final = await start(h, 'missing:1b')
    expect(final.steps).toEqual({
      pull: 'failed',
      register: 'pending',
      default: 'pending',
      test: 'pending',
    })
    expect(final.error).toMatchObject({ step: 'pull' })
    expect(final.error!.code).not.toBe('internal')
    expect(await h.app.credentials.list()).toEqual([])
  })

  it('cancels a pull in flight', async () => {
    ollama.pull.holdAfterLines = 1
    const h = setup()
    const res = await h.call('setup:offlineStart', { baseUrl: ollama.url, model: 'qwen3:0.6b' })
    const jobId = res.data.jobId as string
    // Wait on state: the pull has started streaming.
    for (let i = 0; i < 500 && !h.pulls().some((p) => p.percent !== null); i++) {
      await new Promise((r) => setTimeout(r, 10))
    }
    expect((await h.call('setup:offlineCancel', { jobId })).data).toEqual({ cancelled: true })
    const final = await h.app.offlineSetup.finished(jobId)
    expect(final.steps.pull).toBe('failed')
    expect(final.error).toMatchObject({ step: 'pull', code: 'cancelled' })
    expect(await h.app.credentials.list()).toEqual([])
    expect((await h.call('setup:offlineCancel', { jobId })).data).toEqual({ cancelled: false })
  })

  it('refuses bad input on the channel before any work', async () => {
    const h = setup()
    for (const bad of [
      { baseUrl: 'file:///etc/passwd', model: 'llama3.2:1b' },
      { baseUrl: ollama.url, model: 'bad name with spaces' },
      { baseUrl: ollama.url, model: 'llama3.2:1b', extra: 1 },
    ]) {
      expect(await h.call('setup:offlineStart', bad)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      })
    }
    expect(h.reports()).toEqual([])
  })
})

async function start(h: ReturnType<typeof setup>, model: string, makeDefault?: boolean) {
  return h.start(model, makeDefault)
}
