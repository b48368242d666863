/**
 * OpenAI ⇄ Anthropic translation (src-main/gateway/translate/), from the payloads the two APIs
 * document: Anthropic's Messages response and streaming example
 * (https://docs.anthropic.com/en/api/messages, https://docs.anthropic.com/en/docs/build-with-claude/streaming)
 * and OpenAI's chat completion and chunk examples
 * (https://platform.openai.com/docs/api-reference/chat/object,
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming). fast-check cuts the
 * streams anywhere and round-trips requests and streams through both directions.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chatStreamToMessages } from '../../../src-main/gateway/translate/chat-stream-to-messages'
import {
  anthropicErrorToOpenAi,
  chatToMessagesRequest,
  messageToChatCompletion,
} from '../../../src-main/gateway/translate/chat-to-messages'
import { messagesStreamToChat } from '../../../src-main/gateway/translate/messages-stream-to-chat'
import {
  chatCompletionToMessage,
  messagesToChatRequest,
  openAiErrorToAnthropic,
} from '../../../src-main/gateway/translate/messages-to-chat'
import { createSseParser, type StreamTranslator } from '../../../src-main/gateway/translate/sse'

// Anthropic's streaming example ("Basic streaming request"), verbatim apart from whitespace.
const ANTHROPIC_STREAM = [
  'event: message_start\ndata: {"type": "message_start", "message": {"id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "type": "message", "role": "assistant", "content": [], "model": "claude-opus-4-20250514", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}\n\n',
  'event: content_block_start\ndata: {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}\n\n',
  'event: ping\ndata: {"type": "ping"}\n\n',
  'event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}}\n\n',
  'event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "!"}}\n\n',
  'event: content_block_stop\ndata: {"type": "content_block_stop", "index": 0}\n\n',
  'event: message_delta\ndata: {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence":null}, "usage": {"output_tokens": 15}}\n\n',
  'event: message_stop\ndata: {"type": "message_stop"}\n\n',
].join('')

// OpenAI's streaming example (chat-streaming reference), plus the include_usage chunk.
const OPENAI_STREAM = [
  'data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}\n\n',
  'data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}\n\n',
  'data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}\n\n',
  'data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}}\n\n',
  'data: [DONE]\n\n',
].join('')

/** Runs a translator over a text cut at the given byte offsets. */
function run(t: StreamTranslator, text: string, cuts: number[] = []): string {
  const bytes = Buffer.from(text)
  const at = [0, ...[...cuts].sort((a, b) => a - b), bytes.length]
  let out = ''
  for (let i = 1; i < at.length; i++) out += t.push(bytes.subarray(at[i - 1], at[i]))
  return out + t.end()
}

/** The `data:` JSON of each event of an SSE text ([DONE] as the string). */
function events(text: string): { event: string | null; data: unknown }[] {
  const out: { event: string | null; data: unknown }[] = []
  const p = createSseParser((e) =>
    out.push({ event: e.event, data: e.data === '[DONE]' ? '[DONE]' : JSON.parse(e.data) }),
  )
  p.push(Buffer.from(text))
  p.end()
  return out
}

const cutsOf = (text: string) =>
  fc.uniqueArray(fc.integer({ min: 1, max: Buffer.byteLength(text) - 1 }), { maxLength: 12 })

