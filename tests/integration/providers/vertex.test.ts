import type { KeyObject } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vertexAdapter } from '../../../src-main/providers/adapters/vertex'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import { getProvider } from '../../../src-main/providers/catalog'
import {
  ctxFor,
  expectNoSecret,
  expectSecretOnlyIn,
  outcomeSuite,
  type CredVariant,
} from '../../fixtures/adapter-harness'
import {
  makeServiceAccount,
  startVertexServer,
  VERTEX_TOKEN,
  type VertexFake,
} from '../../fixtures/vertex-server'

let good: ReturnType<typeof makeServiceAccount>
let other: ReturnType<typeof makeServiceAccount>
let accepted: KeyObject

function accounts(tokenUri: string) {
  good = makeServiceAccount(tokenUri)
  other = makeServiceAccount(tokenUri)
  accepted = good.publicKey
}

/** The private key's base64 lines: none of them may ever leave the machine. */
const keyLines = () =>
  good.json.private_key.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----'))

function cred(
  baseUrl: string,
  variant: CredVariant = 'good',
  extra: Partial<DecryptedCredential> = {},
): DecryptedCredential {
  const json = variant === 'good' ? good.json : variant === 'bad' ? other.json : null
  return {
    id: 'v1',
    provider: 'vertex',
    name: 'Vertex',
    baseUrl,
    project: 'my-proj',
    location: 'us-central1',
    serviceAccountJson: json ? JSON.stringify(json) : null,
    ...extra,
  }
}

outcomeSuite({
  provider: 'vertex',
  adapter: vertexAdapter,
  start: async () => {
    const server = await startVertexServer({ accept: () => accepted })
    accounts(server.tokenUri)
    return server
  },
  cred: (url, v) => cred(url, v),
  secrets: () => [...keyLines(), VERTEX_TOKEN],
  authHeader: 'authorization',
  onOk: (o) => expect(o.message).toContain('my-proj'),
})

describe('vertex specifics', () => {
  let server: VertexFake
  const ctx = { ...ctxFor('vertex'), sttClip: async () => Buffer.from('RIFF wav') }

  beforeAll(async () => {
    server = await startVertexServer({ accept: () => accepted })
    accounts(server.tokenUri)
  })
  afterAll(() => server.close())

  it('signs a JWT, exchanges it at the token URI from the JSON, then calls countTokens with the token', async () => {
    server.requests.length = 0
    const o = await vertexAdapter.test(cred(`${server.url}/v1/`), ctx)
    expect(o.code).toBe('ok')
    const [tokenReq, apiReq] = server.requests
    expect(tokenReq?.path).toBe('/token')
    expect(apiReq?.path).toBe(
      '/v1/projects/my-proj/locations/us-central1/publishers/google/models/gemini-2.5-flash:countTokens',
    )
    expect(apiReq?.headers.authorization).toBe(`Bearer ${VERTEX_TOKEN}`)
    expectSecretOnlyIn(server.requests, 'authorization', [...keyLines(), VERTEX_TOKEN])
  })

  it('a signature Google does not know is auth_invalid from the token exchange', async () => {
    const o = await vertexAdapter.test(cred(server.url, 'bad'), ctx)
    expect(o.code).toBe('auth_invalid')
    expect(o.message).toContain('Invalid JWT Signature')
  })

  it('missing location is not_configured; missing project falls back to the JSON project_id', async () => {
    expect((await vertexAdapter.test(cred(server.url, 'good', { location: null }), ctx)).code).toBe(
      'not_configured',
    )
    expect((await vertexAdapter.test(cred(server.url, 'good', { project: null }), ctx)).code).toBe(
      'ok',
    )
    const noProject = JSON.stringify({ ...good.json, project_id: undefined })
    const o = await vertexAdapter.test(
      cred(server.url, 'good', { project: null, serviceAccountJson: noProject }),
      ctx,
    )
    expect(o.code).toBe('not_configured')
  })

  it('a broken JSON file is auth_invalid and its content is never echoed', async () => {
    const broken = `{"private_key": "${good.json.private_key.slice(0, 80)}`
    const o = await vertexAdapter.test(
      cred(server.url, 'good', { serviceAccountJson: broken }),
      ctx,
    )
    expect(o.code).toBe('auth_invalid')
    expectNoSecret(o, [broken, ...keyLines()])
    const notSa = await vertexAdapter.test(
      cred(server.url, 'good', { serviceAccountJson: '{"type":"authorized_user"}' }),
      ctx,
    )
    expect(notSa.code).toBe('auth_invalid')
    expect(notSa.message).toContain('client_email')
  })

  it('a test model missing in the region still proves the credential', async () => {
    const local = await startVertexServer({
      accept: () => accepted,
      models: ['text-embedding-005'],
    })
    try {
      const json = JSON.stringify({ ...good.json, token_uri: local.tokenUri })
      const o = await vertexAdapter.test(cred(local.url, 'good', { serviceAccountJson: json }), ctx)
      expect(o.code).toBe('ok_test_model_unavailable')
    } finally {
      await local.close()
    }
  })

  it('discovery returns the catalog list, typed statically; config errors throw', async () => {
    const found = await vertexAdapter.discover(cred(server.url), ctx)
    expect(found.map((m) => m.name)).toEqual(
      (getProvider('vertex').staticModels ?? []).map((m) => m.name),
    )
    expect(found.every((m) => m.typeSource === 'static')).toBe(true)
    await expect(vertexAdapter.discover(cred(server.url, 'missing'), ctx)).rejects.toMatchObject({
      code: 'not_configured',
    })
  })

  it('model tests: chat, embedding dimensions via predict, TTS bytes', async () => {
    const c = cred(server.url)
    await expect(
      vertexAdapter.modelTest(c, { name: 'gemini-2.5-flash', type: 'language' }, ctx),
    ).resolves.toMatchObject({ ok: true, result: { reply: 'OK' } })
    await expect(
      vertexAdapter.modelTest(c, { name: 'text-embedding-005', type: 'embedding' }, ctx),
    ).resolves.toMatchObject({ ok: true, result: { dimensions: 768 } })
    await expect(
      vertexAdapter.modelTest(c, { name: 'gemini-2.5-flash-tts', type: 'text_to_speech' }, ctx),
    ).resolves.toMatchObject({ ok: true, result: { bytes: 2400 } })
    const r = await vertexAdapter.modelTest(c, { name: 'gemini-9', type: 'language' }, ctx)
    expect(r.ok).toBe(false)
    expect(r.message).toContain('not found')
  })
})
