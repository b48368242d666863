/**
 * Issue 12: the OpenAI-shaped providers as they really answer (each fake route cites its
 * source in tests/fixtures/openai-server.ts). One test per known mismatch; each fails against
 * the adapter as it was before the fix. The speech routes that are not OpenAI's are
 * src-main/providers/adapters/openai-speech: xAI's `/tts` body, Mistral's base64 `audio_data`
 * read as audio, and the voice chosen per model (Groq).
 */
import { describe, expect, it } from 'vitest'
import { openAiAdapter } from '../../../src-main/providers/adapters/openai'
import { modelTestRoot } from '../../../src-main/providers/adapters/openai-model-test'
import { apiRoot, entryFor } from '../../../src-main/providers/base-url'
import { getProvider } from '../../../src-main/providers/catalog'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import type { ProviderId } from '../../../src-main/providers/catalog-types'
import { ctxFor, expectNoSecret } from '../../fixtures/adapter-harness'
import { startOpenAiServer, type OpenAiFakeOptions } from '../../fixtures/openai-server'
import { jsonBody, type FakeServer } from '../../fixtures/recording-server'
import { closedAfter } from '../../support/servers'

const KEY = 'sk-proj-CONFORMANCE0123456789abcd'
const RESTRICTED = 'sk-proj-RESTRICTED0123456789abcd'
const BAD = 'sk-proj-WRONGKEY999999999999999'

const track = closedAfter()
async function start(o: OpenAiFakeOptions): Promise<FakeServer> {
  return track(await startOpenAiServer(o))
}
const cred = (provider: ProviderId, baseUrl: string | null, apiKey = KEY): DecryptedCredential => ({
  id: 'c1',
  provider,
  name: 'T',
  baseUrl,
  apiKey,
})

describe('text-to-speech: each provider its own route and voice', () => {
  it('xAI speaks on POST /v1/tts with {text, voice_id, language, output_format}', async () => {
    const s = await start({ key: KEY, flavor: 'xai' })
    const o = await openAiAdapter.modelTest(
      cred('xai', s.url),
      { name: 'grok-tts', type: 'text_to_speech' },
      ctxFor('xai'),
    )
    expect(o.ok, o.message).toBe(true)
    expect(o.result?.bytes).toBeGreaterThan(0)
    const req = s.requests.find((r) => r.path === '/v1/tts')!
    expect(jsonBody(req)).toMatchObject({
      text: expect.any(String),
      voice_id: 'eve',
      language: 'en',
      output_format: { codec: 'mp3' },
    })
    expect(s.requests.some((r) => r.path === '/v1/audio/speech')).toBe(false)
  })

  it('Mistral takes voice_id and answers {audio_data} in base64: that is audio', async () => {
    const s = await start({ key: KEY, flavor: 'mistral' })
    const o = await openAiAdapter.modelTest(
      cred('mistral', s.url),
      { name: 'voxtral-mini-tts-2603', type: 'text_to_speech' },
      ctxFor('mistral'),
    )
    expect(o.ok, o.message).toBe(true)
    expect(o.result?.bytes).toBe(2051)
    expect(jsonBody(s.requests[0]!)).toMatchObject({
      model: 'voxtral-mini-tts-2603',
      voice_id: 'en_paul_neutral',
    })
  })

  it('Groq gets one of its own voices (alloy is refused), per model where it differs', async () => {
    const s = await start({ key: KEY, flavor: 'groq', prefix: '/openai/v1' })
    for (const [model, voice] of [
      ['canopylabs/orpheus-v1-english', 'autumn'],
      ['canopylabs/orpheus-arabic-saudi', 'fahad'],
    ]) {
      const o = await openAiAdapter.modelTest(
        cred('groq', s.url),
        { name: model!, type: 'text_to_speech' },
        ctxFor('groq'),
      )
      expect(o.ok, o.message).toBe(true)
      expect(jsonBody(s.requests.at(-1)!).voice).toBe(voice)
    }
  })

  it('PPQ audio lives on https://ppq.ai/api/v1 unless the base URL is overridden', () => {
    const ppq = getProvider('ppq')
    const c = cred('ppq', null)
    expect(modelTestRoot(c, ppq, 'https://api.ppq.ai/v1', 'text_to_speech')).toBe(
      'https://ppq.ai/api/v1',
    )
    expect(modelTestRoot(c, ppq, 'https://api.ppq.ai/v1', 'speech_to_text')).toBe(
      'https://ppq.ai/api/v1',
    )
    expect(modelTestRoot(c, ppq, 'https://api.ppq.ai/v1', 'language')).toBe('https://api.ppq.ai/v1')
    const proxied = cred('ppq', 'https://gw.example/v1')
    expect(modelTestRoot(proxied, ppq, 'https://gw.example/v1', 'text_to_speech')).toBe(
      'https://gw.example/v1',
    )
  })
})