describe('OpenAI client → Anthropic provider', () => {
  it('hoists system and developer turns, defaults max_tokens, clamps temperature, maps stop', () => {
    const t = chatToMessagesRequest({
      model: 'claude-x',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'No emoji.' }] },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: [{ type: 'text', text: 'Again' }] },
      ],
      temperature: 1.6,
      stop: 'END',
      stream: true,
    })
    expect(t).toEqual({
      ok: true,
      value: {
        model: 'claude-x',
        system: 'Be brief.\n\nNo emoji.',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello' },
          { role: 'user', content: 'Again' },
        ],
        max_tokens: 4096,
        temperature: 1,
        stop_sequences: ['END'],
        stream: true,
      },
    })
  })

  it('refuses tools and images with a message instead of dropping them', () => {
    expect(
      chatToMessagesRequest({ messages: [{ role: 'user', content: 'x' }], tools: [] }),
    ).toEqual({ ok: false, message: expect.stringContaining('Tools') })
    const image = [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } }]
    expect(chatToMessagesRequest({ messages: [{ role: 'user', content: image }] }).ok).toBe(false)
  })

  it("turns Anthropic's documented message into a chat completion", () => {
    const msg = {
      content: [{ text: 'Hi! My name is Claude.', type: 'text' }],
      id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
      model: 'claude-3-7-sonnet-20250219',
      role: 'assistant',
      stop_reason: 'max_tokens',
      stop_sequence: null,
      type: 'message',
      usage: { input_tokens: 2095, output_tokens: 503, cache_read_input_tokens: 5 },
    }
    expect(messageToChatCompletion(msg, 1700000000)).toEqual({
      id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
      object: 'chat.completion',
      created: 1700000000,
      model: 'claude-3-7-sonnet-20250219',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hi! My name is Claude.' },
          finish_reason: 'length',
        },
      ],
      usage: { prompt_tokens: 2100, completion_tokens: 503, total_tokens: 2603 },
    })
  })

  it("turns Anthropic's documented stream into OpenAI chunks, however it is cut", () => {
    const expected = run(messagesStreamToChat({ created: 1, includeUsage: true }), ANTHROPIC_STREAM)
    const ev = events(expected)
    expect(ev.map((e) => e.data)).toEqual([
      expect.objectContaining({
        choices: [expect.objectContaining({ delta: { role: 'assistant', content: '' } })],
      }),
      expect.objectContaining({
        choices: [expect.objectContaining({ delta: { content: 'Hello' } })],
      }),
      expect.objectContaining({ choices: [expect.objectContaining({ delta: { content: '!' } })] }),
      expect.objectContaining({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
      expect.objectContaining({
        choices: [],
        usage: { prompt_tokens: 25, completion_tokens: 15, total_tokens: 40 },
      }),
      '[DONE]',
    ])
    expect((ev[0]!.data as { id: string }).id).toBe('msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY')
    fc.assert(
      fc.property(cutsOf(ANTHROPIC_STREAM), (cuts) => {
        const t = messagesStreamToChat({ created: 1, includeUsage: true })
        expect(run(t, ANTHROPIC_STREAM, cuts)).toBe(expected)
      }),
    )
  })

  it('sends each event as soon as it is complete (nothing waits for the end)', () => {
    const t = messagesStreamToChat({ created: 1, includeUsage: false })
    const [start, , , hello] = ANTHROPIC_STREAM.split(/(?<=\n\n)/)
    expect(t.push(Buffer.from(start!))).toContain('"role":"assistant"')
    expect(t.push(Buffer.from(hello!))).toContain('"content":"Hello"')
  })

  it('gives no usage chunk unless the client asked, and passes an error event on', () => {
    const out = run(messagesStreamToChat({ created: 1, includeUsage: false }), ANTHROPIC_STREAM)
    expect(out).not.toContain('"usage"')
    const err =
      'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n'
    const e = events(run(messagesStreamToChat({ created: 1, includeUsage: false }), err))
    expect(e[0]!.data).toEqual({
      error: { message: 'Overloaded', type: 'overloaded_error', param: null, code: null },
    })
  })

  it("puts Anthropic's error body in OpenAI's error shape", () => {
    const body =
      '{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}'
    expect(JSON.parse(anthropicErrorToOpenAi(body))).toEqual({
      error: {
        message: 'max_tokens: Field required',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    })
  })
})

describe('Anthropic client → OpenAI provider', () => {
  it('puts the system prompt first and maps max_tokens, stop_sequences and metadata', () => {
    expect(
      messagesToChatRequest({
        model: 'gpt-4o-mini',
        system: [{ type: 'text', text: 'Be brief.' }],
        max_tokens: 100,
        stop_sequences: ['END'],
        metadata: { user_id: 'u1' },
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      }),
    ).toEqual({
      ok: true,
      value: {
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        max_tokens: 100,
        stop: ['END'],
        user: 'u1',
      },
    })
  })

  it("turns OpenAI's documented completion into an Anthropic message", () => {
    const completion = {
      id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
      object: 'chat.completion',
      created: 1741569952,
      model: 'gpt-4.1-2025-04-14',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Hello! How can I assist you today?',
            refusal: null,
            annotations: [],
          },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 19, completion_tokens: 10, total_tokens: 29 },
      service_tier: 'default',
    }
    expect(chatCompletionToMessage(completion)).toEqual({
      id: 'msg_chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
      type: 'message',
      role: 'assistant',
      model: 'gpt-4.1-2025-04-14',
      content: [{ type: 'text', text: 'Hello! How can I assist you today?' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 19, output_tokens: 10 },
    })
  })

  it("turns OpenAI's documented stream into Anthropic events, however it is cut", () => {
    const expected = run(chatStreamToMessages(), OPENAI_STREAM)
    const ev = events(expected)
    expect(ev.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    expect(ev[2]!.data).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: 'Hello' },
    })
    expect(ev[4]!.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { input_tokens: 9, output_tokens: 1 },
    })
    fc.assert(
      fc.property(cutsOf(OPENAI_STREAM), (cuts) => {
        expect(run(chatStreamToMessages(), OPENAI_STREAM, cuts)).toBe(expected)
      }),
    )
  })

  it("puts OpenAI's error body (and Google's list-wrapped one) in Anthropic's shape", () => {
    const body = '{"error":{"message":"Invalid model","type":"invalid_request_error","code":null}}'
    expect(JSON.parse(openAiErrorToAnthropic(400, body))).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'Invalid model' },
    })
    expect(JSON.parse(openAiErrorToAnthropic(429, '[{"error":{"message":"Quota"}}]'))).toEqual({
      type: 'error',
      error: { type: 'rate_limit_error', message: 'Quota' },
    })
  })
})

