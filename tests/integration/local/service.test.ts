import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullProgress } from '../../../src-preload/contract/local'
import { channelNames } from '../../../src-preload/contract'
import type { Emit } from '../../../src-main/app-context'
import { createLocalService } from '../../../src-main/local/service'
import { createDispatcher } from '../../../src-main/ipc/dispatch'
import { localHandlers } from '../../../src-main/ipc/handlers/local'
import type { Handlers } from '../../../src-main/ipc/dispatch'
import { startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'
import { startFakeLmStudio, type FakeLmStudio } from '../../fixtures/lmstudio-server'

describe('local service and IPC handlers', () => {
  let o: FakeOllama
  let lm: FakeLmStudio
  const events: PullProgress[] = []
  const emit: Emit = (name, payload) => {
    if (name === 'local:pullProgress') events.push(payload as PullProgress)
  }
  const created: unknown[] = []
  let service: ReturnType<typeof createLocalService>
  let dispatch: ReturnType<typeof createDispatcher>

  beforeAll(async () => {
    o = await startFakeOllama()
    lm = await startFakeLmStudio()
    service = createLocalService({
      env: { OLLAMA_HOST: o.url },
      emit,
      targets: [{ baseUrl: lm.url, source: 'default' }],
      progressIntervalMs: 0,
      connect: {
        createCredential: async (i) => (created.push(i), { id: 'cred-9' }),
        registerModels: async (_id, m) => ({ created: m.length, existing: 0 }),
      },
    })
    const app = { local: service } as unknown as Parameters<typeof localHandlers>[0]
    // Other domains answer nothing here; only the local:* handlers are under test.
    const others = Object.fromEntries(channelNames.map((n) => [n, () => null]))
    dispatch = createDispatcher({ ...others, ...localHandlers(app) } as unknown as Handlers, {
      isTrustedSender: () => true,
    })
  })
  afterAll(async () => Promise.all([o.close(), lm.close()]).then(() => undefined))

  it('local:detect finds the default targets and OLLAMA_HOST', async () => {
    // Both fakes answer, so the sweep ends when they are listed; 5 s (not the 500 ms default)
    // keeps a busy machine from ending it between identifying a server and listing its models.
    const res = await dispatch('local:detect', { timeoutMs: 5000 }, 'app://switchboard/')
    expect(res.ok).toBe(true)
    if (res.ok) {
      const data = res.data as { servers: { kind: string }[] }
      expect(data.servers.map((s) => s.kind).sort()).toEqual(['lmstudio', 'ollama'])
    }
    expect(await dispatch('local:detect', { timeoutMs: 1 }, 'x')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })

  it('local:connect re-probes the server and registers its models', async () => {
    const res = await dispatch('local:connect', { baseUrl: `${lm.url}/v1` }, 'x')
    expect(res).toMatchObject({
      ok: true,
      data: { credentialId: 'cred-9', provider: 'lmstudio', registered: 3 },
    })
    expect(created).toEqual([
      {
        provider: 'lmstudio',
        name: `LM Studio (${new URL(lm.url).host})`,
        baseUrl: `${lm.url}/v1`,
      },
    ])
    const gone = await dispatch('local:connect', { baseUrl: 'http://127.0.0.1:1' }, 'x')
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('local:ollamaPull starts a job whose progress arrives as events; cancel stops it', async () => {
    o.pull.delayMs = 5
    const res = await dispatch('local:ollamaPull', { model: 'llama3.2:1b' }, 'x')
    expect(res.ok).toBe(true)
    const { jobId } = (res as { data: { jobId: string } }).data
    await waitFor(() => events.some((e) => e.jobId === jobId && e.done))
    const mine = events.filter((e) => e.jobId === jobId)
    expect(mine.length).toBeGreaterThan(5)
    expect(mine[mine.length - 1]).toMatchObject({ done: true, percent: 100, model: 'llama3.2:1b' })

    o.pull.delayMs = 50
    const second = (await dispatch('local:ollamaPull', { model: 'qwen2.5:0.5b' }, 'x')) as {
      data: { jobId: string }
    }
    await waitFor(() => events.some((e) => e.jobId === second.data.jobId && e.percent !== null))
    expect(await dispatch('local:ollamaCancelPull', { jobId: second.data.jobId }, 'x')).toEqual({
      ok: true,
      data: { cancelled: true },
    })
    await waitFor(() => events.some((e) => e.jobId === second.data.jobId && e.done))
    expect(events.filter((e) => e.jobId === second.data.jobId).pop()).toMatchObject({
      error: { code: 'cancelled' },
    })
    expect(await dispatch('local:ollamaCancelPull', { jobId: second.data.jobId }, 'x')).toEqual({
      ok: true,
      data: { cancelled: false },
    })
    expect(
      await dispatch('local:ollamaPull', { model: 'bad name with spaces' }, 'x'),
    ).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('library, recommended, machine and targets channels', async () => {
    const list = await dispatch('local:ollamaList', {}, 'x')
    expect(list.ok && (list.data as unknown[]).length).toBeGreaterThanOrEqual(3)
    expect(await dispatch('local:ollamaPs', {}, 'x')).toMatchObject({ ok: true })
    expect(await dispatch('local:ollamaUnload', { model: 'llama3.2:3b' }, 'x')).toEqual({
      ok: true,
      data: { unloaded: true },
    })
    expect(await dispatch('local:ollamaRemove', { model: 'nope:1b' }, 'x')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    const rec = await dispatch('local:recommended', {}, 'x')
    expect(rec.ok).toBe(true)
    if (rec.ok) {
      const d = rec.data as {
        machine: { totalRamBytes: number }
        models: { name: string; installed: boolean }[]
      }
      expect(d.machine.totalRamBytes).toBeGreaterThan(0)
      expect(d.models.find((m) => m.name === 'nomic-embed-text')?.installed).toBe(true)
    }
    expect(
      await dispatch('local:addTarget', { baseUrl: 'http://192.168.1.20:1234/v1' }, 'x'),
    ).toEqual({ ok: true, data: { targets: ['http://192.168.1.20:1234'] } })
    expect(await dispatch('local:addTarget', { baseUrl: 'ftp://x' }, 'x')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(
      await dispatch('local:removeTarget', { baseUrl: 'http://192.168.1.20:1234' }, 'x'),
    ).toEqual({ ok: true, data: { targets: [] } })
    expect(
      await dispatch('local:importGguf', { path: '/nonexistent.gguf', name: 'x' }, 'x'),
    ).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}
