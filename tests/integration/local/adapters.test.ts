import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdapterContext, DecryptedCredential } from '../../../src-main/providers/adapter-types'
import { getProvider } from '../../../src-main/providers/catalog'
import { getAdapter } from '../../../src-main/providers/adapters'
import { ollamaAdapter } from '../../../src-main/providers/adapters/ollama'
import { lmStudioAdapter } from '../../../src-main/providers/adapters/lmstudio'
import { createGuardedFetch } from '../../../src-main/net/guarded-fetch'
import { startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'
import { startFakeLmStudio, type FakeLmStudio } from '../../fixtures/lmstudio-server'
import {
  closedPort,
  serveJson,
  startSilentServer,
  type LocalFake,
} from '../../fixtures/local-servers'

const guarded = createGuardedFetch({ env: {}, defaultTimeoutMs: 500 })
const ctx = (provider: 'ollama' | 'lmstudio'): AdapterContext => ({
  entry: getProvider(provider),
  fetch: guarded,
})
const cred = (
  provider: 'ollama' | 'lmstudio',
  baseUrl: string,
  extra: Partial<DecryptedCredential> = {},
): DecryptedCredential => ({
  id: 'c1',
  provider,
  name: 'local',
  baseUrl,
  ...extra,
})
const KEY = 'sk-local-SECRETSECRET42'

describe('Ollama adapter', () => {
  let o: FakeOllama
  let keyed: FakeOllama
  let garbage: LocalFake
  let silent: LocalFake
  beforeAll(async () => {
    o = await startFakeOllama()
    keyed = await startFakeOllama({ apiKey: KEY })
    garbage = await serveJson((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>')
    })
    silent = await startSilentServer()
  })
  afterAll(async () => {
    await Promise.all([o, keyed, garbage, silent].map((s) => s.close()))
    await guarded.close()
  })

  it('is registered for apiShape ollama and lmstudio', () => {
    expect(getAdapter(getProvider('ollama'))).toBe(ollamaAdapter)
    expect(getAdapter(getProvider('lmstudio'))).toBe(lmStudioAdapter)
  })

  it('test: version + model count, with or without /api in the base URL', async () => {
    for (const base of [o.url, `${o.url}/`, `${o.url}/api`]) {
      const r = await ollamaAdapter.test(cred('ollama', base), ctx('ollama'))
      expect(r).toMatchObject({ code: 'ok', details: { modelCount: 3 } })
      expect(r.message).toContain('Ollama 0.6.5')
      expect(r.message).toContain('3 models available: llama3.2:3b')
    }
  })

  it('test: the key goes as Bearer; a wrong key is auth_invalid without the key in the outcome', async () => {
    expect(
      (await ollamaAdapter.test(cred('ollama', keyed.url, { apiKey: KEY }), ctx('ollama'))).code,
    ).toBe('ok')
    expect(keyed.authHeaders).toContain(`Bearer ${KEY}`)
    const bad = await ollamaAdapter.test(
      cred('ollama', keyed.url, { apiKey: 'sk-wrong-SECRETSECRET77' }),
      ctx('ollama'),
    )
    expect(bad.code).toBe('auth_invalid')
    expect(JSON.stringify(bad)).not.toContain('SECRETSECRET')
  })

  it('test: refused, timeout and garbage', async () => {
    expect((await ollamaAdapter.test(cred('ollama', await closedPort()), ctx('ollama'))).code).toBe(
      'network',
    )
    expect((await ollamaAdapter.test(cred('ollama', silent.url), ctx('ollama'))).code).toBe(
      'timeout',
    )
    const g = await ollamaAdapter.test(cred('ollama', garbage.url), ctx('ollama'))
    expect(g).toMatchObject({ code: 'server_error', params: { reason: 'invalid_body' } })
  })

  it('discover: types from /api/show capabilities, loaded state from /api/ps', async () => {
    const models = await ollamaAdapter.discover(cred('ollama', o.url), ctx('ollama'))
    expect(models).toEqual([
      {
        name: 'llama3.2:3b',
        type: 'language',
        typeSource: 'api',
        sizeBytes: 2019393189,
        loaded: true,
      },
      {
        name: 'nomic-embed-text:latest',
        type: 'embedding',
        typeSource: 'api',
        sizeBytes: 274302450,
        loaded: false,
      },
      {
        name: 'qwen3-embedding:0.6b',
        type: 'embedding',
        typeSource: 'api',
        sizeBytes: 639150000,
        loaded: false,
      },
    ])
    await expect(
      ollamaAdapter.discover(cred('ollama', await closedPort()), ctx('ollama')),
    ).rejects.toMatchObject({ code: 'network' })
  })

  it('model test: chat with num_ctx, embed dimensions, a missing model', async () => {
    const chat = await ollamaAdapter.modelTest(
      cred('ollama', o.url, { numCtx: 4096 }),
      { name: 'llama3.2:3b', type: 'language' },
      ctx('ollama'),
    )
    expect(chat).toMatchObject({ ok: true, code: 'ok', result: { reply: 'ready' } })
    const emb = await ollamaAdapter.modelTest(
      cred('ollama', o.url),
      { name: 'nomic-embed-text:latest', type: 'embedding' },
      ctx('ollama'),
    )
    expect(emb).toMatchObject({ ok: true, result: { dimensions: 768 } })
    const missing = await ollamaAdapter.modelTest(
      cred('ollama', o.url),
      { name: 'nope:1b', type: 'language' },
      ctx('ollama'),
    )
    expect(missing).toMatchObject({ ok: false, code: 'server_error' })
    const tts = await ollamaAdapter.modelTest(
      cred('ollama', o.url),
      { name: 'x', type: 'text_to_speech' },
      ctx('ollama'),
    )
    expect(tts.ok).toBe(false)
  })
})

describe('LM Studio adapter', () => {
  let lm: FakeLmStudio
  let old: FakeLmStudio
  beforeAll(async () => {
    lm = await startFakeLmStudio()
    old = await startFakeLmStudio({ native: false })
  })
  afterAll(async () => Promise.all([lm.close(), old.close()]).then(() => undefined))

  it('discovers through /api/v0/models with types and loaded state (base URL with or without /v1)', async () => {
    for (const base of [lm.url, `${lm.url}/v1`]) {
      const models = await lmStudioAdapter.discover(cred('lmstudio', base), ctx('lmstudio'))
      expect(models).toEqual([
        {
          name: 'qwen2-vl-7b-instruct',
          type: 'language',
          typeSource: 'api',
          loaded: false,
          contextLength: 32768,
        },
        {
          name: 'meta-llama-3.1-8b-instruct',
          type: 'language',
          typeSource: 'api',
          loaded: true,
          contextLength: 32768,
        },
        {
          name: 'text-embedding-nomic-embed-text-v1.5',
          type: 'embedding',
          typeSource: 'api',
          loaded: false,
          contextLength: 32768,
        },
      ])
    }
  })

  it('falls back to /v1/models (types by name) on an LM Studio without the native API', async () => {
    const models = await lmStudioAdapter.discover(cred('lmstudio', old.url), ctx('lmstudio'))
    expect(models.map((m) => [m.name, m.type])).toEqual([
      ['qwen2-vl-7b-instruct', 'language'],
      ['meta-llama-3.1-8b-instruct', 'language'],
      ['text-embedding-nomic-embed-text-v1.5', 'embedding'],
    ])
  })

  it('tests and model-tests through the OpenAI-shaped adapter', async () => {
    expect((await lmStudioAdapter.test(cred('lmstudio', lm.url), ctx('lmstudio'))).code).toBe('ok')
    const chat = await lmStudioAdapter.modelTest(
      cred('lmstudio', lm.url),
      { name: 'meta-llama-3.1-8b-instruct', type: 'language' },
      ctx('lmstudio'),
    )
    expect(chat.ok).toBe(true)
    const emb = await lmStudioAdapter.modelTest(
      cred('lmstudio', lm.url),
      { name: 'text-embedding-nomic-embed-text-v1.5', type: 'embedding' },
      ctx('lmstudio'),
    )
    expect(emb).toMatchObject({ ok: true, result: { dimensions: 768 } })
  })
})
