/**
 * The Google AI Studio adapter against its fake (tests/fixtures/google-server.ts, routes cited
 * there): the outcome suite, Google's 400 API_KEY_INVALID body, discovery and model tests. The
 * adapter is built on src-main/providers/adapters/keyed, checked here for what that frame adds:
 * a missing key is not_configured with no request sent, and the provider's body rule applies to
 * the connection test and to every JSON call (discovery with a bad key throws auth_invalid).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { googleAdapter } from '../../../src-main/providers/adapters/google'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import {
  ctxFor,
  expectSecretOnlyIn,
  outcomeSuite,
  type CredVariant,
} from '../../fixtures/adapter-harness'
import { GOOGLE_MODELS, startGoogleServer } from '../../fixtures/google-server'
import type { FakeServer } from '../../fixtures/recording-server'
import { closedAfter } from '../../support/servers'

const KEY = 'AIzaSyTestKey_0123456789abcdefghijklmn'

function cred(baseUrl: string | null, variant: CredVariant = 'good'): DecryptedCredential {
  return {
    id: 'g1',
    provider: 'google',
    name: 'Gemini',
    baseUrl,
    apiKey:
      variant === 'good' ? KEY : variant === 'bad' ? 'AIzaSyWrongKey_zzzzzzzzzzzzzzzzzzzzz' : null,
  }
}

outcomeSuite({
  provider: 'google',
  adapter: googleAdapter,
  start: () => startGoogleServer({ key: KEY }),
  cred,
  secrets: () => [KEY],
  authHeader: 'x-goog-api-key',
  onOk: (o) => expect(o.details?.modelCount).toBe(GOOGLE_MODELS.length),
})

describe('google: base URL, discovery, typing and model tests', () => {
  let server: FakeServer
  const ctx = { ...ctxFor('google'), sttClip: async () => Buffer.from('RIFF fake wav clip') }

  beforeAll(async () => {
    server = await startGoogleServer({ key: KEY, prefix: '/proxy/gemini', pageCap: 4 })
  })
  afterAll(() => server.close())

  it('accepts an override with or without /v1beta', async () => {
    for (const base of [server.url, `${server.url}/v1beta`, `${server.url}/v1beta/`]) {
      server.requests.length = 0
      const o = await googleAdapter.test(cred(base), ctx)
      expect(o.code, base).toBe('ok')
      expect(server.requests[0]?.path).toBe('/proxy/gemini/v1beta/models')
    }
  })

  it('a 400 API_KEY_INVALID answer is auth_invalid, not server_error', async () => {
    const o = await googleAdapter.test(cred(server.url, 'bad'), ctx)
    expect(o.code).toBe('auth_invalid')
    expect(o.message).toContain('API key not valid')
    expect(o.hint).toContain('https://aistudio.google.com/app/apikey')
  })

  it('follows nextPageToken and types models from supportedGenerationMethods', async () => {
    server.requests.length = 0
    const found = await googleAdapter.discover(cred(server.url), ctx)
    expect(server.requests).toHaveLength(3)
    expect(server.requests[1]?.query.get('pageToken')).toBe('4')
    const byName = Object.fromEntries(found.map((m) => [m.name, m]))
    expect(byName['gemini-2.5-flash']).toMatchObject({
      type: 'language',
      typeSource: 'api',
      contextLength: 1_048_576,
    })
    expect(byName['gemini-embedding-001']).toMatchObject({ type: 'embedding', typeSource: 'api' })
    expect(byName['text-embedding-004']?.type).toBe('embedding')
    // TTS models list generateContent, yet they only speak.
    expect(byName['gemini-2.5-flash-preview-tts']?.type).toBe('text_to_speech')
    expect(byName['gemini-2.5-pro-preview-tts']?.type).toBe('text_to_speech')
    // Image, video and question-answering models fit none of the four types.
    expect(byName['imagen-4.0-generate-001']).toBeUndefined()
    expect(byName['veo-3.0-generate-001']).toBeUndefined()
    expect(byName['aqa']).toBeUndefined()
    expect(found).toHaveLength(6)
    expectSecretOnlyIn(server.requests, 'x-goog-api-key', [KEY])
  })

  it('discovery with a bad key throws auth_invalid', async () => {
    await expect(googleAdapter.discover(cred(server.url, 'bad'), ctx)).rejects.toMatchObject({
      code: 'auth_invalid',
    })
  })

  it('model tests per type: chat, embedding dimensions, TTS bytes, STT transcript', async () => {
    const c = cred(server.url)
    await expect(
      googleAdapter.modelTest(c, { name: 'gemini-2.5-flash', type: 'language' }, ctx),
    ).resolves.toMatchObject({
      ok: true,
      result: { reply: 'OK' },
    })
    await expect(
      googleAdapter.modelTest(c, { name: 'gemini-embedding-001', type: 'embedding' }, ctx),
    ).resolves.toMatchObject({ ok: true, result: { dimensions: 768 } })
    await expect(
      googleAdapter.modelTest(
        c,
        { name: 'gemini-2.5-flash-preview-tts', type: 'text_to_speech' },
        ctx,
      ),
    ).resolves.toMatchObject({ ok: true, result: { bytes: 4800 } })
    await expect(
      googleAdapter.modelTest(c, { name: 'gemini-2.5-flash', type: 'speech_to_text' }, ctx),
    ).resolves.toMatchObject({ ok: true, result: { transcript: 'Hello there.' } })
    const tts = server.requests.find((r) => r.path.endsWith('preview-tts:generateContent'))!
    expect(JSON.parse(tts.body.toString()).generationConfig.responseModalities).toEqual(['AUDIO'])
    expectSecretOnlyIn(server.requests, 'x-goog-api-key', [KEY])
  })

  it('a model test of a missing model fails with the upstream reason', async () => {
    const r = await googleAdapter.modelTest(
      cred(server.url),
      { name: 'gemini-0', type: 'language' },
      ctx,
    )
    expect(r.ok).toBe(false)
    expect(r.message).toContain('not found')
  })

  it('speech_to_text without a bundled clip is not_configured', async () => {
    const r = await googleAdapter.modelTest(
      cred(server.url),
      { name: 'gemini-2.5-flash', type: 'speech_to_text' },
      ctxFor('google'),
    )
    expect(r).toMatchObject({ ok: false, code: 'not_configured' })
  })
})

describe('google: a key that may not call the API (issue 12)', () => {
  const track = closedAfter()

  for (const [reason, code] of [
    ['SERVICE_DISABLED', 'service_disabled'],
    ['API_KEY_SERVICE_BLOCKED', 'api_restricted'],
  ] as const) {
    it(`403 ${reason} is auth_forbidden with its own reason and hint`, async () => {
      const s = track(await startGoogleServer({ key: KEY, forbidden: reason }))
      s.mode = 'forbidden'
      const o = await googleAdapter.test(cred(s.url), ctxFor('google'))
      expect(o.code).toBe('auth_forbidden')
      expect(o.params).toMatchObject({ status: 403, reason: code })
      expect(o.hint).toMatch(/project|restrictions/)
    })
  }
})
