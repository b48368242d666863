/**
 * Issue 12, local servers as they really answer: oMLX on :8000 with a 503 "loading" health,
 * LM Studio with API tokens required and Jan (always keyed) as "needs a key" with a Connect
 * that asks for the key, and Ollama image-generation models left out (never chat-tested).
 * The fakes' routes cite their sources (tests/fixtures/local-servers.ts, lmstudio-server.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectServer, type ConnectDeps } from '../../../src-main/local/connect'
import {
  defaultTargets,
  detectLocalServers,
  type ProbeTarget,
} from '../../../src-main/local/detect'
import { AppError } from '../../../src-main/errors'
import { getProvider } from '../../../src-main/providers/catalog'
import { ollamaAdapter } from '../../../src-main/providers/adapters/ollama'
import { ctxFor } from '../../fixtures/adapter-harness'
import { startFakeLmStudio, type FakeLmStudio } from '../../fixtures/lmstudio-server'
import { startFakeLocal, type LocalFake } from '../../fixtures/local-servers'
import { OLLAMA_MODELS, startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'

const TOKEN = 'lm-studio-token-0123456789abcdef'
const t = (baseUrl: string, extra: Partial<ProbeTarget> = {}): ProbeTarget => ({
  baseUrl,
  source: 'default',
  ...extra,
})
const detectOne = async (target: ProbeTarget) =>
  (await detectLocalServers({ fetch, env: {}, targets: [target], timeoutMs: 1500 })).servers[0]

describe('oMLX', () => {
  let loading: LocalFake
  let keyed: LocalFake
  beforeAll(async () => {
    loading = await startFakeLocal('omlx', ['mlx-community/Qwen3-8B-4bit'], { loading: true })
    keyed = await startFakeLocal('omlx', ['mlx-community/Qwen3-8B-4bit'], { key: 'omlx-key' })
  })
  afterAll(async () => Promise.all([loading.close(), keyed.close()]))

  it('listens on :8000 by default (catalog and detection), not 11435', () => {
    expect(getProvider('omlx').defaultBaseUrl).toBe('http://localhost:8000/v1')
    const ports = defaultTargets().map((x) => new URL(x.baseUrl).port)
    expect(ports).toContain('8000')
    expect(ports).not.toContain('11435')
  })

  it('a 503 "loading" health is oMLX starting, not an absent or generic server', async () => {
    const s = await detectOne(t(loading.url))
    expect(s).toMatchObject({ kind: 'omlx', state: 'starting' })
  })

  it('with --api-key set, its open /health still identifies it; the listing needs the key', async () => {
    const s = await detectOne(t(keyed.url))
    expect(s).toMatchObject({ kind: 'omlx', state: 'auth_required' })
  })
})

describe('servers that want a key', () => {
  let lm: FakeLmStudio
  let jan: LocalFake
  beforeAll(async () => {
    lm = await startFakeLmStudio({ token: TOKEN })
    jan = await startFakeLocal('jan', ['llama3.2-3b-instruct'], { key: 'jan-key' })
  })
  afterAll(async () => Promise.all([lm.close(), jan.close()]))

  it('LM Studio with API tokens on its port is LM Studio, and "needs a key"', async () => {
    // defaultTargets() names :1234 LM Studio; the fake runs on a free port, so say it here.
    const s = await detectOne(t(lm.url, { genericKind: 'lmstudio' }))
    expect(s).toMatchObject({ kind: 'lmstudio', state: 'auth_required', provider: 'lmstudio' })
    expect(defaultTargets().find((x) => x.baseUrl.endsWith(':1234'))?.genericKind).toBe('lmstudio')
  })

  it('Jan (its key is always required) "needs a key"', async () => {
    const s = await detectOne(t(jan.url, { genericKind: 'jan' }))
    expect(s).toMatchObject({ kind: 'jan', state: 'auth_required' })
  })

  it('Connect without the key creates nothing; with it, the models are discovered and registered', async () => {
    const server = (await detectOne(t(lm.url, { genericKind: 'lmstudio' })))!
    const created: unknown[] = []
    const registered: unknown[] = []
    const deps: ConnectDeps = {
      createCredential: async (i) => (created.push(i), { id: 'cred-lm' }),
      registerModels: async (_id, m) => (registered.push(...m), { created: m.length, existing: 0 }),
      discoverModels: async () => [{ id: 'meta-llama-3.1-8b-instruct', type: 'language' }],
    }
    await expect(connectServer(server, deps)).rejects.toMatchObject({
      code: 'validation',
      params: { field: 'apiKey', reason: 'key_required' },
    })
    expect(created).toHaveLength(0)
    const res = await connectServer(server, deps, { apiKey: ` ${TOKEN} ` })
    expect(created).toEqual([
      {
        provider: 'lmstudio',
        name: expect.stringContaining('LM Studio'),
        baseUrl: `${lm.url}/v1`,
        apiKey: TOKEN,
      },
    ])
    expect(res.registered).toBe(1)
    expect(registered).toEqual([{ name: 'meta-llama-3.1-8b-instruct', type: 'language' }])
  })

  it('a key the server refuses leaves no credential behind', async () => {
    const server = (await detectOne(t(lm.url, { genericKind: 'lmstudio' })))!
    const removed: string[] = []
    const deps: ConnectDeps = {
      createCredential: async () => ({ id: 'cred-bad' }),
      registerModels: async () => ({ created: 0, existing: 0 }),
      discoverModels: async () => {
        throw new AppError('auth_invalid', 'LM Studio rejected the credential (401)')
      },
      removeCredential: async (id) => void removed.push(id),
    }
    await expect(connectServer(server, deps, { apiKey: 'wrong' })).rejects.toMatchObject({
      code: 'auth_invalid',
    })
    expect(removed).toEqual(['cred-bad'])
  })
})

describe('Ollama image-generation models', () => {
  let o: FakeOllama
  beforeAll(async () => {
    o = await startFakeOllama({
      models: [
        ...OLLAMA_MODELS,
        // An image generator: capability `image` without `completion`
        // (ollama/ollama types/model/capability.go: completion, tools, insert, vision,
        // embedding, thinking, image, audio).
        {
          name: 'x/z-image-turbo:latest',
          size: 12_000_000_000,
          family: 'zimage',
          parameterSize: '6B',
          quantization: 'BF16',
          capabilities: ['image'],
        },
        {
          name: 'gemma3:4b',
          size: 3_300_000_000,
          family: 'gemma3',
          parameterSize: '4.3B',
          quantization: 'Q4_K_M',
          capabilities: ['completion', 'vision', 'insert'],
        },
      ],
    })
  })
  afterAll(() => o.close())

  it('are neither listed by detection nor offered by discovery; vision/insert chat models are', async () => {
    const s = await detectOne(t(o.url))
    expect(s?.models.map((m) => m.id)).not.toContain('x/z-image-turbo:latest')
    expect(s?.models.find((m) => m.id === 'gemma3:4b')).toMatchObject({
      type: 'language',
      typeSource: 'api',
    })
    const found = await ollamaAdapter.discover(
      { id: 'c', provider: 'ollama', name: 'O', baseUrl: o.url },
      ctxFor('ollama'),
    )
    expect(found.map((m) => m.name)).not.toContain('x/z-image-turbo:latest')
    expect(found.find((m) => m.name === 'gemma3:4b')?.type).toBe('language')
  })
})
