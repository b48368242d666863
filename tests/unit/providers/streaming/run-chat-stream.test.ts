/**
 * Sending one streamed chat and reading it frame by frame (src-main/providers/streaming/
 * run-chat-stream.ts), with the guarded fetch replaced by a function answering a Response: the
 * request it sends, text pieces in order and the token counts, reading stopped at the last frame
 * that matters, and each way a stream fails as a code — a non-2xx through the adapters' table, a
 * 200 that is an HTML page, an answer that ends cleanly before the model finished, a frame over
 * its cap. The same reader against real fake servers is tests/integration/verify/.
 */
import { describe, expect, it } from 'vitest'
import type {
  AdapterContext,
  DecryptedCredential,
} from '../../../../src-main/providers/adapter-types'
import { getProvider } from '../../../../src-main/providers/catalog'
import { readAnthropicFrame } from '../../../../src-main/providers/streaming/anthropic-chat'
import { readOllamaLine } from '../../../../src-main/providers/streaming/ollama-chat'
import { frameJson, runChatStream } from '../../../../src-main/providers/streaming/run-chat-stream'

const KEY = 'sk-ant-UNIT-run-stream-0123456789abcdef'
const URL_ = 'https://api.test/v1/messages'
const cred: DecryptedCredential = { id: 'c', provider: 'anthropic', name: 'c', apiKey: KEY }
const entry = getProvider('anthropic')
const facts = { entry, secrets: [KEY], url: URL_ }

/** An SSE body of Anthropic events (docs.anthropic.com/en/docs/build-with-claude/streaming). */
const sse = (...events: unknown[]) =>
  events.map((e) => `event: x\ndata: ${JSON.stringify(e)}\n\n`).join('')
const START = { type: 'message_start', message: { usage: { input_tokens: 7, output_tokens: 1 } } }
const delta = (text: string) => ({
  type: 'content_block_delta',
  delta: { type: 'text_delta', text },
})
const END = {
  type: 'message_delta',
  delta: { stop_reason: 'end_turn' },
  usage: { output_tokens: 3 },
}
const STOP = { type: 'message_stop' }

function plan(framing: 'sse' | 'ndjson' = 'sse') {
  return {
    url: URL_,
    headers: { 'x-api-key': KEY },
    body: { model: 'claude-x', stream: true },
    framing,
    secrets: [KEY],
    read: (frame: unknown) =>
      framing === 'sse'
        ? readAnthropicFrame(frame as { event: string; data: string }, facts)
        : readOllamaLine(frame as string, { ...facts, entry: getProvider('ollama') }),
  } as const
}

/** A context whose fetch answers `body` with `init`, recording what was sent. */
function answering(body: string | null, init: ResponseInit = {}) {
  const sent: { url: string; init: Record<string, unknown> }[] = []
  const ctx: AdapterContext = {
    entry,
    fetch: (async (url: string | URL, i?: RequestInit) => {
      sent.push({ url: String(url), init: i as Record<string, unknown> })
      return new Response(body, {
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        ...init,
      })
    }) as AdapterContext['fetch'],
  }
  return { ctx, sent }
}

async function run(
  body: string | null,
  init: ResponseInit = {},
  framing: 'sse' | 'ndjson' = 'sse',
) {
  const { ctx } = answering(body, init)
  const pieces: string[] = []
  const result = await runChatStream(plan(framing), cred, ctx, (t) => pieces.push(t))
  return { pieces, result }
}

describe('runChatStream', () => {
  it('sends one streamed POST with the plan headers, the body and no own deadline', async () => {
    const { ctx, sent } = answering(sse(START, END, STOP))
    await runChatStream(plan(), cred, ctx, () => undefined)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.url).toBe(URL_)
    expect(sent[0]!.init).toMatchObject({
      method: 'POST',
      headers: {
        'x-api-key': KEY,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ model: 'claude-x', stream: true }),
      timeoutMs: 0,
      sendsSecret: true,
      allowInsecureHttp: false,
    })
  })

  it('hands each piece on in order and reports the counts', async () => {
    const { pieces, result } = await run(
      sse(START, delta('Hel'), { type: 'ping' }, delta('lo'), END, STOP),
    )
    expect(pieces).toEqual(['Hel', 'lo'])
    expect(result).toEqual({ tokens: { input: 7, output: 3 } })
  })

  it('stops reading at the last frame that matters', async () => {
    // Anything after message_stop, garbage included, is never read.
    const { pieces } = await run(`${sse(START, delta('a'), END, STOP)}data: {not json\n\n`)
    expect(pieces).toEqual(['a'])
  })

  it('reports no counts when the provider gave none', async () => {
    const lines = ['{"message":{"content":"hi"},"done":false}', '{"done":true}'].join('\n')
    const { result } = await run(
      `${lines}\n`,
      { headers: { 'content-type': 'application/x-ndjson' } },
      'ndjson',
    )
    expect(result.tokens).toEqual({ input: null, output: null })
    const bare = await run(sse(delta('x'), END, STOP))
    expect(bare.result.tokens).toEqual({ input: null, output: 3 })
  })

  it('is a broken connection when the answer ends before the model finished', async () => {
    await expect(run(sse(START, delta('half a sen')))).rejects.toMatchObject({
      code: 'network',
      params: { reason: 'reset' },
    })
  })

  it('maps a non-2xx through the adapters table, the key scrubbed from the body', async () => {
    // Anthropic's 401 body (docs.anthropic.com/en/api/errors).
    const body = JSON.stringify({
      type: 'error',
      error: { type: 'authentication_error', message: `invalid x-api-key ${KEY}` },
    })
    const err = await run(body, {
      status: 401,
      headers: { 'content-type': 'application/json' },
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'auth_invalid' })
    expect(JSON.stringify(err)).not.toContain(KEY)
    await expect(run('{}', { status: 429 })).rejects.toMatchObject({
      code: 'server_error',
      params: { status: 429, reason: 'rate_limited' },
    })
  })

  it('refuses a 200 that is an HTML page (a proxy login) or has no body', async () => {
    const html = run('<html>Sign in</html>', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    })
    await expect(html).rejects.toMatchObject({
      code: 'server_error',
      params: { reason: 'invalid_body' },
    })
    await expect(run(null)).rejects.toMatchObject({ params: { reason: 'invalid_body' } })
  })

  it('fails with a code on a frame over its cap or a garbage frame', async () => {
    const { ctx } = answering(sse(START, delta('x'.repeat(5000)), END, STOP))
    const over = runChatStream(plan(), cred, ctx, () => undefined, {
      maxFrameChars: 1000,
      maxTotalBytes: 1_000_000,
    })
    await expect(over).rejects.toMatchObject({
      code: 'server_error',
      params: { reason: 'invalid_body' },
      message: expect.stringContaining('larger than allowed') as unknown,
    })
    await expect(run('data: {"type": "content_blo\n\n')).rejects.toMatchObject({
      params: { reason: 'invalid_body' },
    })
  })
})

describe('frameJson', () => {
  it('reads a JSON object and refuses anything else as invalid_body', () => {
    expect(frameJson('{"a":1}', facts)).toEqual({ a: 1 })
    for (const text of ['[1]', 'null', '"s"', '{', '']) {
      expect(() => frameJson(text, facts)).toThrow(
        expect.objectContaining({ code: 'server_error' }),
      )
    }
  })
})
