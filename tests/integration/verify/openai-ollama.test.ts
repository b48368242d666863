/**
 * The verification check through the real IPC handlers (issue 16) against the OpenAI and Ollama
 * fakes, with the checks every streaming provider gets (./shared-checks.ts: the pieces in order
 * after `firstToken`, `done` with the tokens reported; an echoed key redacted in several
 * encodings; a refused key, a 429, a garbage frame and a cut stream; the provider's error event
 * mid-stream) and OpenAI's own: cancel, a new start, 403/500, an HTML page, a refused connection.
 * The channels' handler is src-main/ipc/handlers/verify (start with its optional prompt, cancel;
 * its takeOpenRequest is driven by ./open-request.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { resources } from '../../../src-shared/i18n/resources'
import { startOpenAiServer } from '../../fixtures/openai-server'
import { OLLAMA_STREAM_ERROR, startFakeOllama } from '../../fixtures/ollama-server'
import { closedPortUrl, jsonBody } from '../../fixtures/recording-server'
import { ENCODINGS } from '../../fixtures/secret-encodings'
import { check, cleanWorlds, track, endOf, until, waitForEnd, worldOn } from './helpers'
import {
  expectErrorEvent,
  expectEchoRedacted,
  expectFailures,
  expectStreamed,
} from './shared-checks'

const KEY = 'sk-proj-VERIFYKEY0123456789abcdefXYZ'
// Ollama takes a key when it sits behind an authenticating proxy or is ollama.com itself.
const OLLAMA_KEY = 'ollama-VERIFYkey0123456789abcdefghij'
afterEach(cleanWorlds)

async function openAiWorld(flavor: 'openai' | 'mistral' = 'openai') {
  const server = await startOpenAiServer({ key: KEY, flavor })
  track(server)
  const provider = flavor === 'openai' ? 'openai' : 'mistral'
  return worldOn(
    server,
    { provider, name: 'Fake', baseUrl: server.url, apiKey: KEY },
    { name: 'gpt-4o-mini', type: 'language' },
  )
}

async function ollamaWorld(apiKey?: string) {
  const server = await startFakeOllama(apiKey ? { apiKey } : {})
  track(server)
  return worldOn(
    server,
    { provider: 'ollama', name: 'Local', baseUrl: server.url, ...(apiKey ? { apiKey } : {}) },
    { name: 'llama3.2:3b', type: 'language' },
  )
}

const ECHOES = ['raw', 'base64', 'hex', 'basicAuth'] as const

describe('verify: OpenAI streaming', () => {
  it('streams the pieces in order, first token before them, usage from the last chunk', async () => {
    const w = await openAiWorld()
    const run = await check(w.h, w.target, 'Say hello')
    expectStreamed(run, { input: 12, output: 5 })
    expect(run.events[0]).toEqual({
      kind: 'started',
      providerId: 'openai',
      credentialName: 'Fake',
      modelId: 'gpt-4o-mini',
      modelType: 'language',
    })
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

  it('a refused key, a 429, a garbage frame and a cut stream each end with their code', async () => {
    await expectFailures(await openAiWorld(), { unauthorized: 'auth_invalid' })
  })

  it('an HTML page with a 200 is invalid_body', async () => {
    const w = await openAiWorld()
    w.server.mode = 'garbage'
    const { events } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({
      kind: 'failed',
      error: { code: 'server_error', params: { reason: 'invalid_body' } },
    })
  })

  it('an error chunk mid-stream ends the run with OpenAI’s words', async () => {
    await expectErrorEvent(await openAiWorld(), 'The server had an error')
  })

  it.each(ECHOES)('an echoed key (%s), split across two pieces, is redacted', async (enc) => {
    const w = await openAiWorld()
    await expectEchoRedacted(w, KEY, ENCODINGS[enc]!)
    // Not even the half of the key that one piece carried.
    const everything = JSON.stringify(w.h.events) + w.h.outputs.join('')
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
    expectStreamed(await check(w.h, w.target, 'Hi'), { input: 26, output: 5 })
    expect(w.server.hits.at(-1)).toBe('POST /api/chat')
  })

  it('an error line mid-stream ends the run with Ollama’s words', async () => {
    await expectErrorEvent(await ollamaWorld(), OLLAMA_STREAM_ERROR)
  })

  it('a refused key, a garbage line and a cut stream each end with their code', async () => {
    // A local server has no rate limit to hit.
    await expectFailures(await ollamaWorld(OLLAMA_KEY), {
      unauthorized: 'auth_invalid',
      rateLimit: false,
    })
  })

  it.each(ECHOES)('an echoed key (%s) is redacted', async (enc) => {
    await expectEchoRedacted(await ollamaWorld(OLLAMA_KEY), OLLAMA_KEY, ENCODINGS[enc]!)
  })

  it('a model Ollama does not have is a 404 failure', async () => {
    const w = await ollamaWorld()
    w.server.models = w.server.models.filter((m) => m.name !== 'llama3.2:3b')
    const { events } = await check(w.h, w.target)
    expect(endOf(events)).toMatchObject({ kind: 'failed' })
  })
})
