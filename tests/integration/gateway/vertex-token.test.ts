/**
 * The Vertex upstream's access token in the gateway (src-main/providers/upstream/upstream-vertex,
 * src-main/gateway/proxy): the token is exchanged at the service account's token URI, kept, and
 * renewed when it stops working — a 401 UNAUTHENTICATED on a kept token drops it, a fresh one is
 * exchanged and the request is sent again once, so a revoked or expired token does not disable a
 * good credential. A failed exchange is not kept either. Against the Vertex fake
 * (tests/fixtures/vertex-server.ts: the token endpoint and the OpenAI-compatible route, each
 * citing the Google page it copies; `revokeTokens` makes every issued token answer 401).
 */
import { generateKeyPairSync } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeServiceAccount, startVertexServer, VERTEX_TOKEN } from '../../fixtures/vertex-server'
import { chat, createGatewayWorld, post, startGatewayAt, type GatewayWorld } from './world'

const CHAT = '/v1/projects/my-proj/locations/us-central1/endpoints/openapi/chat/completions'

let world: GatewayWorld
let v: Awaited<ReturnType<typeof startVertexServer>>
let sa: ReturnType<typeof makeServiceAccount>
let accepted: ReturnType<typeof makeServiceAccount>['publicKey']
let gw: Awaited<ReturnType<typeof startGatewayAt>>
let token: string

beforeEach(async () => {
  world = await createGatewayWorld()
  v = await startVertexServer({ accept: () => accepted })
  sa = makeServiceAccount(v.tokenUri)
  accepted = sa.publicKey
  const c = await world.ctx.credentials.create({
    provider: 'vertex',
    name: 'Vertex',
    project: 'my-proj',
    location: 'us-central1',
    serviceAccountJson: JSON.stringify(sa.json),
  } as never)
  await world.register(c.id, 'gemini-2.5-flash')
  token = await world.token()
  gw = await startGatewayAt(world, v.url)
})

afterEach(async () => {
  await gw.close()
  await world.close()
  await v.close()
})

const ask = () =>
  post({ ...world, url: gw.url }, '/v1/chat/completions', token, chat('gemini-2.5-flash'))
const sent = () =>
  v.requests
    .filter((r) => r.method === 'POST')
    .map((r) =>
      r.path === '/token'
        ? 'token'
        : `${r.path === CHAT ? 'chat' : r.path} ${r.headers.authorization}`,
    )

describe('gateway: the Vertex access token', () => {
  it('a kept token that answers 401 is renewed and the request sent again, once', async () => {
    expect((await ask()).status).toBe(200)
    v.revokeTokens()
    const res = await ask()
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toContain('hello from vertex')
    expect(text).not.toContain(VERTEX_TOKEN)
    expect(sent()).toEqual([
      'token',
      `chat Bearer ${VERTEX_TOKEN}`,
      `chat Bearer ${VERTEX_TOKEN}`,
      'token',
      `chat Bearer ${VERTEX_TOKEN}.2`,
    ])
    // The credential stayed in service: the renewed token is kept for the next request.
    expect((await ask()).status).toBe(200)
    expect(sent().slice(5)).toEqual([`chat Bearer ${VERTEX_TOKEN}.2`])
  })

  it('a fresh token that is refused too is not retried again: the credential is out', async () => {
    expect((await ask()).status).toBe(200)
    v.mode = 'unauthorized' // the API refuses every token; the token endpoint still answers
    const res = await ask()
    expect(res.status).toBe(502)
    expect(((await res.json()) as { error: { upstream_code?: string } }).error.upstream_code).toBe(
      'auth_invalid',
    )
    expect(sent()).toEqual([
      'token',
      `chat Bearer ${VERTEX_TOKEN}`,
      `chat Bearer ${VERTEX_TOKEN}`,
      'token',
      `chat Bearer ${VERTEX_TOKEN}.2`,
    ])
  })

  it('a failed exchange is not kept: the next request exchanges again', async () => {
    accepted = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey // 400 invalid_grant
    const failed = await ask()
    expect(failed.status).toBe(502)
    accepted = sa.publicKey
    expect((await ask()).status).toBe(200)
    expect(sent()).toEqual(['token', 'token', `chat Bearer ${VERTEX_TOKEN}`])
  })
})
