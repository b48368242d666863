/**
 * The local gateway end to end (DESIGN §14, issue 14): real app context, real guarded fetch,
 * real HTTP fake upstreams (tests/fixtures/gateway-upstream.ts), requests over loopback.
 *
 * The parts driven here: src-main/gateway/service (started by the world; tokens created with
 * their allowlist, rpm and expiry, revoked, usage and limits read back),
 * src-main/gateway/proxy (the key pool: 401/403 disable and move on, 429 cools down, 5xx and a
 * refused connection move on, no retry after the first byte, the key scrubbed) and
 * src-main/gateway/pipe (SSE chunks streamed as they arrive, usage sniffed from streams and JSON
 * bodies).
 */
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startGateway } from '../../../src-main/gateway/server'
import { startFakeUpstream, type FakeUpstream } from '../../fixtures/gateway-upstream'
import { chat, createGatewayWorld, post, type GatewayWorld } from './world'

const KEY_A = 'sk-test-fake-key-AAAAAAAAAAAAAAAAAAAA'
const KEY_B = 'sk-test-fake-key-BBBBBBBBBBBBBBBBBBBB'
const KEY_ANT = 'sk-ant-test-fake-key-CCCCCCCCCCCCCCCC'

let world: GatewayWorld
let upA: FakeUpstream
let upB: FakeUpstream
let upAnt: FakeUpstream
let credA: string
let credB: string
let credAnt: string

beforeEach(async () => {
  world = await createGatewayWorld()
  upA = await startFakeUpstream('openai', KEY_A, 'A')
  upB = await startFakeUpstream('openai', KEY_B, 'B')
  upAnt = await startFakeUpstream('anthropic', KEY_ANT, 'ant')
  // Two OpenAI credentials (A is primary: created first) and one Anthropic-compatible one.
  credA = await world.addCredential('openai', 'Key A', upA.url, KEY_A)
  credB = await world.addCredential('openai', 'Key B', upB.url, KEY_B)
  credAnt = await world.addCredential('anthropic', 'Claude', upAnt.url, KEY_ANT)
  await world.register(credA, 'gpt-4o-mini')
  await world.register(credB, 'gpt-4o-mini')
  await world.register(credA, 'gpt-4.1')
  await world.register(credA, 'text-embedding-3-small', 'embedding')
  await world.register(credA, 'tts-1', 'text_to_speech')
  await world.register(credA, 'whisper-1', 'speech_to_text')
  await world.register(credAnt, 'claude-x')
})

afterEach(async () => {
  await world.close()
  await Promise.all([upA.close(), upB.close(), upAnt.close()])
})

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; upstream_code?: string; message: string } }).error

/** Reads a streamed body chunk by chunk. */
function chunks(res: Response) {
  const reader = res.body!.getReader()
  const dec = new TextDecoder()
  return {
    next: async () => {
      const { done, value } = await reader.read()
      return done ? null : dec.decode(value)
    },
    rest: async () => {
      let all = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return all
        all += dec.decode(value)
      }
    },
  }
}

