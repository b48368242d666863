/**
 * How the gateway reaches each provider (src-main/providers/upstream/upstream.ts): the URL of a
 * route for a model — the root the credential overrides or the catalog's default, the native
 * APIs' OpenAI-compatible paths (Google `/openai`, Cohere `/compatibility/v1`, Ollama `/v1`),
 * Azure deployments with their api-version — the auth headers each provider's adapter sends, and
 * null where the gateway cannot reach a credential. The routes each provider serves and their
 * sources are in src-main/providers/upstream/upstream-routes.ts.
 */
import { describe, expect, it } from 'vitest'
import type { DecryptedCredential } from '../../../../src-main/providers/adapter-types'
import { getProvider } from '../../../../src-main/providers/catalog'
import type { ProviderId } from '../../../../src-main/providers/catalog-types'
import { upstreamOf } from '../../../../src-main/providers/upstream/upstream'

const KEY = 'key-UNIT-upstream-0123456789abcdefghij'
const cred = (provider: ProviderId, extra: Partial<DecryptedCredential> = {}) => ({
  id: 'c',
  name: 'c',
  provider,
  apiKey: KEY,
  ...extra,
})
const up = (provider: ProviderId, extra: Partial<DecryptedCredential> = {}) =>
  upstreamOf(cred(provider, extra), getProvider(provider))
const noFetch = (() => Promise.reject(new Error('no call'))) as never
const headers = async (provider: ProviderId, extra: Partial<DecryptedCredential> = {}) =>
  up(provider, extra)!.headers(noFetch, new AbortController().signal)

describe('upstreamOf', () => {
  it('sends OpenAI-shaped routes to the root, the key as a Bearer token', async () => {
    const u = up('openai', { baseUrl: 'https://proxy.test/v1/' })!
    expect(u.shape).toBe('openai')
    expect(u.url('/chat/completions', 'gpt-4o', 'language')).toBe(
      'https://proxy.test/v1/chat/completions',
    )
    expect(u.url('/messages', 'gpt-4o', 'language')).toBeNull()
    expect(await headers('openai')).toEqual({ authorization: `Bearer ${KEY}` })
    expect(u.secrets).toEqual([KEY])
    expect(u.bodyModel('gpt-4o')).toBe('gpt-4o')
    expect(u.streamUsage).toBe(true)
  })

  it('reaches the native APIs through their OpenAI-compatible paths', () => {
    const url = (p: ProviderId, baseUrl: string) =>
      up(p, { baseUrl })!.url('/chat/completions', 'm', 'language')
    expect(url('google', 'https://g.test/v1beta')).toBe(
      'https://g.test/v1beta/openai/chat/completions',
    )
    expect(url('cohere', 'https://c.test')).toBe('https://c.test/compatibility/v1/chat/completions')
    expect(url('ollama', 'http://127.0.0.1:11434')).toBe(
      'http://127.0.0.1:11434/v1/chat/completions',
    )
    // Ollama serves chat and embeddings only.
    expect(
      up('ollama', { baseUrl: 'http://127.0.0.1:11434' })!.url(
        '/audio/speech',
        'm',
        'text_to_speech',
      ),
    ).toBeNull()
  })

  it('speaks Anthropic with its own auth headers, and no header without a key', async () => {
    const u = up('anthropic', { baseUrl: 'https://a.test/v1' })!
    expect(u.shape).toBe('anthropic')
    expect(u.url('/messages', 'claude', 'language')).toBe('https://a.test/v1/messages')
    expect(u.url('/chat/completions', 'claude', 'language')).toBeNull()
    expect(await headers('anthropic')).toMatchObject({ 'x-api-key': KEY })
    expect(u.streamUsage).toBe(false)
    expect(
      await headers('openai_compatible', { apiKey: null, baseUrl: 'http://127.0.0.1:8000/v1' }),
    ).toEqual({})
  })

  it('builds Azure deployment URLs with the api-version, a per-type endpoint winning', async () => {
    const azure = (extra: Partial<DecryptedCredential>) =>
      up('azure', { endpoint: 'https://res.openai.azure.com', ...extra })!
    const u = azure({
      apiVersion: '2024-10-21',
      endpoints: { textToSpeech: 'https://tts.openai.azure.com/' },
    })
    expect(u.url('/chat/completions', 'my deploy', 'language')).toBe(
      'https://res.openai.azure.com/openai/deployments/my%20deploy/chat/completions?api-version=2024-10-21',
    )
    expect(u.url('/audio/speech', 'tts', 'text_to_speech')).toBe(
      'https://tts.openai.azure.com/openai/deployments/tts/audio/speech?api-version=2024-10-21',
    )
    expect(await headers('azure', { endpoint: 'https://res.openai.azure.com' })).toEqual({
      'api-key': KEY,
    })
    // stream_options is accepted from api-version 2024-09-01 on; the default version is newer.
    expect(u.streamUsage).toBe(true)
    expect(azure({ apiVersion: '2024-06-01' }).streamUsage).toBe(false)
    expect(azure({ apiVersion: '  ' }).url('/embeddings', 'e', 'embedding')).toMatch(
      /api-version=2024-10-21$/,
    )
  })

  it('is null where the gateway cannot reach the credential', () => {
    expect(up('azure', { endpoint: 'https://res.openai.azure.com', apiKey: null })).toBeNull()
    expect(up('azure', { endpoint: null })).toBeNull()
    expect(up('openai_compatible', { baseUrl: null })).toBeNull()
    // ElevenLabs and Deepgram speak their own speech APIs: no gateway route.
    expect(up('elevenlabs')).toBeNull()
    expect(up('deepgram')).toBeNull()
  })
})