describe('keys: what the test call proves', () => {
  it('PPQ: the public listing proves nothing, so a wrong key fails on /credits/balance', async () => {
    const s = await start({ key: KEY, flavor: 'ppq' })
    const bad = await openAiAdapter.test(cred('ppq', s.url, BAD), ctxFor('ppq'))
    expect(bad.code).toBe('auth_invalid')
    const good = await openAiAdapter.test(cred('ppq', s.url), ctxFor('ppq'))
    expect(good.code).toBe('ok')
    expect(good.details?.credit).toBe(4.2)
    expect(s.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /credits/balance',
      'POST /credits/balance',
    ])
  })

  it('OpenAI restricted key: 401 missing_scope is auth_forbidden naming the scope', async () => {
    const s = await start({ key: KEY, restrictedKey: RESTRICTED })
    const o = await openAiAdapter.test(cred('openai', s.url, RESTRICTED), ctxFor('openai'))
    expect(o.code).toBe('auth_forbidden')
    expect(o.params).toMatchObject({ reason: 'missing_scope', scope: 'api.model.read' })
    expect(o.hint).toContain('api.model.read')
    expectNoSecret(o, [RESTRICTED])
    // Discovery says the same (a coded error, not "key rejected").
    await expect(
      openAiAdapter.discover(cred('openai', s.url, RESTRICTED), ctxFor('openai')),
    ).rejects.toMatchObject({ code: 'auth_forbidden', params: { reason: 'missing_scope' } })
  })

  it('xAI: a URL-encoded "Incorrect API key" body is still auth_invalid', async () => {
    const s = await start({ key: KEY, flavor: 'xai', encodedErrors: true })
    const o = await openAiAdapter.test(cred('xai', s.url, BAD), ctxFor('xai'))
    expect(o.code, o.message).toBe('auth_invalid')
    expect(o.hint).toContain('https://console.x.ai/')
  })
})

