import { describe, expect, it } from 'vitest'
import { apiRoot, normalizeBaseUrl } from '../../../src-main/providers/base-url'
import { getProvider } from '../../../src-main/providers/catalog'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'

const norm = (input: string, id: string) => normalizeBaseUrl(input, getProvider(id))

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://host/anthropic', 'anthropic_compatible', 'https://host/anthropic/v1'],
    ['https://host/anthropic/v1', 'anthropic_compatible', 'https://host/anthropic/v1'],
    ['https://host/anthropic/v1/', 'anthropic_compatible', 'https://host/anthropic/v1'],
    ['https://gw.example', 'google', 'https://gw.example/v1beta'],
    ['https://gw.example/v1beta//', 'google', 'https://gw.example/v1beta'],
    ['https://gw.example/v1', 'google', 'https://gw.example/v1'],
    ['https://gw.example/openai', 'openai', 'https://gw.example/openai/v1'],
    ['https://gw.example/openai/v1/models', 'openai', 'https://gw.example/openai/v1'],
    ['http://127.0.0.1:1234', 'lmstudio', 'http://127.0.0.1:1234/v1'],
    ['http://127.0.0.1:1234/v1/', 'lmstudio', 'http://127.0.0.1:1234/v1'],
    ['http://127.0.0.1:11434/', 'ollama', 'http://127.0.0.1:11434'],
    ['http://127.0.0.1:11434/api', 'ollama', 'http://127.0.0.1:11434'],
    ['https://r.openai.azure.com/openai/', 'azure', 'https://r.openai.azure.com'],
    ['  https://vllm.lan:8000/v1  ', 'openai_compatible', 'https://vllm.lan:8000/v1'],
    // Novita's reference lists models under /openai/v1 (the old base without /v1 still works).
    ['https://api.novita.ai/openai', 'novita', 'https://api.novita.ai/openai/v1'],
  ])('%s for %s → %s', (input, id, out) => {
    expect(norm(input, id)).toBe(out)
  })

  it('rejects what is not an http(s) URL', () => {
    for (const bad of ['not a url', 'ftp://host/v1', 'file:///etc/passwd', 'https://u:p@host']) {
      expect(() => norm(bad, 'openai')).toThrow(expect.objectContaining({ code: 'validation' }))
    }
  })
})

describe('apiRoot', () => {
  const cred = (over: Partial<DecryptedCredential>): DecryptedCredential => ({
    id: 'c1',
    provider: 'openai',
    name: 'x',
    ...over,
  })

  it('uses the default root, then the override', () => {
    expect(apiRoot(cred({}), getProvider('openai'))).toBe('https://api.openai.com/v1')
    expect(apiRoot(cred({ baseUrl: 'https://gw.example/' }), getProvider('openai'))).toBe(
      'https://gw.example/v1',
    )
  })

  it('is null when a provider has no default and no URL is set', () => {
    expect(
      apiRoot(cred({ provider: 'openai_compatible' }), getProvider('openai_compatible')),
    ).toBeNull()
    expect(apiRoot(cred({ provider: 'azure' }), getProvider('azure'))).toBeNull()
  })

  it('takes Azure from its endpoint and Vertex from its location', () => {
    expect(
      apiRoot(
        cred({ provider: 'azure', endpoint: 'https://r.openai.azure.com/' }),
        getProvider('azure'),
      ),
    ).toBe('https://r.openai.azure.com')
    expect(
      apiRoot(cred({ provider: 'vertex', location: 'europe-west4' }), getProvider('vertex')),
    ).toBe('https://europe-west4-aiplatform.googleapis.com/v1')
  })
})
