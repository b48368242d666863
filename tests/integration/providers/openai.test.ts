/**
 * The OpenAI-shaped adapter against its fake (tests/fixtures/openai-server.ts, routes cited
 * there): the outcome suite per flavour, each provider's quirks, discovery, and model tests run
 * through the SDK client of src-main/providers/adapters/openai-sdk — checked here for sending
 * only the headers it allows (no keys or custom headers the SDK reads from the environment) and
 * for mapping the SDK's status errors through the shared code table without the key.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openAiAdapter } from '../../../src-main/providers/adapters/openai'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import type { ProviderId } from '../../../src-main/providers/catalog-types'
import { getAdapter } from '../../../src-main/providers/adapters'
import { getProvider } from '../../../src-main/providers/catalog'
import {
  ctxFor,
  expectNoSecret,
  expectSecretOnlyIn,
  outcomeSuite,
  type CredVariant,
} from '../../fixtures/adapter-harness'
import { FLAVOR, startOpenAiServer } from '../../fixtures/openai-server'
import { header, type FakeServer } from '../../fixtures/recording-server'
import { closedAfter } from '../../support/servers'

const KEY = 'sk-proj-TESTKEY0123456789abcdefwxyz'
const BAD = 'sk-proj-WRONGKEY999999999999999'

const PREFIX: Partial<Record<ProviderId, string>> = {
  groq: '/openai/v1',
  openrouter: '/api/v1',
  dashscope: '/compatible-mode/v1',
  novita: '/openai/v1',
  deepseek: '',
}

function cred(
  provider: ProviderId,
  baseUrl: string | null,
  variant: CredVariant = 'good',
): DecryptedCredential {
  const keyless = provider === 'omlx' || provider === 'openai_compatible'
  if (variant === 'missing' && keyless) {
    // Key-optional providers are not_configured without a usable base URL instead.
    return {
      id: 'c1',
      provider,
      name: 'T',
      baseUrl: provider === 'omlx' ? 'localhost:11435' : null,
      apiKey: KEY,
    }
  }
  return {
    id: 'c1',
    provider,
    name: 'T',
    baseUrl,
    apiKey: variant === 'good' ? KEY : variant === 'bad' ? BAD : null,
  }
}

const KEYED: ProviderId[] = [
  'openai',
  'groq',
  'mistral',
  'deepseek',
  'xai',
  'openrouter',
  'dashscope',
  'minimax',
  'novita',
  'ppq',
]

for (const provider of [...KEYED, 'omlx', 'openai_compatible'] as ProviderId[]) {
  outcomeSuite({
    provider,
    adapter: openAiAdapter,
    start: () =>
      startOpenAiServer({ key: KEY, prefix: PREFIX[provider] ?? '/v1', flavor: FLAVOR[provider] }),
    cred: (url, v) => cred(provider, url, v),
    secrets: () => [KEY, BAD],
    authHeader: 'authorization',
    quota: KEYED.includes(provider),
    onOk: (o) =>
      provider === 'openrouter'
        ? expect(o.details?.credit).toBe(7.5)
        : provider === 'ppq'
          ? expect(o.details?.credit).toBe(4.2)
          : expect(o.details?.modelCount).toBe(3),
  })
}

describe('openai-shaped: quirks', () => {
  const track = closedAfter()
  const start = async (o: Parameters<typeof startOpenAiServer>[0]) =>
    track(await startOpenAiServer(o))

  it('the registry maps the catalog shape to this adapter', () => {
    expect(getAdapter(getProvider('groq'))).toBe(openAiAdapter)
    expect(() => getAdapter({ ...getProvider('groq'), apiShape: 'none' as never })).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    )
  })

  it('xAI: 400 "Incorrect API key" is auth_invalid with the docs link', async () => {
    const s = await start({ key: KEY, flavor: 'xai' })
    const o = await openAiAdapter.test(cred('xai', s.url, 'bad'), ctxFor('xai'))
    expect(o.code).toBe('auth_invalid')
    expect(o.hint).toContain('https://console.x.ai/')
  })

  it('OpenRouter: the test uses the authenticated /key, not the public listing', async () => {
    const s = await start({
      key: KEY,
      flavor: 'openrouter',
      prefix: '/api/v1',
      keyInfo: { label: 'x', limit: null, limit_remaining: null, usage: 0 },
    })
    const o = await openAiAdapter.test(cred('openrouter', s.url), ctxFor('openrouter'))
    expect(o.code).toBe('ok')
    expect(o.details?.credit).toBeNull()
    expect(s.requests.map((r) => r.path)).toEqual(['/api/v1/key'])
  })

  it('compat server without a listing: ok_listing_unsupported, and discovery says so', async () => {
    const s = await start({ key: null, listing: false })
    const c = { ...cred('openai_compatible', s.url), apiKey: null }
    const o = await openAiAdapter.test(c, ctxFor('openai_compatible'))
    expect(o.code).toBe('ok_listing_unsupported')
    await expect(openAiAdapter.discover(c, ctxFor('openai_compatible'))).rejects.toMatchObject({
      code: 'unsupported',
    })
    for (const r of s.requests) expect(header(r, 'authorization')).toBe('')
  })

  it('a base URL missing /v1 gets the hint "add /v1" (probed)', async () => {
    const s = await start({ key: KEY, prefix: '/v1' })
    const o = await openAiAdapter.test(
      cred('openai_compatible', s.origin),
      ctxFor('openai_compatible'),
    )
    expect(o.code).toBe('server_error')
    expect(o.params?.reason).toBe('missing_v1')
    expect(o.hint).toContain(`${s.origin}/v1`)
  })

  it('accepts an override with or without /v1 and trailing slashes', async () => {
    const s = await start({ key: KEY, prefix: '/gw/v1' })
    for (const base of [`${s.origin}/gw`, `${s.origin}/gw/v1`, `${s.origin}/gw/v1/`]) {
      expect((await openAiAdapter.test(cred('openai', base), ctxFor('openai'))).code, base).toBe(
        'ok',
      )
    }
  })

  it('discovery follows has_more/last_id pages and types by name', async () => {
    const models = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `gpt-test-${i}`, object: 'model' })),
      { id: 'text-embedding-3-large', object: 'model' },
      { id: 'gpt-4o-mini-tts', object: 'model' },
      { id: 'gpt-4o-transcribe', object: 'model' },
      { id: 'dall-e-3', object: 'model' },
      { id: 'omni-moderation-latest', object: 'model' },
    ]
    const s = await start({ key: KEY, models, pageSize: 3 })
    const found = await openAiAdapter.discover(cred('openai', s.url), ctxFor('openai'))
    expect(found.map((m) => m.name)).toHaveLength(8)
    expect(found.find((m) => m.name === 'text-embedding-3-large')?.type).toBe('embedding')
    expect(found.find((m) => m.name === 'gpt-4o-mini-tts')?.type).toBe('text_to_speech')
    expect(found.find((m) => m.name === 'gpt-4o-transcribe')?.type).toBe('speech_to_text')
    expect(found.some((m) => m.name === 'dall-e-3')).toBe(false)
    expect(s.requests.filter((r) => r.path === '/v1/models')).toHaveLength(4)
    expect(s.requests.some((r) => r.query.get('after') === 'gpt-test-2')).toBe(true)
  })

  it('discovery follows same-origin next links (compat servers)', async () => {
    const models = Array.from({ length: 5 }, (_, i) => ({ id: `nomic-embed-text-${i}` }))
    const s = await start({ key: null, models, pageSize: 2, paging: 'next' })
    const found = await openAiAdapter.discover(
      { ...cred('openai_compatible', s.url), apiKey: null },
      ctxFor('openai_compatible'),
    )
    expect(found).toHaveLength(5)
    expect(found.every((m) => m.type === 'embedding' && m.typeSource === 'name')).toBe(true)
  })

  it('OpenRouter: output_modalities and the embeddings listing type the models', async () => {
    const s = await start({
      key: KEY,
      flavor: 'openrouter',
      prefix: '/api/v1',
      models: [
        {
          id: 'openai/gpt-4o-mini',
          name: 'OpenAI: GPT-4o-mini',
          context_length: 128000,
          architecture: { input_modalities: ['text', 'image'], output_modalities: ['text'] },
        },
        {
          id: 'openai/gpt-4o-mini-tts',
          architecture: { input_modalities: ['text'], output_modalities: ['audio'] },
        },
        {
          id: 'openai/whisper-1',
          architecture: { input_modalities: ['audio'], output_modalities: ['text'] },
        },
      ],
      embeddingModels: [
        {
          id: 'openai/text-embedding-3-small',
          name: 'OpenAI: Text Embedding 3 Small',
          architecture: { output_modalities: ['embeddings'] },
        },
      ],
    })
    const found = await openAiAdapter.discover(cred('openrouter', s.url), ctxFor('openrouter'))
    const byName = Object.fromEntries(found.map((m) => [m.name, m]))
    expect(byName['openai/gpt-4o-mini']).toMatchObject({
      type: 'language',
      typeSource: 'api',
      contextLength: 128000,
      displayName: 'OpenAI: GPT-4o-mini',
    })
    expect(byName['openai/gpt-4o-mini-tts']).toMatchObject({
      type: 'text_to_speech',
      typeSource: 'api',
    })
    expect(byName['openai/whisper-1']).toMatchObject({ type: 'speech_to_text', typeSource: 'api' })
    expect(byName['openai/text-embedding-3-small']).toMatchObject({
      type: 'embedding',
      typeSource: 'api',
    })
  })

  it('Mistral: capabilities decide chat vs embedding vs moderation', async () => {
    const caps = (chat: boolean, extra: Record<string, boolean> = {}) => ({
      completion_chat: chat,
      completion_fim: false,
      function_calling: chat,
      fine_tuning: false,
      vision: false,
      classification: false,
      ...extra,
    })
    const s = await start({
      key: KEY,
      flavor: 'mistral',
      models: [
        { id: 'mistral-small-latest', capabilities: caps(true), max_context_length: 32768 },
        { id: 'mistral-embed', capabilities: caps(false) },
        { id: 'mistral-moderation-latest', capabilities: caps(false, { classification: true }) },
        { id: 'voxtral-mini-latest', capabilities: caps(true, { audio: true }) },
      ],
    })
    const found = await openAiAdapter.discover(cred('mistral', s.url), ctxFor('mistral'))
    const byName = Object.fromEntries(found.map((m) => [m.name, m]))
    expect(byName['mistral-small-latest']).toMatchObject({
      type: 'language',
      typeSource: 'api',
      contextLength: 32768,
    })
    expect(byName['mistral-embed']).toMatchObject({ type: 'embedding', typeSource: 'api' })
    expect(byName['voxtral-mini-latest']?.type).toBe('speech_to_text')
    expect(byName['mistral-moderation-latest']).toBeUndefined()
  })

  it('PPQ: the listing asks for every type', async () => {
    const s = await start({ key: KEY })
    await openAiAdapter.discover(cred('ppq', s.url), ctxFor('ppq'))
    expect(s.requests[0]?.query.get('type')).toBe('all')
  })

  it('discovery errors are errors, never an empty list', async () => {
    const s = await start({ key: KEY })
    await expect(
      openAiAdapter.discover(cred('openai', s.url, 'bad'), ctxFor('openai')),
    ).rejects.toMatchObject({ code: 'auth_invalid' })
    s.mode = 'garbage'
    await expect(
      openAiAdapter.discover(cred('openai', s.url), ctxFor('openai')),
    ).rejects.toMatchObject({ code: 'server_error', params: { reason: 'invalid_body' } })
    s.mode = 'ok'
    await expect(
      openAiAdapter.discover(cred('openai', null, 'missing'), ctxFor('openai')),
    ).rejects.toMatchObject({ code: 'not_configured' })
  })
})

describe('openai-shaped: model tests through the SDK', () => {
  let s: FakeServer
  const saved = { ...process.env }
  beforeAll(async () => {
    s = await startOpenAiServer({ key: KEY, dimensions: 768 })
  })
  afterAll(() => s.close())
  afterEach(() => {
    process.env = { ...saved }
    s.mode = 'ok'
  })
  const ctx = {
    ...ctxFor('openai'),
    sttClip: async () => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(64)]),
  }

  it('runs each type and reports what came back', async () => {
    const c = cred('openai', s.url)
    const lang = await openAiAdapter.modelTest(c, { name: 'gpt-4o-mini', type: 'language' }, ctx)
    expect(lang).toMatchObject({ ok: true, code: 'ok', result: { reply: 'OK' } })
    const chatBody = JSON.parse(s.requests.at(-1)!.body.toString())
    expect(chatBody.max_completion_tokens).toBe(16)
    const emb = await openAiAdapter.modelTest(
      c,
      { name: 'text-embedding-3-small', type: 'embedding' },
      ctx,
    )
    expect(emb.result?.dimensions).toBe(768)
    const tts = await openAiAdapter.modelTest(c, { name: 'tts-1', type: 'text_to_speech' }, ctx)
    expect(tts.result?.bytes).toBe(2051)
    const stt = await openAiAdapter.modelTest(c, { name: 'whisper-1', type: 'speech_to_text' }, ctx)
    expect(stt).toMatchObject({ ok: true, result: { transcript: 'Hello there.' } })
    expectSecretOnlyIn(s.requests, 'authorization', [KEY])
  })

  it('uses max_tokens for other providers', async () => {
    await openAiAdapter.modelTest(
      cred('groq', s.url),
      { name: 'llama-3.1-8b-instant', type: 'language' },
      ctxFor('groq'),
    )
    expect(JSON.parse(s.requests.at(-1)!.body.toString()).max_tokens).toBe(16)
  })

  it('maps failures to codes without the key', async () => {
    const bad = await openAiAdapter.modelTest(
      cred('openai', s.url, 'bad'),
      { name: 'gpt-4o-mini', type: 'language' },
      ctx,
    )
    expect(bad).toMatchObject({ ok: false, code: 'auth_invalid' })
    s.mode = 'server_error'
    const err = await openAiAdapter.modelTest(
      cred('openai', s.url),
      { name: 'gpt-4o-mini', type: 'language' },
      ctx,
    )
    expect(err).toMatchObject({ ok: false, code: 'server_error' })
    expectNoSecret([bad, err], [KEY, BAD])
    s.mode = 'garbage'
    const garbage = await openAiAdapter.modelTest(
      cred('openai', s.url),
      { name: 'gpt-4o-mini', type: 'language' },
      ctx,
    )
    expect(garbage).toMatchObject({ ok: false, code: 'server_error' })
    const noClip = await openAiAdapter.modelTest(
      cred('openai', s.url),
      { name: 'whisper-1', type: 'speech_to_text' },
      ctxFor('openai'),
    )
    expect(noClip).toMatchObject({ ok: false, code: 'not_configured' })
  })

  it('never sends environment keys or custom headers the SDK would read', async () => {
    process.env.OPENAI_API_KEY = 'sk-env-LEAK-0123456789'
    process.env.OPENAI_ORG_ID = 'org-LEAK'
    process.env.OPENAI_CUSTOM_HEADERS = 'x-leak: sk-env-LEAK-0123456789'
    s.requests.length = 0
    const c = { ...cred('openai_compatible', s.url), apiKey: null }
    await openAiAdapter.modelTest(
      c,
      { name: 'gpt-4o-mini', type: 'language' },
      ctxFor('openai_compatible'),
    )
    const r = s.requests.at(-1)!
    expect(JSON.stringify(r.headers)).not.toContain('LEAK')
    expect(header(r, 'authorization')).toBe('')
  })

  it('network failures are coded', async () => {
    const o = await openAiAdapter.modelTest(
      cred('openai', 'http://127.0.0.1:1/v1'),
      { name: 'gpt-4o-mini', type: 'language' },
      ctx,
    )
    expect(o).toMatchObject({ ok: false, code: 'network' })
  })
})
