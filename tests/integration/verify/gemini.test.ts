/**
 * The verification check against the Gemini fakes (issue 16): Google AI Studio's and Vertex AI's
 * `:streamGenerateContent?alt=sse` (tests/fixtures/google-server.ts, vertex-server.ts, sources
 * cited there). Each: the pieces streamed in order with first-token and total latency, the
 * tokens the last event reports, the key (or Vertex's access token) echoed in the reply in
 * several encodings redacted, a bad key / a 429 mapped to their codes, a truncated event and a
 * cut stream failing with a code.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startGoogleServer } from '../../fixtures/google-server'
import { ENCODINGS } from '../../fixtures/secret-encodings'
import {
  makeServiceAccount,
  startVertexServer,
  VERTEX_TOKEN,
  type VertexFake,
} from '../../fixtures/vertex-server'
import { check, cleanWorlds, track, directVerify, endOf, worldOn } from './helpers'
import {
  expectErrorEvent,
  expectEchoRedacted,
  expectFailures,
  expectStreamed,
} from './shared-checks'

const KEY = 'AIzaSyVERIFYkey0123456789abcdefghijklmn'
afterEach(cleanWorlds)

async function googleWorld() {
  const server = await startGoogleServer({ key: KEY })
  track(server)
  return worldOn(
    server,
    { provider: 'google', name: 'Gemini', baseUrl: server.url, apiKey: KEY },
    { name: 'gemini-2.5-flash', type: 'language' },
  )
}

async function vertexWorld() {
  let accept: ReturnType<typeof makeServiceAccount>['publicKey'] | null = null
  const server: VertexFake = await startVertexServer({ accept: () => accept! })
  track(server)
  const sa = makeServiceAccount(server.tokenUri)
  accept = sa.publicKey
  const w = await worldOn(
    server,
    {
      provider: 'vertex',
      name: 'Vertex',
      project: 'my-proj',
      location: 'us-central1',
      serviceAccountJson: JSON.stringify(sa.json),
    },
    { name: 'gemini-2.5-flash', type: 'language' },
  )
  const via = directVerify(w.h, { rewrite: (c) => ({ ...c, baseUrl: server.url }) })
  return { ...w, via }
}

describe('verify: Google AI Studio streaming', () => {
  it('streams the events in order with latencies and the last event’s token counts', async () => {
    const w = await googleWorld()
    const run = await check(w.h, w.target, 'Say hello')
    expectStreamed(run, { input: 8, output: 5 })
    const sent = w.server.requests.at(-1)!
    expect(sent.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent')
    expect(sent.query.get('alt')).toBe('sse')
    // The key travels in the header only, never in the URL.
    expect(sent.headers['x-goog-api-key']).toBe(KEY)
    expect(sent.query.has('key')).toBe(false)
    expect(JSON.parse(sent.body.toString())).toMatchObject({
      contents: [{ role: 'user', parts: [{ text: 'Say hello' }] }],
      generationConfig: { maxOutputTokens: expect.any(Number) },
    })
  })

  it.each(['raw', 'base64', 'hex', 'jsonAscii'])(
    'a key echoed in the reply (%s) is redacted before it reaches the renderer',
    async (enc) => {
      const w = await googleWorld()
      await expectEchoRedacted(w, KEY, ENCODINGS[enc]!)
    },
  )

  it('a bad key, a 429, a truncated event and a cut stream each end with their code', async () => {
    const w = await googleWorld()
    await expectFailures(w, { unauthorized: 'auth_invalid' })
  })

  it('an error envelope as an event mid-stream ends the run with Google’s words', async () => {
    await expectErrorEvent(await googleWorld(), 'An internal error has occurred')
  })
})

describe('verify: Vertex AI streaming', () => {
  it('exchanges the service account for a token and streams the publisher model', async () => {
    const w = await vertexWorld()
    const run = await check(w.h, w.target, 'Say hello', w.via)
    expectStreamed(run, { input: 8, output: 5 })
    const sent = w.server.requests.at(-1)!
    expect(sent.path).toBe(
      '/v1/projects/my-proj/locations/us-central1/publishers/google/models/gemini-2.5-flash:streamGenerateContent',
    )
    expect(sent.query.get('alt')).toBe('sse')
    expect(sent.headers.authorization).toBe(`Bearer ${VERTEX_TOKEN}`)
    expect(w.server.requests.some((r) => r.path === '/token')).toBe(true)
  })

  it('the access token echoed in the reply is redacted', async () => {
    const w = await vertexWorld()
    await expectEchoRedacted(w, VERTEX_TOKEN, ENCODINGS.raw!, w.via)
  })

  it('a rejected token, a 429, a truncated event and a cut stream each end with their code', async () => {
    const w = await vertexWorld()
    await expectFailures(w, { unauthorized: 'auth_invalid' }, w.via)
    await expectErrorEvent(w, 'An internal error has occurred', w.via)
    // The failures never leak the service account's private key.
    const sa = JSON.parse(
      (await w.h.app.credentials.getDecrypted(w.credentialId)).serviceAccountJson!,
    ) as { private_key: string }
    expect(JSON.stringify(w.h.events)).not.toContain(sa.private_key.slice(40, 80))
    expect(endOf((await check(w.h, w.target, undefined, w.via)).events)).toMatchObject({
      kind: 'done',
    })
  })
})