describe('discovery: every model, every page', () => {
  it('OpenRouter asks for output_modalities=all and follows links.next', async () => {
    const arch = (out: string[], input = ['text']) => ({
      input_modalities: input,
      output_modalities: out,
    })
    const s = await start({
      key: KEY,
      flavor: 'openrouter',
      prefix: '/api/v1',
      pageSize: 2,
      paging: 'links',
      models: [
        { id: 'openai/gpt-4o-mini', architecture: arch(['text']) },
        { id: 'assemblyai/assemblyai-tts-1', architecture: arch(['speech']) },
        { id: 'openai/whisper-large-v3', architecture: arch(['transcription'], ['audio']) },
        { id: 'openai/gpt-audio', architecture: arch(['text', 'audio'], ['text', 'audio']) },
        { id: 'google/imagen-4', architecture: arch(['image']) },
      ],
    })
    const found = await openAiAdapter.discover(cred('openrouter', s.url), ctxFor('openrouter'))
    const byName = Object.fromEntries(found.map((m) => [m.name, m.type]))
    expect(byName).toEqual({
      'openai/gpt-4o-mini': 'language',
      'assemblyai/assemblyai-tts-1': 'text_to_speech',
      'openai/whisper-large-v3': 'speech_to_text',
      'openai/gpt-audio': 'language',
    })
    const listings = s.requests.filter((r) => r.path === '/api/v1/models')
    expect(listings).toHaveLength(3)
    for (const r of listings) expect(r.query.get('output_modalities')).toBe('all')
    expect(listings.map((r) => r.query.get('offset'))).toEqual([null, '2', '4'])
  })

  it('Mistral: audio_transcription and ocr capabilities type the model from metadata', async () => {
    const s = await start({
      key: KEY,
      flavor: 'mistral',
      models: [
        {
          id: 'voxtral-mini-transcribe-2507',
          capabilities: { completion_chat: false, audio_transcription: true },
        },
        { id: 'mistral-ocr-latest', capabilities: { completion_chat: false, ocr: true } },
        { id: 'mistral-medium-latest', capabilities: { completion_chat: true, ocr: true } },
      ],
    })
    const found = await openAiAdapter.discover(cred('mistral', s.url), ctxFor('mistral'))
    const byName = Object.fromEntries(found.map((m) => [m.name, m]))
    expect(byName['voxtral-mini-transcribe-2507']).toMatchObject({
      type: 'speech_to_text',
      typeSource: 'api',
    })
    expect(byName['mistral-ocr-latest']).toBeUndefined()
    expect(byName['mistral-medium-latest']?.type).toBe('language')
  })

  it('Novita: the default base is /openai/v1, where its reference lists models', async () => {
    const novita = getProvider('novita')
    expect(novita.defaultBaseUrl).toBe('https://api.novita.ai/openai/v1')
    // An override without /v1 (the old default) still reaches the listing.
    const s = await start({ key: KEY, flavor: 'novita', prefix: '/openai/v1' })
    const o = await openAiAdapter.test(cred('novita', `${s.origin}/openai`), ctxFor('novita'))
    expect(o.code).toBe('ok')
    expect(s.requests[0]?.path).toBe('/openai/v1/models')
  })
})

describe('DashScope: keys are regional', () => {
  const dashscope = getProvider('dashscope')
  it('the region picks the base URL and the key page', () => {
    const at = (location: string | null) => ({ ...cred('dashscope', null), location })
    expect(apiRoot(at('ap-southeast-1'), dashscope)).toBe(
      'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    )
    expect(apiRoot(at('us-east-1'), dashscope)).toBe(
      'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
    )
    expect(apiRoot(at(null), dashscope)).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1')
    expect(entryFor(dashscope, at('us-east-1')).docsUrl).toContain('us-east-1')
    expect(entryFor(dashscope, at('cn-beijing')).docsUrl).toContain('bailian.console.aliyun.com')
  })

  it('a wrong-region key is auth_invalid with the region’s key page in the hint', async () => {
    const s = await start({ key: KEY, flavor: 'dashscope', prefix: '/compatible-mode/v1' })
    const c = { ...cred('dashscope', s.url, BAD), location: 'ap-southeast-1' }
    const o = await openAiAdapter.test(c, ctxFor('dashscope'))
    expect(o.code).toBe('auth_invalid')
    expect(o.hint).toContain('modelstudio.console.alibabacloud.com/ap-southeast-1')
  })
})

describe('limits and quota signals of the test call (issue 12)', () => {
  it('OpenRouter /key: credit left; DeepSeek /user/balance: total balance', async () => {
    const or = await start({ key: KEY, flavor: 'openrouter', prefix: '/api/v1' })
    const o = await openAiAdapter.test(cred('openrouter', or.url), ctxFor('openrouter'))
    expect(o.limits).toMatchObject({ credit: 7.5 })
    const ds = await start({ key: KEY, flavor: 'deepseek', prefix: '' })
    const d = await openAiAdapter.test(cred('deepseek', ds.url), ctxFor('deepseek'))
    expect(d.code).toBe('ok')
    expect(d.limits).toMatchObject({ credit: 12.5 })
    expect(ds.requests.map((r) => r.path)).toEqual(['/models', '/user/balance'])
  })

  it('x-ratelimit-* headers of the listing, and the reset of a 429', async () => {
    const s = await start({
      key: KEY,
      headers: {
        'x-ratelimit-limit-requests': '60',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '20s',
      },
    })
    s.mode = 'rate_limited'
    const o = await openAiAdapter.test(cred('openai', s.url), ctxFor('openai'))
    expect(o.code).toBe('ok_rate_limited')
    expect(o.limits).toMatchObject({ remaining: 0, limit: 60, resetAt: expect.any(String) })
  })
})
