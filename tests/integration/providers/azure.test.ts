import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { azureAdapter, DEFAULT_API_VERSION } from '../../../src-main/providers/adapters/azure'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import {
  ctxFor,
  expectNoSecret,
  expectSecretOnlyIn,
  outcomeSuite,
  type CredVariant,
} from '../../fixtures/adapter-harness'
import { startAzureServer } from '../../fixtures/azure-server'
import type { FakeServer } from '../../fixtures/recording-server'

const KEY = '0123456789abcdef0123456789abcdef'
const BAD = 'ffffffffffffffffffffffffffffffff'

function cred(
  endpoint: string | null,
  variant: CredVariant = 'good',
  over: Partial<DecryptedCredential> = {},
): DecryptedCredential {
  return {
    id: 'a1',
    provider: 'azure',
    name: 'Azure',
    endpoint,
    apiVersion: '2024-10-21',
    apiKey: variant === 'good' ? KEY : variant === 'bad' ? BAD : null,
    ...over,
  }
}

outcomeSuite({
  provider: 'azure',
  adapter: azureAdapter,
  start: () => startAzureServer({ key: KEY }),
  cred: (url, v) => cred(url, v),
  secrets: () => [KEY, BAD],
  authHeader: 'api-key',
  onOk: (o) => {
    expect(o.details?.modelCount).toBe(5)
    expect(o.message).toContain('chat-prod')
  },
})

describe('azure: deployments, fallbacks and model tests', () => {
  let s: FakeServer
  let old: FakeServer
  let tts: FakeServer
  const ctx = { ...ctxFor('azure'), sttClip: async () => Buffer.from('RIFF....WAVE') }
  beforeAll(async () => {
    s = await startAzureServer({ key: KEY })
    old = await startAzureServer({ key: KEY, listsDeployments: false })
    tts = await startAzureServer({ key: KEY, deployments: [{ id: 'speech', model: 'tts-hd' }] })
  })
  afterAll(async () => {
    await Promise.all([s.close(), old.close(), tts.close()])
  })

  it('not_configured without an endpoint', async () => {
    expect((await azureAdapter.test(cred(null), ctx)).code).toBe('not_configured')
  })

  it('lists deployments (what inference needs), typed from their base model', async () => {
    const found = await azureAdapter.discover(cred(`${s.url}/openai/`), ctx)
    const byName = Object.fromEntries(found.map((m) => [m.name, m]))
    expect(Object.keys(byName).sort()).toEqual(['chat-prod', 'embed', 'speech', 'transcribe'])
    expect(byName['chat-prod']).toMatchObject({
      type: 'language',
      displayName: 'chat-prod (gpt-4o-mini)',
    })
    expect(byName.embed?.type).toBe('embedding')
    expect(byName.speech?.type).toBe('text_to_speech')
    expect(byName.transcribe?.type).toBe('speech_to_text')
    expect(s.requests.at(-1)?.query.get('api-version')).toBe('2023-03-15-preview')
  })

  it('a resource without the deployments listing: key proven, discovery says add names by hand', async () => {
    const o = await azureAdapter.test(cred(old.url, 'good', { apiVersion: null }), ctx)
    expect(o.code).toBe('ok_listing_unsupported')
    expect(old.requests.at(-1)?.query.get('api-version')).toBe(DEFAULT_API_VERSION)
    expect((await azureAdapter.test(cred(old.url, 'bad'), ctx)).code).toBe('auth_invalid')
    await expect(azureAdapter.discover(cred(old.url), ctx)).rejects.toMatchObject({
      code: 'unsupported',
    })
  })

  it('discovery errors are errors', async () => {
    await expect(azureAdapter.discover(cred(s.url, 'bad'), ctx)).rejects.toMatchObject({
      code: 'auth_invalid',
    })
  })

  it('model tests call /openai/deployments/{name}/… with the api-version', async () => {
    const c = cred(s.url)
    s.requests.length = 0
    expect(
      await azureAdapter.modelTest(c, { name: 'chat-prod', type: 'language' }, ctx),
    ).toMatchObject({ ok: true, result: { reply: 'OK' } })
    expect(
      await azureAdapter.modelTest(c, { name: 'embed', type: 'embedding' }, ctx),
    ).toMatchObject({ ok: true, result: { dimensions: 1536 } })
    expect(
      await azureAdapter.modelTest(c, { name: 'speech', type: 'text_to_speech' }, ctx),
    ).toMatchObject({ ok: true, result: { bytes: 4096 } })
    expect(
      await azureAdapter.modelTest(c, { name: 'transcribe', type: 'speech_to_text' }, ctx),
    ).toMatchObject({ ok: true, result: { transcript: 'Hello there.' } })
    expect(s.requests.map((r) => r.path)).toEqual([
      '/openai/deployments/chat-prod/chat/completions',
      '/openai/deployments/embed/embeddings',
      '/openai/deployments/speech/audio/speech',
      '/openai/deployments/transcribe/audio/transcriptions',
    ])
    for (const r of s.requests) expect(r.query.get('api-version')).toBe('2024-10-21')
    expectSecretOnlyIn(s.requests, 'api-key', [KEY])
  })

  it('a per-modality endpoint overrides the main one for that type', async () => {
    tts.requests.length = 0
    const c = cred(s.url, 'good', { endpoints: { textToSpeech: tts.url } })
    const o = await azureAdapter.modelTest(c, { name: 'speech', type: 'text_to_speech' }, ctx)
    expect(o.ok).toBe(true)
    expect(tts.requests).toHaveLength(1)
  })

  it('model test failures are coded and scrubbed', async () => {
    const bad = await azureAdapter.modelTest(
      cred(s.url, 'bad'),
      { name: 'chat-prod', type: 'language' },
      ctx,
    )
    expect(bad).toMatchObject({ ok: false, code: 'auth_invalid' })
    const missing = await azureAdapter.modelTest(
      cred(s.url),
      { name: 'nope', type: 'language' },
      ctx,
    )
    expect(missing).toMatchObject({ ok: false, code: 'server_error' })
    s.mode = 'server_error'
    const err = await azureAdapter.modelTest(
      cred(s.url),
      { name: 'chat-prod', type: 'language' },
      ctx,
    )
    s.mode = 'ok'
    expect(err.code).toBe('server_error')
    expectNoSecret([bad, missing, err], [KEY, BAD])
  })
})
