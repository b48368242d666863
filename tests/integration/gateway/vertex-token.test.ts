/**
 * The Vertex upstream's access token in the gateway (src-main/providers/upstream/upstream-vertex,
 * src-main/gateway/proxy): the token is exchanged at the service account's token URI, kept, and
 * renewed when it stops working — a 401 UNAUTHENTICATED on a kept token drops it, a fresh one is
 * exchanged and the request is sent again once, so a revoked or expired token does not disable a
 * good credential. A failed exchange is not kept either. Against the Vertex fake
 * (tests/fixtures/vertex-server.ts: the token endpoint and the OpenAI-compatible route, each
 * citing the Google page it copies; `revokeTokens` makes every issued token answer 401). The
 * token is kept no longer than the exchange's `expires_in` allows (less a margin, at most 50
 * minutes): counted by exchanges, on an injected clock where time has to pass.
 */
import { generateKeyPairSync } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeServiceAccount, startVertexServer, VERTEX_TOKEN } from '../../fixtures/vertex-server'
import { createGuardedFetch } from '../../../src-main/net'
import { getProvider } from '../../../src-main/providers/catalog'
import { servedRoutes } from '../../../src-main/providers/upstream/upstream'
import { tokenKeepMs, vertexAuth } from '../../../src-main/providers/upstream/upstream-vertex'
import {
  addVertexCredential,
  chat,
  createGatewayWorld,
  post,
  startGatewayAt,
  type GatewayWorld,
} from './world'

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
  await addVertexCredential(world, sa)
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

// What the fake saw when a kept token was refused once: the exchange, the first request, the
// refused one, a new exchange and the request again with the new token.
const RENEWED_ONCE = [
  'token',
  `chat Bearer ${VERTEX_TOKEN}`,
  `chat Bearer ${VERTEX_TOKEN}`,
  'token',
  `chat Bearer ${VERTEX_TOKEN}.2`,
]

describe('gateway: the Vertex access token', () => {
  it('a kept token that answers 401 is renewed and the request sent again, once', async () => {
    expect((await ask()).status).toBe(200)
    v.revokeTokens()
    const res = await ask()
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toContain('hello from vertex')
    expect(text).not.toContain(VERTEX_TOKEN)
    expect(sent()).toEqual(RENEWED_ONCE)
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
    expect(sent()).toEqual(RENEWED_ONCE)
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

describe('gateway: how long the Vertex access token is kept', () => {
  it('a token whose expires_in is within the margin is not kept: each request exchanges', async () => {
    v.expiresIn = 1
    expect((await ask()).status).toBe(200)
    expect((await ask()).status).toBe(200)
    expect(sent()).toEqual([
      'token',
      `chat Bearer ${VERTEX_TOKEN}`,
      'token',
      `chat Bearer ${VERTEX_TOKEN}.2`,
    ])
  })

  it('an answer without expires_in still keeps the token (for at most 50 minutes)', async () => {
    v.expiresIn = undefined
    expect((await ask()).status).toBe(200)
    expect((await ask()).status).toBe(200)
    expect(sent()).toEqual(['token', `chat Bearer ${VERTEX_TOKEN}`, `chat Bearer ${VERTEX_TOKEN}`])
  })

  it('a token is kept until expires_in less 5 minutes on the clock, then exchanged again', async () => {
    v.expiresIn = 600
    let now = 1_000_000
    const entry = getProvider('vertex')
    const cred = {
      id: 'c1',
      provider: 'vertex' as const,
      name: 'Vertex',
      project: 'my-proj',
      location: 'us-central1',
      serviceAccountJson: JSON.stringify(sa.json),
      baseUrl: v.url,
    }
    const up = vertexAuth(cred, entry, servedRoutes(entry)!, () => now)!
    const fetch = createGuardedFetch({ defaultTimeoutMs: 5_000, env: {} })
    const auth = async () => (await up.headers(fetch, new AbortController().signal)).authorization
    const exchanges = () => v.requests.filter((r) => r.path === '/token').length
    try {
      expect(await auth()).toBe(`Bearer ${VERTEX_TOKEN}`)
      now += 300_000 - 1
      expect(await auth()).toBe(`Bearer ${VERTEX_TOKEN}`)
      expect(exchanges()).toBe(1)
      now += 1
      expect(await auth()).toBe(`Bearer ${VERTEX_TOKEN}.2`)
      expect(exchanges()).toBe(2)
    } finally {
      await fetch.close()
    }
  })

  it('the kept time: expires_in less 5 minutes, never above 50 minutes nor below 0', () => {
    const min = 60_000
    expect(tokenKeepMs(3599)).toBe(50 * min)
    expect(tokenKeepMs(600)).toBe(5 * min)
    expect(tokenKeepMs(1)).toBe(0)
    expect(tokenKeepMs(-30)).toBe(0)
    expect(tokenKeepMs(1e12)).toBe(50 * min)
    expect(tokenKeepMs(null)).toBe(50 * min)
    expect(tokenKeepMs(Number.NaN)).toBe(50 * min)
  })
})
