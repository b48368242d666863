/**
 * The streamed Anthropic Messages chat (src-main/providers/streaming/anthropic-chat.ts): the
 * request it plans, and each event of the documented stream
 * (docs.anthropic.com/en/docs/build-with-claude/streaming) read into text, usage, the finish
 * and the end; an `error` event mid-stream is a coded failure with the key scrubbed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AdapterContext } from '../../../../src-main/providers/adapter-types'
import { getProvider } from '../../../../src-main/providers/catalog'
import {
  anthropicChatPlan,
  readAnthropicFrame,
} from '../../../../src-main/providers/streaming/anthropic-chat'
import { expectReadsAnything } from './hostile-frames'

const KEY = 'sk-ant-UNIT-0123456789abcdefghijklmnop'
const facts = { entry: getProvider('anthropic'), secrets: [KEY], url: 'https://x/v1/messages' }
const read = (data: unknown, event = 'message') =>
  readAnthropicFrame({ event, data: JSON.stringify(data) }, facts)
const noFetch = (() => {
  throw new Error('planning a stream sends nothing')
}) as unknown as AdapterContext['fetch']

describe('anthropicChatPlan', () => {
  it('posts a streamed message to {root}/messages with the key in x-api-key', async () => {
    const plan = await anthropicChatPlan(
      { id: 'c', provider: 'anthropic', name: 'c', apiKey: KEY, baseUrl: 'https://gw.test/v1' },
      { entry: getProvider('anthropic'), fetch: noFetch },
      { model: 'claude-x', prompt: 'Say hi', maxTokens: 16 },
    )
    expect(plan).toMatchObject({
      url: 'https://gw.test/v1/messages',
      framing: 'sse',
      secrets: [KEY],
      body: {
        model: 'claude-x',
        max_tokens: 16,
        messages: [{ role: 'user', content: 'Say hi' }],
        stream: true,
      },
    })
    expect(plan.headers['x-api-key']).toBe(KEY)
    expect(plan.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('readAnthropicFrame', () => {
  it('reads the documented stream of one short reply', () => {
    // The example stream of the streaming guide, trimmed to the fields that matter.
    expect(
      read({ type: 'message_start', message: { usage: { input_tokens: 25, output_tokens: 1 } } }),
    ).toEqual({ usage: { input: 25, output: 1 } })
    expect(
      read({ type: 'content_block_start', index: 0, content_block: { type: 'text' } }),
    ).toEqual({})
    expect(read({ type: 'ping' })).toEqual({})
    expect(
      read({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } }),
    ).toEqual({ text: 'Hello' })
    expect(read({ type: 'content_block_stop', index: 0 })).toEqual({})
    expect(
      read({
        type: 'message_delta',
        delta: { stop_reason: 'end_turn' },
        usage: { output_tokens: 15 },
      }),
    ).toEqual({ usage: { output: 15 }, finished: true })
    expect(read({ type: 'message_stop' })).toEqual({ done: true })
  })

  it('ignores thinking and tool-input deltas, and empty text', () => {
    expect(
      read({ type: 'content_block_delta', delta: { type: 'thinking_delta', thinking: 'hm' } }),
    ).toEqual({})
    expect(
      read({ type: 'content_block_delta', delta: { type: 'input_json_delta', partial_json: '{' } }),
    ).toEqual({})
    expect(read({ type: 'content_block_delta', delta: { type: 'text_delta', text: '' } })).toEqual(
      {},
    )
  })

  it('keeps an input count a message_delta repeats, and drops negative counts', () => {
    expect(read({ type: 'message_delta', usage: { input_tokens: 30, output_tokens: 4 } })).toEqual({
      usage: { output: 4, input: 30 },
    })
    expect(read({ type: 'message_delta', usage: { output_tokens: -1 } })).toEqual({
      usage: { output: undefined },
    })
  })

  it('takes the event name when the data carries no type', () => {
    expect(read({ delta: { type: 'text_delta', text: 'x' } }, 'content_block_delta')).toEqual({
      text: 'x',
    })
  })

  it('reads an error event as a coded failure in the provider words, the key scrubbed', () => {
    const r = read({
      type: 'error',
      error: { type: 'overloaded_error', message: `Overloaded (key ${KEY})` },
    })
    expect(r.error).toMatchObject({
      code: 'server_error',
      params: { provider: 'anthropic', reason: 'stream_error' },
    })
    expect(r.error!.message).toContain('Overloaded')
    expect(r.error!.message).not.toContain(KEY)
  })

  it('reads any event without a throw; non-object data is invalid_body', () => {
    const near = fc.record(
      {
        type: fc.constantFrom('message_start', 'content_block_delta', 'message_delta', 'error'),
        message: fc.jsonValue(),
        delta: fc.oneof(fc.jsonValue(), fc.record({ type: fc.jsonValue(), text: fc.jsonValue() })),
        usage: fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.constantFrom('input_tokens', 'output_tokens'), fc.jsonValue()),
        ),
        error: fc.jsonValue(),
      },
      { requiredKeys: ['type'] },
    )
    expectReadsAnything((text) => readAnthropicFrame({ event: 'message', data: text }, facts), near)
  })
})
