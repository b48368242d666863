import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deepgramAdapter } from '../../../src-main/providers/adapters/deepgram'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import { getProvider } from '../../../src-main/providers/catalog'
import {
  ctxFor,
  expectSecretOnlyIn,
  outcomeSuite,
  type CredVariant,
} from '../../fixtures/adapter-harness'
import { startDeepgramServer } from '../../fixtures/deepgram-server'
import type { FakeServer } from '../../fixtures/recording-server'

const KEY = 'dg0123456789abcdef0123456789abcdef012345'

function cred(baseUrl: string | null, variant: CredVariant = 'good'): DecryptedCredential {
  return {
    id: 'dg1',
    provider: 'deepgram',
    name: 'Deepgram',
    baseUrl,
    apiKey: variant === 'good' ? KEY : variant === 'bad' ? 'dgwrong000000000000000' : null,
  }
}

outcomeSuite({
  provider: 'deepgram',
  adapter: deepgramAdapter,
  start: () => startDeepgramServer({ key: KEY }),
  cred,
  secrets: () => [KEY],
  authHeader: 'authorization',
  onOk: (o) => expect(o.message).toContain('Default Project'),
})

describe('deepgram specifics', () => {
  let server: FakeServer
  const ctx = { ...ctxFor('deepgram'), sttClip: async () => Buffer.from('RIFF fake wav') }

  beforeAll(async () => {
    server = await startDeepgramServer({ key: KEY, prefix: '/dg' })
  })
  afterAll(() => server.close())

  it('the test calls /v1/projects with "Token <key>" (override with or without /v1)', async () => {
    for (const base of [server.url, `${server.url}/v1`]) {
      server.requests.length = 0
      expect((await deepgramAdapter.test(cred(base), ctx)).code).toBe('ok')
      expect(server.requests[0]?.path).toBe('/dg/v1/projects')
      expect(server.requests[0]?.headers.authorization).toBe(`Token ${KEY}`)
    }
  })

  it('discovery is the catalog list, typed TTS / STT', async () => {
    const found = await deepgramAdapter.discover(cred(server.url), ctx)
    expect(found.length).toBe(getProvider('deepgram').staticModels?.length)
    expect(found.find((m) => m.name === 'aura-2-thalia-en')?.type).toBe('text_to_speech')
    expect(found.some((m) => m.type === 'speech_to_text')).toBe(true)
  })

  it('model tests: /v1/speak bytes and /v1/listen transcript', async () => {
    server.requests.length = 0
    await expect(
      deepgramAdapter.modelTest(
        cred(server.url),
        { name: 'aura-2-thalia-en', type: 'text_to_speech' },
        ctx,
      ),
    ).resolves.toMatchObject({ ok: true, result: { bytes: 2048 } })
    await expect(
      deepgramAdapter.modelTest(cred(server.url), { name: 'nova-3', type: 'speech_to_text' }, ctx),
    ).resolves.toMatchObject({ ok: true, result: { transcript: 'Hello there.' } })
    expect(server.requests[1]?.query.get('model')).toBe('nova-3')
    expectSecretOnlyIn(server.requests, 'authorization', [KEY])
    const bad = await deepgramAdapter.modelTest(
      cred(server.url),
      { name: 'nope', type: 'text_to_speech' },
      ctx,
    )
    expect(bad.ok).toBe(false)
    expect(bad.message).toContain('No such model')
  })
})
