/**
 * The Voyage adapter against its fake (tests/fixtures/voyage-server.ts, routes cited there).
 * Its discovery is the catalog's list behind a key check: a missing key makes
 * src-main/providers/adapters/keyed throw the not_configured outcome instead of listing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { voyageAdapter } from '../../../src-main/providers/adapters/voyage'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import { getProvider } from '../../../src-main/providers/catalog'
import { ctxFor, outcomeSuite, type CredVariant } from '../../fixtures/adapter-harness'
import type { FakeServer } from '../../fixtures/recording-server'
import { startVoyageServer } from '../../fixtures/voyage-server'

const KEY = 'pa-voyage-test-key-0123456789abcdef'

function cred(baseUrl: string | null, variant: CredVariant = 'good'): DecryptedCredential {
  return {
    id: 'vo1',
    provider: 'voyage',
    name: 'Voyage',
    baseUrl,
    apiKey: variant === 'good' ? KEY : variant === 'bad' ? 'pa-wrong-000000000000' : null,
  }
}

outcomeSuite({
  provider: 'voyage',
  adapter: voyageAdapter,
  start: () => startVoyageServer({ key: KEY }),
  cred,
  secrets: () => [KEY],
  authHeader: 'authorization',
  onOk: (o) => expect(o.message).toContain('1024 dimensions'),
})

describe('voyage specifics', () => {
  let server: FakeServer
  const ctx = ctxFor('voyage')

  beforeAll(async () => {
    server = await startVoyageServer({ key: KEY, prefix: '/voyage' })
  })
  afterAll(() => server.close())

  it('the test really embeds a few tokens with the catalog test model (the key is verified)', async () => {
    server.requests.length = 0
    const o = await voyageAdapter.test(cred(`${server.url}/v1/`), ctx)
    expect(o.code).toBe('ok')
    const sent = server.requests[0]!
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/voyage/v1/embeddings')
    expect(JSON.parse(sent.body.toString())).toMatchObject({
      model: getProvider('voyage').testModel,
    })
  })

  it('discovery is the catalog list and needs a key', async () => {
    const found = await voyageAdapter.discover(cred(server.url), ctx)
    expect(found.length).toBe(getProvider('voyage').staticModels?.length)
    expect(found.every((m) => m.type === 'embedding' && m.typeSource === 'static')).toBe(true)
    await expect(voyageAdapter.discover(cred(server.url, 'missing'), ctx)).rejects.toMatchObject({
      code: 'not_configured',
    })
  })

  it('model test reports dimensions; an unknown model fails with the reason', async () => {
    await expect(
      voyageAdapter.modelTest(cred(server.url), { name: 'voyage-3-lite', type: 'embedding' }, ctx),
    ).resolves.toMatchObject({ ok: true, result: { dimensions: 512 } })
    const r = await voyageAdapter.modelTest(
      cred(server.url),
      { name: 'voyage-0', type: 'embedding' },
      ctx,
    )
    expect(r.ok).toBe(false)
    expect(r.message).toContain('not supported')
  })
})
