import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cohereAdapter } from '../../../src-main/providers/adapters/cohere'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import {
  ctxFor,
  expectSecretOnlyIn,
  outcomeSuite,
  type CredVariant,
} from '../../fixtures/adapter-harness'
import { COHERE_MODELS, startCohereServer } from '../../fixtures/cohere-server'
import type { FakeServer } from '../../fixtures/recording-server'

const KEY = 'co-test-key-AbCdEf0123456789xyz'

function cred(baseUrl: string | null, variant: CredVariant = 'good'): DecryptedCredential {
  return {
    id: 'co1',
    provider: 'cohere',
    name: 'Cohere',
    baseUrl,
    apiKey: variant === 'good' ? KEY : variant === 'bad' ? 'co-wrong-key-000000000000' : null,
  }
}

outcomeSuite({
  provider: 'cohere',
  adapter: cohereAdapter,
  start: () => startCohereServer({ key: KEY }),
  cred,
  secrets: () => [KEY],
  authHeader: 'authorization',
  quota: true,
  onOk: (o) => expect(o.details?.modelCount).toBe(COHERE_MODELS.length),
})

describe('cohere: base URL, discovery by endpoints, model tests', () => {
  let server: FakeServer
  const ctx = ctxFor('cohere')

  beforeAll(async () => {
    server = await startCohereServer({ key: KEY, prefix: '/gw/cohere', pageCap: 3 })
  })
  afterAll(() => server.close())

  it('accepts an override with or without a version segment', async () => {
    for (const base of [server.url, `${server.url}/v1`, `${server.url}/v2/`]) {
      server.requests.length = 0
      expect((await cohereAdapter.test(cred(base), ctx)).code, base).toBe('ok')
      expect(server.requests[0]?.path).toBe('/gw/cohere/v1/models')
    }
  })

  it('follows next_page_token and types models from their endpoints', async () => {
    server.requests.length = 0
    const found = await cohereAdapter.discover(cred(server.url), ctx)
    expect(server.requests.map((r) => r.query.get('page_token'))).toEqual([null, '3', '6'])
    const byName = Object.fromEntries(found.map((m) => [m.name, m]))
    expect(byName['command-a-03-2025']).toMatchObject({
      type: 'language',
      typeSource: 'api',
      contextLength: 256000,
    })
    expect(byName['embed-v4.0']).toMatchObject({ type: 'embedding', typeSource: 'api' })
    expect(byName['embed-multilingual-v3.0']?.type).toBe('embedding')
    expect(byName['c4ai-aya-expanse-32b']?.type).toBe('language')
    // rerank-only: none of the four types
    expect(byName['rerank-v3.5']).toBeUndefined()
    // no endpoints listed: the name rules decide
    expect(byName['command-light-nightly']).toMatchObject({ type: 'language', typeSource: 'name' })
    expectSecretOnlyIn(server.requests, 'authorization', [KEY])
  })

  it('discovery with a bad key is auth_invalid', async () => {
    await expect(cohereAdapter.discover(cred(server.url, 'bad'), ctx)).rejects.toMatchObject({
      code: 'auth_invalid',
    })
  })

  it('model tests: v2 chat reply and v2 embed dimensions', async () => {
    await expect(
      cohereAdapter.modelTest(
        cred(server.url),
        { name: 'command-r7b-12-2024', type: 'language' },
        ctx,
      ),
    ).resolves.toMatchObject({ ok: true, result: { reply: 'OK' } })
    await expect(
      cohereAdapter.modelTest(cred(server.url), { name: 'embed-v4.0', type: 'embedding' }, ctx),
    ).resolves.toMatchObject({ ok: true, result: { dimensions: 1536 } })
    const embed = server.requests.find((r) => r.path.endsWith('/v2/embed'))!
    expect(JSON.parse(embed.body.toString())).toMatchObject({
      input_type: 'search_document',
      embedding_types: ['float'],
    })
    const miss = await cohereAdapter.modelTest(
      cred(server.url),
      { name: 'command-x', type: 'language' },
      ctx,
    )
    expect(miss.ok).toBe(false)
    expect(miss.message).toContain('not found')
  })
})
