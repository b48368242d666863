/**
 * The verification check through the real IPC handlers (issue 16) against the OpenAI and Ollama
 * fakes: the streamed pieces arrive in order as `delta`s, `firstToken` comes before them and
 * `done` ends the run with the token counts the provider reported; cancel, a cut stream, garbage
 * frames, an error line, 401/429/500, a refused connection and a key echoed inside the reply.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { resources } from '../../../src-shared/i18n/resources'
import { startOpenAiServer } from '../../fixtures/openai-server'
import { startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'
import { closedPortUrl, jsonBody, type FakeServer } from '../../fixtures/recording-server'
import { check, cleanHomes, endOf, until, verifyWorld, waitForEnd } from './helpers'
import { expectErrorEvent } from './shared-checks'

const KEY = 'sk-proj-VERIFYKEY0123456789abcdefXYZ'
const servers: Array<FakeServer | FakeOllama> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  cleanHomes()
})

async function openAiWorld(flavor: 'openai' | 'mistral' = 'openai') {
  const server = await startOpenAiServer({ key: KEY, flavor })
  servers.push(server)
  const provider = flavor === 'openai' ? 'openai' : 'mistral'
  const w = await verifyWorld(
    { provider, name: 'Fake', baseUrl: server.url, apiKey: KEY },
    { name: 'gpt-4o-mini', type: 'language' },
  )
  return { ...w, server, target: { credentialId: w.credentialId, modelId: w.modelId } }
}

async function ollamaWorld() {
  const server = await startFakeOllama()
  servers.push(server)
  const w = await verifyWorld(
    { provider: 'ollama', name: 'Local', baseUrl: server.url },
    { name: 'llama3.2:3b', type: 'language' },
  )
  return { ...w, server, target: { credentialId: w.credentialId, modelId: w.modelId } }
}

describe('verify: OpenAI streaming', () => {
  it('streams the pieces in order, first token before them, usage from the last chunk', async () => {
    const w = await openAiWorld()
    const { events, text } = await check(w.h, w.target, 'Say hello')
    expect(events[0]).toEqual({
      kind: 'started',
      providerId: 'openai',
      credentialName: 'Fake',
      modelId: 'gpt-4o-mini',
      modelType: 'language',
    })
    expect(events[1]).toMatchObject({ kind: 'firstToken' })
    expect(text).toBe('Hello from the fake model.')
    const done = endOf(events)
    expect(done).toMatchObject({
      kind: 'done',
      tokens: { input: 12, output: 5 },
      dimensions: null,
      transcript: null,
      audio: null,
    })
    if (done.kind === 'done') {
      expect(done.firstTokenMs).toBe((events[1] as { latencyMs: number }).latencyMs)
      expect(done.latencyMs).toBeGreaterThanOrEqual(done.firstTokenMs!)
    }
    // What was sent: the prompt, streaming, usage asked for, OpenAI's token parameter.
    const sent = jsonBody(w.server.requests.at(-1)!)
    expect(sent).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Say hello' }],
    })
    expect(sent.max_completion_tokens).toBeGreaterThan(0)
  })

  it('sends the default prompt when none is given, and no stream_options to Mistral', async () => {
    const w = await openAiWorld('mistral')
    const { events } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({ kind: 'done', tokens: null })
    const sent = jsonBody(w.server.requests.at(-1)!)
    expect(sent.stream_options).toBeUndefined()
    expect(sent.messages).toEqual([
      { role: 'user', content: 'Reply with one short sentence to confirm you are working.' },
    ])
  })

  it('without a prompt, sends the default in the language chosen in Settings', async () => {
    const w = await openAiWorld()
    const set = await w.h.call('settings:setPreferences', { language: 'ja-JP' })
    expect(set.ok, JSON.stringify(set.error)).toBe(true)
    await check(w.h, w.target)
    expect(jsonBody(w.server.requests.at(-1)!).messages).toEqual([
      { role: 'user', content: resources['ja-JP'].common.verifyPrompt },
    ])
    // A prompt typed in the panel is sent as it is.
    await check(w.h, w.target, 'Hello')
    expect(jsonBody(w.server.requests.at(-1)!).messages).toEqual([
      { role: 'user', content: 'Hello' },
    ])
  })

  it.each([
    ['rate_limited', 'server_error', 'rate_limited'],
    ['server_error', 'server_error', undefined],
    ['forbidden', 'auth_forbidden', undefined],
  ] as const)('a %s answer ends the run as %s', async (mode, code, reason) => {
    const w = await openAiWorld()
    w.server.mode = mode
    const { events } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({ kind: 'failed', error: { code } })
    if (reason) expect(endOf(events)).toMatchObject({ error: { params: { reason } } })
    expect(events.some((e) => e.kind === 'delta')).toBe(false)
  })

  it('a wrong key is auth_invalid', async () => {
    const w = await openAiWorld()
    await w.h.call('credentials:update', {
      id: w.credentialId,
      apiKey: 'sk-proj-WRONGKEY00000000000000',
    })
    const { events } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({ kind: 'failed', error: { code: 'auth_invalid' } })
  })

  it('a stream cut mid-way is a network failure, after the pieces that came', async () => {
    const w = await openAiWorld()
    w.server.streaming.cutAfter = 3
    const { events, text } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({ kind: 'failed', error: { code: 'network' } })
    expect(text.length).toBeLessThan('Hello from the fake model.'.length)
  })

  it('garbage frames and an HTML page are invalid_body', async () => {
    const w = await openAiWorld()
    w.server.streaming.garbage = true
    const a = await check(w.h, w.target)
    expect(endOf(a.events)).toMatchObject({
      kind: 'failed',
      error: { code: 'server_error', params: { reason: 'invalid_body' } },
    })
    w.server.streaming.garbage = false
    w.server.mode = 'garbage'
    const b = await check(w.h, w.target)
    expect(endOf(b.events)).toMatchObject({
      kind: 'failed',
      error: { code: 'server_error', params: { reason: 'invalid_body' } },
    })
  })

  it('an error chunk mid-stream ends the run with OpenAI’s words', async () => {
    await expectErrorEvent(await openAiWorld(), 'The server had an error')
  })

  it('a key echoed inside the reply, split across two pieces, never reaches the renderer', async () => {
    const w = await openAiWorld()
    w.server.streaming.echoSecret = true
    const { events, text } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({ kind: 'done' })
    expect(text).toContain('[redacted]')
    const everything = JSON.stringify(w.h.events) + w.h.outputs.join('')
    expect(everything).not.toContain(KEY)
    expect(everything).not.toContain(KEY.slice(0, KEY.length / 2 + 1))
  })

  it('cancel ends a run in flight with `cancelled`; a second cancel finds nothing', async () => {
    const w = await openAiWorld()
    w.server.streaming.hold = true
    const res = await w.h.call('verify:start', w.target)
    const runId = res.data.runId as string
    await until(() => w.server.streaming.atHold)
    expect((await w.h.call('verify:cancel', { runId })).data).toEqual({ cancelled: true })
    const events = await waitForEnd(w.h, runId)
    expect(endOf(events)).toEqual({ kind: 'cancelled' })
    expect((await w.h.call('verify:cancel', { runId })).data).toEqual({ cancelled: false })
    w.server.streaming.hold = false
  })

  it('a new start cancels the run before it', async () => {
    const w = await openAiWorld()
    w.server.streaming.hold = true
    const first = (await w.h.call('verify:start', w.target)).data.runId as string
    await until(() => w.server.streaming.atHold)
    w.server.streaming.hold = false
    const second = await check(w.h, w.target)
    expect(endOf(await waitForEnd(w.h, first))).toEqual({ kind: 'cancelled' })
    expect(endOf(second.events)).toMatchObject({ kind: 'done' })
  })

  it('a refused connection is network, an unknown model not_found, a bad prompt validation', async () => {
    const w = await openAiWorld()
    await w.h.call('credentials:update', { id: w.credentialId, baseUrl: await closedPortUrl() })
    const { events } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({ kind: 'failed', error: { code: 'network' } })
    const missing = await w.h.call('verify:start', { ...w.target, modelId: 'nope' })
    expect(missing.error?.code).toBe('not_found')
    const blank = await w.h.call('verify:start', { ...w.target, prompt: '   ' })
    expect(blank.error?.code).toBe('validation')
    const long = await w.h.call('verify:start', { ...w.target, prompt: 'x'.repeat(2001) })
    expect(long.error?.code).toBe('validation')
  })
})

describe('verify: Ollama streaming', () => {
  it('streams NDJSON pieces in order with prompt_eval_count / eval_count', async () => {
    const w = await ollamaWorld()
    const { events, text } = await check(w.h, w.target, 'Hi')
    expect(events.map((e) => e.kind)).toEqual([
      'started',
      'firstToken',
      ...events.slice(2, -1).map(() => 'delta'),
      'done',
    ])
    expect(text).toBe('Hello from the local model.')
    expect(endOf(events)).toMatchObject({ kind: 'done', tokens: { input: 26, output: 5 } })
  })

  it('an error line mid-stream, a garbage line and a cut stream each fail with a code', async () => {
    const w = await ollamaWorld()
    w.server.chat.errorMessage = 'model runner has unexpectedly stopped'
    const a = await check(w.h, w.target)
    expect(endOf(a.events)).toMatchObject({
      kind: 'failed',
      error: { code: 'server_error', params: { reason: 'stream_error' } },
    })
    expect(JSON.stringify(endOf(a.events))).toContain('unexpectedly stopped')
    w.server.chat.errorMessage = null
    w.server.chat.garbage = true
    const b = await check(w.h, w.target)
    expect(endOf(b.events)).toMatchObject({
      kind: 'failed',
      error: { code: 'server_error', params: { reason: 'invalid_body' } },
    })
    w.server.chat.garbage = false
    w.server.chat.cutAfter = 2
    const c = await check(w.h, w.target)
    expect(endOf(c.events)).toMatchObject({ kind: 'failed', error: { code: 'network' } })
  })

  it('a model Ollama does not have is a 404 failure', async () => {
    const w = await ollamaWorld()
    w.server.models = w.server.models.filter((m) => m.name !== 'llama3.2:3b')
    const { events } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({ kind: 'failed' })
  })
})
