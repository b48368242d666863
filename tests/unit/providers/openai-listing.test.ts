/** src-main/providers/adapters/openai-listing.ts: the listing's URL and the two shapes servers answer. */
import { describe, expect, it } from 'vitest'
import {
  asListing,
  authHeaders,
  isListing,
  listUrl,
  secretsOf,
} from '../../../src-main/providers/adapters/openai-listing'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'

describe('an OpenAI-shaped model listing', () => {
  it("adds a provider's query to the listing URL (OpenRouter's output_modalities=all)", () => {
    expect(
      listUrl('https://openrouter.ai/api/v1', { listQuery: { output_modalities: 'all' } }),
    ).toBe('https://openrouter.ai/api/v1/models?output_modalities=all')
    expect(listUrl('http://127.0.0.1:1234/v1', {}, '/embeddings/models')).toBe(
      'http://127.0.0.1:1234/v1/embeddings/models',
    )
  })

  it('reads `{ data }` and a bare array alike, and refuses anything without model ids', () => {
    // OpenAI's GET /v1/models answers {object: "list", data: [...]}; Together and some proxies
    // answer the array alone.
    const data = [{ id: 'gpt-4.1-mini' }, { id: 'text-embedding-3-small' }]
    expect(isListing({ object: 'list', data })).toBe(true)
    expect(isListing(data)).toBe(true)
    expect(asListing(data)).toEqual({ data })
    for (const bad of [{}, { data: [{ id: '' }] }, { data: [{ name: 'x' }] }, 'models', null]) {
      expect([bad, isListing(bad)]).toEqual([bad, false])
    }
  })

  it('sends the key as a bearer token only when there is one', () => {
    const cred = (apiKey?: string) => ({ apiKey }) as unknown as DecryptedCredential
    expect(authHeaders(cred('sk-x'))).toEqual({
      accept: 'application/json',
      authorization: 'Bearer sk-x',
    })
    expect(authHeaders(cred())).toEqual({ accept: 'application/json' })
    expect(secretsOf(cred())).toEqual([])
  })
})
