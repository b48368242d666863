/**
 * The outcome-code suite (issue 5: every provider, every code, the key only in its auth header)
 * for the two local-server adapters: Ollama (its own API, an optional key as Bearer — Ollama
 * behind a proxy or Ollama's cloud) and LM Studio (OpenAI-shaped, key optional).
 */
import { expect } from 'vitest'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import { lmStudioAdapter } from '../../../src-main/providers/adapters/lmstudio'
import { ollamaAdapter } from '../../../src-main/providers/adapters/ollama'
import { outcomeSuite, type CredVariant } from '../../fixtures/adapter-harness'
import { startOpenAiServer } from '../../fixtures/openai-server'
import { header, startProviderFake } from '../../fixtures/recording-server'

const KEY = 'ollama-proxy-key-0123456789abcdef'
const BAD = 'ollama-proxy-key-wrong-0000000000'

/**
 * A key-optional local server is not_configured without a usable base URL (here one with no
 * scheme), not without a key; with no base URL at all it uses its default port.
 */
function cred(
  provider: 'ollama' | 'lmstudio',
  baseUrl: string,
  variant: CredVariant,
): DecryptedCredential {
  if (variant === 'missing')
    return { id: 'c1', provider, name: 'T', baseUrl: 'localhost:11434', apiKey: KEY }
  return { id: 'c1', provider, name: 'T', baseUrl, apiKey: variant === 'good' ? KEY : BAD }
}

outcomeSuite({
  provider: 'ollama',
  adapter: ollamaAdapter,
  start: () =>
    startProviderFake({
      routes: {
        'GET /api/version': () => ({ status: 200, json: { version: '0.6.5' } }),
        'GET /api/tags': () => ({
          status: 200,
          json: {
            models: [
              {
                name: 'llama3.2:3b',
                model: 'llama3.2:3b',
                size: 2019393189,
                digest: 'a80c4f17acd5',
                details: { family: 'llama' },
              },
              {
                name: 'nomic-embed-text:latest',
                model: 'nomic-embed-text:latest',
                size: 274302450,
                digest: '0a109f422b47',
                details: { family: 'nomic-bert' },
              },
              {
                name: 'qwen2.5:7b',
                model: 'qwen2.5:7b',
                size: 4683087332,
                digest: '845dbda0ea48',
                details: { family: 'qwen2' },
              },
            ],
          },
        }),
      },
      authorized: (req) => header(req, 'authorization') === `Bearer ${KEY}`,
      // Ollama answers errors as {"error": "..."}; a proxy in front of it answers 401 the same way.
      error: (status) => ({
        status,
        json: { error: status === 401 ? 'unauthorized' : `status ${status}` },
      }),
      serverErrorEcho: (req) => `upstream failed for ${header(req, 'authorization')}`,
    }),
  cred: (url, v) => cred('ollama', url, v),
  secrets: () => [KEY, BAD],
  authHeader: 'authorization',
  onOk: (o) => expect(o.details?.modelCount).toBe(3),
})

outcomeSuite({
  provider: 'lmstudio',
  adapter: lmStudioAdapter,
  start: () => startOpenAiServer({ key: KEY, prefix: '/v1' }),
  cred: (url, v) => cred('lmstudio', url, v),
  secrets: () => [KEY, BAD],
  authHeader: 'authorization',
  onOk: (o) => expect(o.details?.modelCount).toBe(3),
})
