/**
 * Providers whose native API is neither OpenAI's nor Anthropic's, served through the gateway's
 * OpenAI routes (src-main/providers/upstream/upstream-routes.ts): Google AI Studio and Vertex through their
 * OpenAI-compatible endpoints, Azure deployments, Cohere's Compatibility API and Voyage
 * embeddings. Each against its recording fake (tests/fixtures/*-server.ts, routes cited there),
 * through the real guarded fetch. Vertex's upstream is src-main/providers/upstream/upstream-vertex,
 * checked here for its route under the project's `endpoints/openapi`, the service account's
 * token exchanged once for many requests, and the model sent as `google/<id>`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startAzureServer } from '../../fixtures/azure-server'
import { startCohereServer } from '../../fixtures/cohere-server'
import { startGoogleServer } from '../../fixtures/google-server'
import type { FakeServer } from '../../fixtures/recording-server'
import { makeServiceAccount, startVertexServer, VERTEX_TOKEN } from '../../fixtures/vertex-server'
import { startVoyageServer } from '../../fixtures/voyage-server'
import {
  addVertexCredential,
  chat,
  createGatewayWorld,
  post,
  startGatewayAt,
  type GatewayWorld,
} from './world'
import { closedAfter } from '../../support/servers'

const KEY = 'fake-provider-key-0123456789abcdefXYZ'

let world: GatewayWorld
beforeEach(async () => {
  world = await createGatewayWorld()
})
afterEach(async () => {
  await world.close()
})
const track = closedAfter(afterEach)
const posts = (s: FakeServer) => s.requests.filter((r) => r.method === 'POST')
const embed = (model: string) => ({ model, input: ['hello'] })

async function expectNoSecrets(res: Response, ...secrets: string[]) {
  const text = await res.text()
  for (const s of secrets) expect(text).not.toContain(s)
  return text
}

describe('Google AI Studio (OpenAI-compatible endpoint)', () => {
  it('serves chat and embeddings at /v1beta/openai/ with the key as Bearer', async () => {
    const g = track(await startGoogleServer({ key: KEY }))
    const id = await world.addCredential('google', 'Gemini', `${g.url}/v1beta`, KEY)
    await world.register(id, 'gemini-2.5-flash')
    await world.register(id, 'gemini-embedding-001', 'embedding')
    const token = await world.token()

    const res = await post(world, '/v1/chat/completions', token, chat('gemini-2.5-flash'))
    expect(res.status).toBe(200)
    const body = JSON.parse(await expectNoSecrets(res, KEY)) as {
      choices: { message: { content: string } }[]
    }
    expect(body.choices[0]!.message.content).toBe('hello from gemini')
    const e = await post(world, '/v1/embeddings', token, embed('gemini-embedding-001'))
    expect(e.status).toBe(200)

    const sent = posts(g)
    expect(sent.map((r) => r.path)).toEqual([
      '/v1beta/openai/chat/completions',
      '/v1beta/openai/embeddings',
    ])
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(JSON.stringify(sent[0]!.headers)).not.toContain(token)

    await world.ctx.gateway.flush()
    const usage = await world.ctx.gateway.usage()
    expect(usage.find((u) => u.model === 'google/gemini-2.5-flash')).toMatchObject({
      requests: 1,
      inputTokens: 9,
      outputTokens: 2,
    })
  })

  it("a bad key's 400 API_KEY_INVALID disables the credential and answers 502", async () => {
    const g = track(await startGoogleServer({ key: 'another-key-entirely-0000000000' }))
    const id = await world.addCredential('google', 'Gemini', `${g.url}/v1beta`, KEY)
    await world.register(id, 'gemini-2.5-flash')
    const res = await post(world, '/v1/chat/completions', await world.token(), {
      ...chat('gemini-2.5-flash'),
    })
    expect(res.status).toBe(502)
    const err = ((await res.json()) as { error: { upstream_code: string } }).error
    expect(err.upstream_code).toBe('auth_invalid')
  })
})

describe('Vertex AI (OpenAI-compatible endpoint)', () => {
  it('exchanges the service account for a token once and sends google/<model>', async () => {
    let accept: ReturnType<typeof makeServiceAccount>['publicKey'] | null = null
    const v = track(await startVertexServer({ accept: () => accept! }))
    const sa = makeServiceAccount(v.tokenUri)
    accept = sa.publicKey
    await addVertexCredential(world, sa)
    const token = await world.token()
    // Vertex has no base-URL field: a gateway that puts the fake's URL in (./world.ts).
    const gw = await startGatewayAt(world, v.url)
    try {
      for (let i = 0; i < 2; i++) {
        const res = await post({ ...world, url: gw.url }, '/v1/chat/completions', token, {
          ...chat('gemini-2.5-flash'),
        })
        expect(res.status).toBe(200)
        expect(
          await expectNoSecrets(res, VERTEX_TOKEN, sa.json.private_key.split('\n')[1]!),
        ).toContain('hello from vertex')
      }
    } finally {
      await gw.close()
    }
    const sent = posts(v)
    // One token exchange, then two completions carrying that token.
    expect(sent.map((r) => r.path)).toEqual([
      '/token',
      '/v1/projects/my-proj/locations/us-central1/endpoints/openapi/chat/completions',
      '/v1/projects/my-proj/locations/us-central1/endpoints/openapi/chat/completions',
    ])
    expect(sent[1]!.headers.authorization).toBe(`Bearer ${VERTEX_TOKEN}`)
    expect(JSON.parse(sent[1]!.body.toString()).model).toBe('google/gemini-2.5-flash')
  })
})

describe('Azure OpenAI deployments', () => {
  it('maps the model (the deployment name) into the URL with api-version and api-key', async () => {
    const a = track(await startAzureServer({ key: KEY }))
    const c = await world.ctx.credentials.create({
      provider: 'azure',
      name: 'Azure',
      endpoint: a.url,
      apiVersion: '2024-10-21',
      apiKey: KEY,
    } as never)
    await world.register(c.id, 'chat-prod')
    await world.register(c.id, 'embed', 'embedding')
    const token = await world.token()
    const res = await post(world, '/v1/chat/completions', token, chat('chat-prod'))
    expect(res.status).toBe(200)
    await expectNoSecrets(res, KEY)
    expect((await post(world, '/v1/embeddings', token, embed('embed'))).status).toBe(200)
    const sent = posts(a)
    expect(sent.map((r) => r.url)).toEqual([
      '/openai/deployments/chat-prod/chat/completions?api-version=2024-10-21',
      '/openai/deployments/embed/embeddings?api-version=2024-10-21',
    ])
    expect(sent[0]!.headers['api-key']).toBe(KEY)
    expect(sent[0]!.headers.authorization).toBeUndefined()
  })
})

describe('Cohere (Compatibility API) and Voyage (embeddings)', () => {
  it('serves Cohere chat and embeddings under /compatibility/v1', async () => {
    const co = track(await startCohereServer({ key: KEY }))
    const id = await world.addCredential('cohere', 'Cohere', co.url, KEY)
    await world.register(id, 'command-a-03-2025')
    const token = await world.token()
    const res = await post(world, '/v1/chat/completions', token, chat('command-a-03-2025'))
    expect(res.status).toBe(200)
    expect(await expectNoSecrets(res, KEY)).toContain('hello from cohere')
    expect(posts(co).map((r) => r.path)).toEqual(['/compatibility/v1/chat/completions'])
  })

  it('serves Voyage embeddings, and refuses chat for a provider that has none', async () => {
    const vo = track(await startVoyageServer({ key: KEY }))
    const id = await world.addCredential('voyage', 'Voyage', `${vo.url}/v1`, KEY)
    await world.register(id, 'voyage-3.5-lite', 'embedding')
    const token = await world.token()
    const res = await post(world, '/v1/embeddings', token, embed('voyage-3.5-lite'))
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: { embedding: number[] }[] }
    expect(body.data[0]!.embedding).toHaveLength(1024)
    expect(posts(vo)[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('answers 400 unsupported for ElevenLabs speech (its API is not OpenAI-shaped)', async () => {
    const id = await world.addCredential('elevenlabs', '11', 'http://127.0.0.1:9/v1', KEY)
    await world.register(id, 'eleven_flash_v2_5', 'text_to_speech')
    const res = await post(world, '/v1/audio/speech', await world.token(), {
      model: 'eleven_flash_v2_5',
      input: 'hi',
      voice: 'alloy',
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported')
  })
})
