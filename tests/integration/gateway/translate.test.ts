/**
 * OpenAI ⇄ Anthropic through the gateway (issue 14): an OpenAI client on /v1/chat/completions
 * reaches a model Anthropic serves, an Anthropic client on /v1/messages reaches an OpenAI-served
 * one; streams are translated as they arrive (chunk 1 reaches the client while the upstream
 * still holds the rest), stop reasons, usage, system prompt and errors mapped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeUpstream, type FakeUpstream } from '../../fixtures/gateway-upstream'
import { chat, createGatewayWorld, post, type GatewayWorld } from './world'

const KEY_OAI = 'sk-test-fake-key-TRANSLATE-OAI-0000000'
const KEY_ANT = 'sk-ant-test-fake-key-TRANSLATE-ANT-000'
let world: GatewayWorld
let oai: FakeUpstream
let ant: FakeUpstream
let token: string

beforeEach(async () => {
  world = await createGatewayWorld()
  oai = await startFakeUpstream('openai', KEY_OAI, 'oai')
  ant = await startFakeUpstream('anthropic', KEY_ANT, 'ant')
  await world.register(
    await world.addCredential('openai', 'OpenAI', oai.url, KEY_OAI),
    'gpt-4o-mini',
  )
  await world.register(
    await world.addCredential('anthropic', 'Claude', ant.url, KEY_ANT),
    'claude-x',
  )
  token = await world.token()
})
afterEach(async () => {
  await world.close()
  await Promise.all([oai.close(), ant.close()])
})

const sent = (u: FakeUpstream) =>
  JSON.parse(u.requests.at(-1)!.body.toString()) as Record<string, unknown>
const dataLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => l.slice(6))
async function usage(model: string) {
  await world.ctx.gateway.flush()
  return (await world.ctx.gateway.usage()).find((u) => u.model === model)
}

describe('OpenAI client → Anthropic model', () => {
  it('answers a chat completion, system prompt hoisted, with the real key only upstream', async () => {
    const res = await post(world, '/v1/chat/completions', token, {
      model: 'claude-x',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
    })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain(KEY_ANT)
    expect(JSON.parse(text)).toMatchObject({
      object: 'chat.completion',
      choices: [
        { message: { role: 'assistant', content: 'hello from ant' }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 },
    })
    const up = ant.requests.at(-1)!
    expect(up.path).toBe('/v1/messages')
    expect(up.headers['x-api-key']).toBe(KEY_ANT)
    expect(JSON.stringify(up.headers)).not.toContain(token)
    expect(sent(ant)).toEqual({
      model: 'claude-x',
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 4096,
    })
    expect(await usage('anthropic/claude-x')).toMatchObject({ inputTokens: 12, outputTokens: 4 })
  })

  it('streams: the first chunk arrives while Anthropic still holds the rest', async () => {
    ant.gate = true
    const res = await post(world, '/v1/chat/completions', token, {
      ...chat('claude-x', true),
      stream_options: { include_usage: true },
    })
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const reader = res.body!.getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(first).toContain('"delta":{"role":"assistant","content":""}')
    expect(first).not.toContain('"content":"Hi"')
    ant.release()
    let rest = ''
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value)
    const chunks = dataLines(first + rest)
    expect(chunks.at(-1)).toBe('[DONE]')
    const parsed = chunks.slice(0, -1).map((c) => JSON.parse(c))
    expect(parsed.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('Hi')
    expect(parsed.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('stop')
    expect(parsed.at(-1).usage).toEqual({
      prompt_tokens: 25,
      completion_tokens: 15,
      total_tokens: 40,
    })
    expect(await usage('anthropic/claude-x')).toMatchObject({ inputTokens: 25, outputTokens: 15 })
  })

  it("passes Anthropic's error in OpenAI's shape, and refuses tools with 400", async () => {
    ant.failure = {
      status: 400,
      body: '{"type":"error","error":{"type":"invalid_request_error","message":"messages: bad"}}',
    }
    const res = await post(world, '/v1/chat/completions', token, chat('claude-x'))
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: { message: 'messages: bad', type: 'invalid_request_error', param: null, code: null },
    })
    // A 200 whose body is not JSON cannot be translated: a 502 in the client's shape, not a made-up reply.
    ant.failure = { status: 200, body: '<html>proxy login</html>' }
    const garbled = await post(world, '/v1/chat/completions', token, chat('claude-x'))
    expect(garbled.status).toBe(502)
    expect(((await garbled.json()) as { error: { message: string } }).error.message).toContain(
      'not JSON',
    )
    const tools = await post(world, '/v1/chat/completions', token, {
      ...chat('claude-x'),
      tools: [],
    })
    expect(tools.status).toBe(400)
    expect(((await tools.json()) as { error: { code: string } }).error.code).toBe('invalid_request')
  })
})

describe('Anthropic client → OpenAI model', () => {
  const message = (stream = false) => ({
    model: 'gpt-4o-mini',
    max_tokens: 50,
    system: 'Be brief.',
    stream,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
  })

  it('answers an Anthropic message from an OpenAI completion', async () => {
    const res = await post(world, '/v1/messages', token, message(), 'x-api-key')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'hello from oai' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 11, output_tokens: 3 },
    })
    expect(oai.requests.at(-1)!.path).toBe('/v1/chat/completions')
    expect(oai.requests.at(-1)!.headers['anthropic-version']).toBeUndefined()
    expect(sent(oai)).toEqual({
      model: 'gpt-4o-mini',
      max_tokens: 50,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
    })
  })

  it('streams Anthropic events as the OpenAI chunks arrive, usage from the asked-for chunk', async () => {
    oai.gate = true
    const res = await post(world, '/v1/messages', token, message(true), 'x-api-key')
    const reader = res.body!.getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(first).toContain('event: message_start')
    expect(first).not.toContain('"text":"lo"')
    oai.release()
    let rest = ''
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value)
    const all = first + rest
    const kinds = all
      .split('\n')
      .filter((l) => l.startsWith('event: '))
      .map((l) => l.slice(7))
    expect(kinds).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    expect(all).toContain('"usage":{"input_tokens":7,"output_tokens":2}')
    expect(sent(oai).stream_options).toEqual({ include_usage: true })
    expect(await usage('openai/gpt-4o-mini')).toMatchObject({ inputTokens: 7, outputTokens: 2 })
  })

  it("passes OpenAI's error in Anthropic's shape", async () => {
    oai.failure = {
      status: 400,
      body: '{"error":{"message":"bad thing","type":"invalid_request_error"}}',
    }
    const res = await post(world, '/v1/messages', token, message(), 'x-api-key')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'bad thing' },
    })
  })
})