describe('auth', () => {
  it('refuses a missing, wrong or expired token with 401 invalid_token', async () => {
    const none = await post(world, '/v1/chat/completions', null, chat('gpt-4o-mini'))
    expect(none.status).toBe(401)
    expect((await errorOf(none)).code).toBe('invalid_token')

    const wrong = await post(
      world,
      '/v1/chat/completions',
      'sbg_notarealtoken',
      chat('gpt-4o-mini'),
    )
    expect(wrong.status).toBe(401)
    expect((await errorOf(wrong)).code).toBe('invalid_token')

    const expiring = await world.token({ expiresInMs: 60_000 })
    expect((await post(world, '/v1/chat/completions', expiring, chat('gpt-4o-mini'))).status).toBe(
      200,
    )
    world.advance(61_000)
    const expired = await post(world, '/v1/chat/completions', expiring, chat('gpt-4o-mini'))
    expect(expired.status).toBe(401)
    expect((await errorOf(expired)).message).toMatch(/expired/)
    expect(upA.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('accepts the token as x-api-key too, and a revoked token no longer works', async () => {
    const created = await world.ctx.gateway.createToken({ name: 'sdk' })
    expect(
      (await post(world, '/v1/chat/completions', created.token, chat('gpt-4o-mini'), 'x-api-key'))
        .status,
    ).toBe(200)
    await world.ctx.gateway.removeToken(created.id)
    expect(
      (await post(world, '/v1/chat/completions', created.token, chat('gpt-4o-mini'))).status,
    ).toBe(401)
  })

  it('enforces the allowlist with 403 model_not_allowed', async () => {
    const token = await world.token({ models: ['gpt-4o-mini'] })
    expect((await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).status).toBe(200)
    const denied = await post(world, '/v1/chat/completions', token, chat('gpt-4.1'))
    expect(denied.status).toBe(403)
    expect((await errorOf(denied)).code).toBe('model_not_allowed')
    expect(upA.requests.some((r) => r.body.includes('gpt-4.1'))).toBe(false)
  })

  it('limits a token to its own rpm with 429 rate_limited and Retry-After', async () => {
    const token = await world.token({ rpm: 2 })
    for (let i = 0; i < 2; i++)
      expect((await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).status).toBe(
        200,
      )
    const third = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(third.status).toBe(429)
    expect((await errorOf(third)).code).toBe('rate_limited')
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    world.advance(61_000)
    expect((await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).status).toBe(200)
  })
})

describe('routing', () => {
  it('resolves default:<slot> aliases from the default slots', async () => {
    const id = (await world.ctx.models.list()).find((m) => m.name === 'gpt-4.1')!.id
    await world.ctx.defaults.set('chat', id)
    const token = await world.token()
    const res = await post(world, '/v1/chat/completions', token, chat('default:chat'))
    expect(res.status).toBe(200)
    // The provider receives its own model id, not the alias.
    expect(JSON.parse(upA.requests.at(-1)!.body.toString()).model).toBe('gpt-4.1')
    // tools falls back to chat (DESIGN §3)
    expect((await post(world, '/v1/chat/completions', token, chat('default:tools'))).status).toBe(
      200,
    )
    const none = await post(world, '/v1/chat/completions', token, chat('default:largeContextX'))
    expect(none.status).toBe(404)
    expect((await errorOf(none)).code).toBe('model_not_found')
  })

  it('asks for provider/name when two providers register the same name', async () => {
    const up = await startFakeUpstream('openai', 'sk-compat-key-DDDDDDDDDDDD', 'compat')
    try {
      const compat = await world.addCredential(
        'openai_compatible',
        'Box',
        up.url,
        'sk-compat-key-DDDDDDDDDDDD',
      )
      await world.register(compat, 'gpt-4o-mini')
      const token = await world.token()
      const ambiguous = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
      expect(ambiguous.status).toBe(404)
      const err = await errorOf(ambiguous)
      expect(err.code).toBe('model_not_found')
      expect(err.message).toContain('openai_compatible/gpt-4o-mini')
      const res = await post(
        world,
        '/v1/chat/completions',
        token,
        chat('openai_compatible/gpt-4o-mini'),
      )
      expect(res.status).toBe(200)
      expect(up.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
      expect(
        (await post(world, '/v1/chat/completions', token, chat('openai/gpt-4o-mini'))).status,
      ).toBe(200)
      // GET /v1/models names the colliding models by provider/name
      const list = (await (
        await fetch(`${world.url}/v1/models`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { data: { id: string }[] }
      const ids = list.data.map((m) => m.id)
      expect(ids).toContain('openai/gpt-4o-mini')
      expect(ids).toContain('openai_compatible/gpt-4o-mini')
      expect(ids).toContain('claude-x')
    } finally {
      await up.close()
    }
  })

  it('answers a clear 400 for a route the provider does not serve in any shape', async () => {
    const token = await world.token()
    // Anthropic has no embeddings: nothing to translate to.
    await world.register(credAnt, 'claude-embed', 'embedding')
    const res = await post(world, '/v1/embeddings', token, { model: 'claude-embed', input: 'x' })
    expect(res.status).toBe(400)
    const err = await errorOf(res)
    expect(err.code).toBe('unsupported')
    expect(err.message).toContain('anthropic/claude-embed')
    expect(upAnt.requests).toHaveLength(0)
  })

  it('serves embeddings, speech and transcriptions (multipart model rewritten)', async () => {
    const token = await world.token()
    const emb = await post(world, '/v1/embeddings', token, {
      model: 'text-embedding-3-small',
      input: 'x',
    })
    expect(emb.status).toBe(200)
    expect(((await emb.json()) as { data: unknown[] }).data).toHaveLength(1)
    const speech = await post(world, '/v1/audio/speech', token, {
      model: 'tts-1',
      input: 'hi',
      voice: 'alloy',
    })
    expect(speech.status).toBe(200)
    expect(speech.headers.get('content-type')).toBe('audio/mpeg')
    expect(Buffer.from(await speech.arrayBuffer())).toEqual(
      Buffer.from([0xff, 0xfb, 0x90, 0x44, 1, 2, 3]),
    )
    const sttId = (await world.ctx.models.list()).find((m) => m.name === 'whisper-1')!.id
    await world.ctx.defaults.set('speechToText', sttId)
    const form = new FormData()
    form.set('model', 'default:speechToText')
    form.set('file', new Blob([Buffer.from('RIFF....WAVE')], { type: 'audio/wav' }), 'clip.wav')
    const stt = await fetch(`${world.url}/v1/audio/transcriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
    expect(stt.status).toBe(200)
    expect(await stt.json()).toEqual({ text: 'model=whisper-1' })
  })
})

describe('key pool failover', () => {
  it('401 moves on to the next credential and disables the failing one until it passes a test', async () => {
    const token = await world.token()
    upA.failure = { status: 401 }
    const res = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(res.status).toBe(200)
    expect(
      ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message
        .content,
    ).toBe('hello from B')
    const aBefore = upA.requests.length
    // Disabled: the next request goes straight to B.
    expect((await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).status).toBe(200)
    expect(upA.requests.length).toBe(aBefore)
    expect((await world.ctx.gateway.limits()).find((l) => l.credentialId === credA)!.disabled).toBe(
      true,
    )
    // The key is fixed upstream and the credential passes a connection test: used again.
    upA.failure = null
    world.advance(1_000)
    expect((await world.ctx.tests.testOne(credA)).code).toBe('ok')
    const again = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(
      ((await again.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message
        .content,
    ).toBe('hello from A')
  })

  it('403 also disables; when every credential fails the answer is 502 upstream_failed with the last code', async () => {
    const token = await world.token()
    upA.failure = { status: 403 }
    upB.failure = { status: 500 }
    const res = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(res.status).toBe(502)
    const err = await errorOf(res)
    expect(err.code).toBe('upstream_failed')
    expect(err.upstream_code).toBe('server_error')
  })

  it('429 cools the credential down for that model for the reset time, then uses it again', async () => {
    const token = await world.token()
    upA.failure = { status: 429, headers: { 'retry-after': '30' } }
    expect(
      (
        (await (await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).json()) as {
          choices: { message: { content: string } }[]
        }
      ).choices[0]!.message.content,
    ).toBe('hello from B')
    upA.failure = null
    const aBefore = upA.requests.length
    // Still cooling for gpt-4o-mini: B answers, A is not asked.
    expect((await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).status).toBe(200)
    expect(upA.requests.length).toBe(aBefore)
    // Scoped to credential + model: another model on A is not cooled.
    expect((await post(world, '/v1/chat/completions', token, chat('gpt-4.1'))).status).toBe(200)
    expect(upA.requests.length).toBe(aBefore + 1)
    // After the reset time A is first again.
    world.advance(31_000)
    const later = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(
      ((await later.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message
        .content,
    ).toBe('hello from A')
  })

  it('429 with only an OpenAI reset header cools down for that reset', async () => {
    const token = await world.token()
    upA.failure = { status: 429, headers: { 'x-ratelimit-reset-requests': '1m0s' } }
    await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    upA.failure = null
    const aBefore = upA.requests.length
    world.advance(50_000)
    await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(upA.requests.length).toBe(aBefore)
    world.advance(11_000)
    await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(upA.requests.length).toBe(aBefore + 1)
  })

  it('5xx and a refused connection move on without disabling', async () => {
    const token = await world.token()
    upA.failure = { status: 503 }
    expect((await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).status).toBe(200)
    expect(upB.requests.length).toBe(1)
    upA.failure = null
    const res = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(
      ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message
        .content,
    ).toBe('hello from A')
    await upA.close()
    expect((await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).status).toBe(200)
    expect(upB.requests.length).toBe(2)
  })

  it('never retries once the first byte has reached the client', async () => {
    const token = await world.token()
    upA.cutAfterFirstChunk = true
    const res = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini', true))
    expect(res.status).toBe(200)
    const body = chunks(res)
    expect(await body.next()).toContain('Hel')
    await expect(body.rest()).rejects.toThrow()
    expect(upB.requests).toHaveLength(0)
    await world.ctx.gateway.flush()
    const row = (await world.ctx.gateway.usage()).find((u) => u.model === 'openai/gpt-4o-mini')!
    expect(row.errors).toBe(1)
  })
})

describe('streaming pass-through', () => {
  it('OpenAI SSE: chunk 1 reaches the client while the upstream still holds chunk 2', async () => {
    const token = await world.token()
    upA.gate = true
    const res = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini', true))
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const body = chunks(res)
    const first = await body.next()
    expect(first).toContain('"content":"Hel"')
    expect(first).not.toContain('"content":"lo"')
    upA.release()
    const rest = await body.rest()
    expect(rest).toContain('"content":"lo"')
    expect(rest.trim().endsWith('data: [DONE]')).toBe(true)
  })

  it('Anthropic SSE: message_start reaches the client before the upstream sends the rest', async () => {
    const token = await world.token()
    upAnt.gate = true
    const res = await post(
      world,
      '/v1/messages',
      token,
      { ...chat('claude-x', true), max_tokens: 10 },
      'x-api-key',
    )
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const body = chunks(res)
    const first = await body.next()
    expect(first).toContain('event: message_start')
    expect(first).not.toContain('content_block_delta')
    upAnt.release()
    expect(await body.rest()).toContain('event: message_stop')
    // The client's anthropic-version went upstream with the real key.
    const sent = upAnt.requests.at(-1)!
    expect(sent.headers['x-api-key']).toBe(KEY_ANT)
  })
})

describe('usage', () => {
  it('counts requests, errors and tokens per token × model, streamed usage included', async () => {
    const app = await world.ctx.gateway.createToken({ name: 'counter' })
    await (await post(world, '/v1/chat/completions', app.token, chat('gpt-4o-mini'))).text()
    await (await post(world, '/v1/chat/completions', app.token, chat('gpt-4o-mini', true))).text()
    await (
      await post(world, '/v1/messages', app.token, { ...chat('claude-x', true), max_tokens: 5 })
    ).text()
    await (
      await post(world, '/v1/messages', app.token, { ...chat('claude-x'), max_tokens: 5 })
    ).text()
    upA.failure = { status: 400, body: '{"error":{"message":"bad request"}}' }
    upB.failure = { status: 400, body: '{"error":{"message":"bad request"}}' }
    expect((await post(world, '/v1/chat/completions', app.token, chat('gpt-4o-mini'))).status).toBe(
      400,
    )
    const usage = await world.ctx.gateway.usage()
    const gpt = usage.find((u) => u.tokenId === app.id && u.model === 'openai/gpt-4o-mini')
    expect(gpt).toEqual({
      tokenId: app.id,
      name: 'counter',
      model: 'openai/gpt-4o-mini',
      requests: 3,
      errors: 1,
      inputTokens: 11 + 7,
      outputTokens: 3 + 2,
    })
    const claude = usage.find((u) => u.model === 'anthropic/claude-x')
    expect(claude).toMatchObject({
      requests: 2,
      errors: 0,
      inputTokens: 25 + 12,
      outputTokens: 15 + 4,
    })
    const tokenView = (await world.ctx.gateway.listTokens()).find((t) => t.id === app.id)!
    expect(tokenView.lastUsedAt).not.toBeNull()
  })

  it("reads the provider's rate-limit headers into the credential's latest limits", async () => {
    const token = await world.token()
    upA.okHeaders = {
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '499',
      'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-limit-tokens': '30000',
      'x-ratelimit-remaining-tokens': '29950',
      'x-ratelimit-reset-tokens': '6m0s',
    }
    await (await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))).text()
    await world.ctx.gateway.flush()
    const l = (await world.ctx.gateway.limits()).find((x) => x.credentialId === credA)!
    expect(l).toMatchObject({
      requestsLimit: 500,
      requestsRemaining: 499,
      tokensLimit: 30000,
      tokensRemaining: 29950,
      disabled: false,
    })
    expect(Date.parse(l.tokensReset!) - Date.parse(l.at!)).toBe(360_000)
  })
})

describe('edges and secrets', () => {
  it('refuses a Host that is not a loopback name (DNS rebinding) and answers no CORS', async () => {
    const token = await world.token()
    const { port } = new URL(world.url)
    const raw = (method: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
        (resolve, reject) => {
          const r = request(
            { host: '127.0.0.1', port, method, path: '/v1/chat/completions', headers },
            (res) => {
              let body = ''
              res.on('data', (c) => (body += c))
              res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
            },
          )
          r.on('error', reject)
          r.end(method === 'POST' ? JSON.stringify(chat('gpt-4o-mini')) : undefined)
        },
      )
    const rebound = await raw('POST', {
      host: 'evil.example:8788',
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    })
    expect(rebound.status).toBe(403)
    expect(JSON.parse(rebound.body).error.code).toBe('host_not_allowed')
    const fromPage = await raw('POST', {
      host: `127.0.0.1:${port}`,
      origin: 'https://evil.example',
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    })
    expect(fromPage.status).toBe(403)
    const preflight = await raw('OPTIONS', {
      host: `localhost:${port}`,
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    })
    expect(preflight.status).toBe(403)
    const ok = await raw('POST', {
      host: `localhost:${port}`,
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    })
    expect(ok.status).toBe(200)
    for (const r of [rebound, fromPage, preflight, ok]) {
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
    expect(upA.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('never sends the gateway token upstream and never returns the real key', async () => {
    const token = await world.token()
    const bodies: string[] = []
    const collect = async (res: Response) => {
      const text = await res.text()
      bodies.push(text, JSON.stringify([...res.headers]))
    }
    await collect(await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini')))
    await collect(await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini', true)))
    await collect(await post(world, '/v1/messages', token, { ...chat('claude-x'), max_tokens: 5 }))
    // An upstream error that echoes the key is passed on scrubbed.
    upA.failure = {
      status: 400,
      body: JSON.stringify({ error: { message: `model not found for key ${KEY_A}` } }),
    }
    upB.failure = { status: 500, body: JSON.stringify({ error: { message: `broken ${KEY_B}` } }) }
    const echoed = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(echoed.status).toBe(400)
    await collect(echoed)
    // Every credential failing: the 502 says which code, never what the upstream said.
    upA.failure = { status: 401 }
    const all = await post(world, '/v1/chat/completions', token, chat('gpt-4o-mini'))
    expect(all.status).toBe(502)
    await collect(all)
    for (const b of bodies) {
      for (const key of [KEY_A, KEY_B, KEY_ANT]) expect(b).not.toContain(key)
    }
    for (const up of [upA, upB, upAnt]) {
      for (const r of up.requests) {
        expect(JSON.stringify(r.headers)).not.toContain(token)
        expect(r.body.toString('latin1')).not.toContain(token)
      }
    }
  })

  it('refuses to listen on anything but loopback', async () => {
    await expect(startGateway({} as never, { host: '0.0.0.0', port: 0 })).rejects.toMatchObject({
      code: 'validation',
    })
  })
})