describe('round trips', () => {
  const text = fc.string({ maxLength: 40 })
  const turns = fc.array(fc.record({ role: fc.constantFrom('user', 'assistant'), content: text }), {
    minLength: 1,
    maxLength: 6,
  })

  it('an Anthropic request survives Anthropic → OpenAI → Anthropic', () => {
    fc.assert(
      fc.property(
        turns,
        fc.option(text, { nil: undefined }),
        fc.integer({ min: 1, max: 8192 }),
        fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
        (messages, system, max_tokens, stop_sequences) => {
          const original = {
            model: 'm',
            messages,
            max_tokens,
            stop_sequences,
            ...(system !== undefined ? { system } : {}),
          }
          const openai = messagesToChatRequest(original)
          if (!openai.ok) throw new Error(openai.message)
          const back = chatToMessagesRequest(openai.value)
          if (!back.ok) throw new Error(back.message)
          expect(back.value).toEqual(original)
        },
      ),
    )
  })

  it('any text streamed OpenAI → Anthropic → OpenAI arrives whole with its stop reason', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 8 }),
        fc.constantFrom('stop', 'length'),
        (pieces, finish) => {
          const chunk = (choices: unknown[], extra = {}) =>
            `data: ${JSON.stringify({ id: 'c', model: 'm', choices, ...extra })}\n\n`
          const openai =
            chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]) +
            pieces
              .map((p) => chunk([{ index: 0, delta: { content: p }, finish_reason: null }]))
              .join('') +
            chunk([{ index: 0, delta: {}, finish_reason: finish }]) +
            chunk([], { usage: { prompt_tokens: 3, completion_tokens: pieces.length } }) +
            'data: [DONE]\n\n'
          const anthropic = run(chatStreamToMessages(), openai)
          const back = events(
            run(messagesStreamToChat({ created: 1, includeUsage: true }), anthropic),
          ).map(
            (e) =>
              e.data as {
                choices?: { delta: { content?: string }; finish_reason: string | null }[]
                usage?: unknown
              },
          )
          const content = back.flatMap((c) => c.choices ?? []).map((c) => c.delta.content ?? '')
          expect(content.join('')).toBe(pieces.join(''))
          expect(back.flatMap((c) => c.choices ?? []).at(-1)!.finish_reason).toBe(finish)
          expect(back.find((c) => c.usage)!.usage).toEqual({
            prompt_tokens: 3,
            completion_tokens: pieces.length,
            total_tokens: 3 + pieces.length,
          })
        },
      ),
    )
  })
})
