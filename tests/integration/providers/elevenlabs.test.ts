import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { elevenLabsAdapter } from '../../../src-main/providers/adapters/elevenlabs'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import {
  ctxFor,
  expectSecretOnlyIn,
  outcomeSuite,
  type CredVariant,
} from '../../fixtures/adapter-harness'
import {
  ELEVEN_MODELS,
  startElevenLabsServer,
  type ElevenLabsFake,
} from '../../fixtures/elevenlabs-server'

const KEY = 'sk_eleven_0123456789abcdef0123456789abcdef'

function cred(baseUrl: string | null, variant: CredVariant = 'good'): DecryptedCredential {
  return {
    id: 'el1',
    provider: 'elevenlabs',
    name: 'ElevenLabs',
    baseUrl,
    apiKey: variant === 'good' ? KEY : variant === 'bad' ? 'sk_wrong_00000000000000' : null,
  }
}

outcomeSuite({
  provider: 'elevenlabs',
  adapter: elevenLabsAdapter,
  start: () => startElevenLabsServer({ key: KEY }),
  cred,
  secrets: () => [KEY],
  authHeader: 'xi-api-key',
  onOk: (o) => expect(o.details?.modelCount).toBe(ELEVEN_MODELS.length),
})

describe('elevenlabs specifics', () => {
  let server: ElevenLabsFake
  const ctx = {
    ...ctxFor('elevenlabs'),
    sttClip: async () => Buffer.from('RIFF....WAVEfmt fake clip'),
  }

  beforeAll(async () => {
    server = await startElevenLabsServer({ key: KEY })
  })
  afterAll(() => server.close())

  it('a spent quota (401 quota_exceeded) means the key works', async () => {
    server.setQuotaExceeded(true)
    try {
      expect((await elevenLabsAdapter.test(cred(server.url), ctx)).code).toBe('ok_rate_limited')
    } finally {
      server.setQuotaExceeded(false)
    }
  })

  it('discovery: TTS models from the live listing, Scribe STT from the catalog, STS left out', async () => {
    const found = await elevenLabsAdapter.discover(cred(`${server.url}/v1`), ctx)
    const byName = Object.fromEntries(found.map((m) => [m.name, m]))
    expect(byName['eleven_multilingual_v2']).toMatchObject({
      type: 'text_to_speech',
      typeSource: 'api',
      displayName: 'Eleven Multilingual v2',
    })
    expect(byName['eleven_multilingual_sts_v2']).toBeUndefined()
    expect(byName['scribe_v1']).toMatchObject({ type: 'speech_to_text', typeSource: 'static' })
    expect(byName['scribe_v2']?.type).toBe('speech_to_text')
    await expect(elevenLabsAdapter.discover(cred(server.url, 'bad'), ctx)).rejects.toMatchObject({
      code: 'auth_invalid',
    })
  })

  it('model tests: TTS returns audio bytes, STT transcribes the clip (multipart)', async () => {
    server.requests.length = 0
    await expect(
      elevenLabsAdapter.modelTest(
        cred(server.url),
        { name: 'eleven_flash_v2_5', type: 'text_to_speech' },
        ctx,
      ),
    ).resolves.toMatchObject({ ok: true, result: { bytes: 3000 } })
    await expect(
      elevenLabsAdapter.modelTest(
        cred(server.url),
        { name: 'scribe_v1', type: 'speech_to_text' },
        ctx,
      ),
    ).resolves.toMatchObject({ ok: true, result: { transcript: 'Hello there.' } })
    expect(JSON.parse(server.requests[0]!.body.toString())).toMatchObject({
      model_id: 'eleven_flash_v2_5',
    })
    expectSecretOnlyIn(server.requests, 'xi-api-key', [KEY])
  })

  it('a TTS test that gets JSON instead of audio fails as an invalid body', async () => {
    server.mode = 'garbage'
    try {
      const r = await elevenLabsAdapter.modelTest(
        cred(server.url),
        { name: 'eleven_v3', type: 'text_to_speech' },
        ctx,
      )
      expect(r).toMatchObject({ ok: false, code: 'server_error' })
    } finally {
      server.mode = 'ok'
    }
  })
})
