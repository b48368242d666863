import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectLocalServers, type ProbeTarget } from '../../../src-main/local/detect'
import { startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'
import { startFakeLmStudio, type FakeLmStudio } from '../../fixtures/lmstudio-server'
import {
  closedPort,
  startFakeLocal,
  startSilentServer,
  type LocalFake,
} from '../../fixtures/local-servers'

const t = (baseUrl: string, extra: Partial<ProbeTarget> = {}): ProbeTarget => ({
  baseUrl,
  source: 'default',
  ...extra,
})

describe('local server detection', () => {
  let ollama: FakeOllama
  let lmstudio: FakeLmStudio
  let idle: FakeLmStudio
  let silent: LocalFake
  const others: Record<string, LocalFake> = {}

  beforeAll(async () => {
    ollama = await startFakeOllama()
    lmstudio = await startFakeLmStudio()
    idle = await startFakeLmStudio({
      models: [{ id: 'meta-llama-3.1-8b-instruct', type: 'llm', state: 'not-loaded' }],
    })
    silent = await startSilentServer()
    for (const kind of [
      'llamacpp',
      'vllm',
      'localai',
      'koboldcpp',
      'textgen',
      'omlx',
      'jan',
    ] as const) {
      others[kind] = await startFakeLocal(
        kind,
        kind === 'llamacpp' ? ['nomic-embed-text-v1.5.Q8_0', 'x'] : ['qwen2.5-7b-instruct'],
      )
    }
  })
  afterAll(async () => {
    await Promise.all(
      [ollama, lmstudio, idle, silent, ...Object.values(others)].map((s) => s.close()),
    )
  })

  it('identifies each server by its own endpoint, with version, models, types and loaded state', async () => {
    const closed = await closedPort()
    const r = await detectLocalServers({
      fetch,
      env: {},
      targets: [t(ollama.url), t(lmstudio.url), t(closed)],
      timeoutMs: 1000,
    })
    expect(r.probed).toBe(3)
    expect(r.servers.map((s) => s.kind)).toEqual(['ollama', 'lmstudio'])
    const o = r.servers[0]!
    expect(o).toMatchObject({
      baseUrl: ollama.url,
      version: '0.6.5',
      state: 'ready',
      provider: 'ollama',
      credentialBaseUrl: ollama.url,
    })
    expect(o.models).toEqual([
      {
        id: 'llama3.2:3b',
        type: 'language',
        typeSource: 'api',
        loaded: true,
        sizeBytes: 2019393189,
        family: 'llama',
        quantization: 'Q4_K_M',
        parameterSize: '3.2B',
      },
      expect.objectContaining({
        id: 'nomic-embed-text:latest',
        type: 'embedding',
        typeSource: 'api',
        loaded: false,
      }),
      // capabilities win over the name: "qwen3-embedding" is an embedding model because Ollama says so
      expect.objectContaining({ id: 'qwen3-embedding:0.6b', type: 'embedding', typeSource: 'api' }),
    ])
    const l = r.servers[1]!
    expect(l).toMatchObject({
      state: 'ready',
      provider: 'lmstudio',
      credentialBaseUrl: `${lmstudio.url}/v1`,
      version: null,
    })
    expect(l.models.map((m) => [m.id, m.type, m.loaded])).toEqual([
      ['qwen2-vl-7b-instruct', 'language', false],
      ['meta-llama-3.1-8b-instruct', 'language', true],
      ['text-embedding-nomic-embed-text-v1.5', 'embedding', false],
    ])
  })

  it('"running, nothing loaded" is a state of its own', async () => {
    const r = await detectLocalServers({ fetch, targets: [t(idle.url)], timeoutMs: 1000 })
    expect(r.servers[0]).toMatchObject({ kind: 'lmstudio', state: 'nothing_loaded' })
  })

  it('tells the other kinds apart, whatever port they are on', async () => {
    const targets = Object.entries(others).map(([kind, s]) =>
      t(s.url, kind === 'jan' ? { genericKind: 'jan' } : {}),
    )
    const r = await detectLocalServers({ fetch, targets, timeoutMs: 1000 })
    const byUrl = new Map(r.servers.map((s) => [s.baseUrl, s]))
    for (const [kind, fake] of Object.entries(others)) {
      expect(byUrl.get(fake.url)?.kind, kind).toBe(kind)
      expect(byUrl.get(fake.url)?.provider).toBe('openai_compatible')
    }
    expect(byUrl.get(others.llamacpp!.url)).toMatchObject({ version: 'b5000-abc1234' })
    expect(byUrl.get(others.llamacpp!.url)?.models[0]).toMatchObject({
      id: 'nomic-embed-text-v1.5.Q8_0',
      type: 'embedding',
      typeSource: 'name',
      loaded: true,
    })
    expect(byUrl.get(others.vllm!.url)).toMatchObject({ version: '0.6.3' })
    expect(byUrl.get(others.vllm!.url)?.models[0]).toMatchObject({
      contextLength: 32768,
      loaded: true,
    })
    expect(byUrl.get(others.koboldcpp!.url)).toMatchObject({ version: '1.80.3', kind: 'koboldcpp' })
    expect(byUrl.get(others.localai!.url)).toMatchObject({ version: 'v2.28.0' })
    expect(byUrl.get(others.textgen!.url)?.models[0]?.loaded).toBe(true)
    expect(byUrl.get(others.jan!.url)?.credentialBaseUrl).toBe(`${others.jan!.url}/v1`)
    // Without the Jan hint a bare /v1/models server is generic OpenAI-compatible.
    const plain = await detectLocalServers({
      fetch,
      targets: [t(others.jan!.url)],
      timeoutMs: 1000,
    })
    expect(plain.servers[0]?.kind).toBe('openai_compatible')
  })

  // No timed asserts (a busy machine stretches any figure): the sweep's cost against its
  // deadline is measured by bench/detect.bench.ts. Here the behaviour: a server that never
  // answers cannot hold the sweep (the silent fake never answers, so only the deadline ends it).
  it('a port that never answers does not hold the sweep past the timeout', async () => {
    const closed = await Promise.all([closedPort(), closedPort(), closedPort()])
    const r = await detectLocalServers({
      fetch,
      targets: [t(silent.url), t(ollama.url), ...closed.map((u) => t(u))],
      timeoutMs: 2000,
    })
    expect(r.servers.map((s) => s.kind)).toEqual(['ollama'])
  })

  it('a sweep of closed ports only ends at once, not at the timeout', async () => {
    const closed = await Promise.all([closedPort(), closedPort()])
    // A deadline far past the test's own time limit: finishing at all proves it did not wait.
    const r = await detectLocalServers({
      fetch,
      targets: closed.map((u) => t(u)),
      timeoutMs: 10 * 60_000,
    })
    expect(r.servers).toEqual([])
  })

  it('honours OLLAMA_HOST and user-added targets', async () => {
    const host = ollama.url.replace('http://127.0.0.1', '0.0.0.0')
    const r = await detectLocalServers({
      fetch,
      env: { OLLAMA_HOST: host },
      targets: [],
      extraTargets: [`${lmstudio.url}/v1/`],
      timeoutMs: 1000,
    })
    expect(r.servers.map((s) => [s.kind, s.source, s.baseUrl])).toEqual([
      ['ollama', 'ollama_host', ollama.url],
      ['lmstudio', 'extra', lmstudio.url],
    ])
  })

  it('an outer cancel ends the sweep with `cancelled`', async () => {
    const c = new AbortController()
    const p = detectLocalServers({
      fetch,
      targets: [t(silent.url)],
      timeoutMs: 2000,
      signal: c.signal,
    })
    setTimeout(() => c.abort(), 20)
    await expect(p).rejects.toMatchObject({ code: 'cancelled' })
  })
})
