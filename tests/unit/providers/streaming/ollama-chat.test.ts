/**
 * The streamed Ollama chat (src-main/providers/streaming/ollama-chat.ts): the `/api/chat`
 * request it plans (github.com/ollama/ollama docs/api.md, "Generate a chat completion": the key
 * as a Bearer token only when there is one, the credential's `num_ctx`), and each NDJSON line
 * read into text, the final counts and the end; an `{"error": …}` line is a coded failure.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AdapterContext } from '../../../../src-main/providers/adapter-types'
import { getProvider } from '../../../../src-main/providers/catalog'
import {
  ollamaChatPlan,
  readOllamaLine,
} from '../../../../src-main/providers/streaming/ollama-chat'
import { expectReadsAnything } from './hostile-frames'

const KEY = 'ollama-UNIT-0123456789abcdefghijklmnop'
const facts = { entry: getProvider('ollama'), secrets: [KEY], url: 'http://h:11434/api/chat' }
const read = (data: unknown) => readOllamaLine(JSON.stringify(data), facts)
const noFetch = (() => {
  throw new Error('planning a stream sends nothing')
}) as unknown as AdapterContext['fetch']
const ctx = { entry: getProvider('ollama'), fetch: noFetch }
const req = { model: 'llama3.2', prompt: 'Say hi', maxTokens: 8 }

describe('ollamaChatPlan', () => {
  it('posts an NDJSON chat to {root}/api/chat, with no auth header without a key', async () => {
    const plan = await ollamaChatPlan(
      { id: 'c', provider: 'ollama', name: 'c', baseUrl: 'http://127.0.0.1:11434' },
      ctx,
      req,
    )
    expect(plan).toMatchObject({
      url: 'http://127.0.0.1:11434/api/chat',
      framing: 'ndjson',
      headers: {},
      secrets: [],
      body: {
        model: 'llama3.2',
        messages: [{ role: 'user', content: 'Say hi' }],
        stream: true,
        options: { num_predict: 8 },
      },
    })
  })

  it('sends the key as a Bearer token and the credential num_ctx when set', async () => {
    const plan = await ollamaChatPlan(
      {
        id: 'c',
        provider: 'ollama',
        name: 'c',
        baseUrl: 'https://ollama.example',
        apiKey: KEY,
        numCtx: 8192,
      },
      ctx,
      req,
    )
    expect(plan.headers).toEqual({ authorization: `Bearer ${KEY}` })
    expect(plan.secrets).toEqual([KEY])
    expect(plan.body).toMatchObject({ options: { num_predict: 8, num_ctx: 8192 } })
  })
})

describe('readOllamaLine', () => {
  it('reads pieces, then the final line with its counts', () => {
    expect(
      read({ model: 'llama3.2', message: { role: 'assistant', content: 'Hi' }, done: false }),
    ).toEqual({
      text: 'Hi',
    })
    expect(
      read({
        model: 'llama3.2',
        message: { role: 'assistant', content: '' },
        done: true,
        done_reason: 'stop',
        prompt_eval_count: 26,
        eval_count: 290,
      }),
    ).toEqual({ done: true, usage: { input: 26, output: 290 } })
  })

  it('reads `done` only when it is true, and nonsense counts as none', () => {
    expect(read({ message: { content: 'x' }, done: 'true' })).toEqual({ text: 'x' })
    expect(read({ done: true, prompt_eval_count: -3, eval_count: 'many' })).toEqual({
      done: true,
      usage: { input: undefined, output: undefined },
    })
  })

  it('reads an error line as a coded failure, the key scrubbed', () => {
    const r = read({ error: `model requires more system memory (${KEY})` })
    expect(r.error).toMatchObject({
      code: 'server_error',
      params: { provider: 'ollama', reason: 'stream_error' },
    })
    expect(r.error!.message).toContain('model requires more system memory')
    expect(r.error!.message).not.toContain(KEY)
  })

  it('reads any line without a throw; a line that is not an object is invalid_body', () => {
    const near = fc.record(
      {
        message: fc.oneof(fc.jsonValue(), fc.record({ content: fc.jsonValue() })),
        done: fc.oneof(fc.boolean(), fc.jsonValue()),
        prompt_eval_count: fc.jsonValue(),
        eval_count: fc.oneof(fc.double(), fc.jsonValue()),
        error: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    expectReadsAnything((text) => readOllamaLine(text, facts), near)
  })
})
