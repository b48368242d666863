/**
 * OpenAI chat completion chunks → Anthropic's Messages stream, chunk by chunk. The first chunk
 * opens the message (`message_start`, then a text `content_block_start`); each `delta.content`
 * is a `content_block_delta`; the end (`data: [DONE]`) closes the block and sends
 * `message_delta` with the stop reason and output usage, then `message_stop`. Usage comes from
 * OpenAI's usage chunk (the gateway asks for it where the provider accepts
 * `stream_options.include_usage`). Event shapes:
 * https://docs.anthropic.com/en/docs/build-with-claude/streaming;
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming.
 */
import { anthropicUsage, STOP_REASON } from './messages-to-chat'
import { eventTranslator, sse, type StreamTranslator } from './sse'

type Json = Record<string, unknown>

export function chatStreamToMessages(): StreamTranslator {
  let started = false
  let closed = false
  let stop = 'end_turn'
  let usage = { input_tokens: 0, output_tokens: 0 }
  const start = (c: Json) => {
    if (started) return ''
    started = true
    return (
      sse(
        {
          type: 'message_start',
          message: {
            id: typeof c.id === 'string' ? `msg_${c.id}` : 'msg',
            type: 'message',
            role: 'assistant',
            model: c.model ?? null,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 0, output_tokens: 0 },
          },
        },
        'message_start',
      ) +
      sse(
        { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
        'content_block_start',
      )
    )
  }
  const close = () => {
    if (closed || !started) return ''
    closed = true
    return (
      sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop') +
      sse(
        {
          type: 'message_delta',
          delta: { stop_reason: stop, stop_sequence: null },
          usage,
        },
        'message_delta',
      ) +
      sse({ type: 'message_stop' }, 'message_stop')
    )
  }
  return eventTranslator(
    (e) => {
      if (e.data.trim() === '[DONE]') return close()
      let c: Json
      try {
        c = JSON.parse(e.data) as Json
      } catch {
        return ''
      }
      if (c.error) {
        closed = true
        const err = c.error as Json
        return sse(
          {
            type: 'error',
            error: {
              type: 'api_error',
              message: typeof err.message === 'string' ? err.message : 'Upstream error.',
            },
          },
          'error',
        )
      }
      let out = start(c)
      if (c.usage) usage = anthropicUsage(c.usage)
      const choice = Array.isArray(c.choices) ? (c.choices[0] as Json | undefined) : undefined
      const delta = (choice?.delta ?? {}) as Json
      if (typeof delta.content === 'string' && delta.content) {
        out += sse(
          {
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'text_delta', text: delta.content },
          },
          'content_block_delta',
        )
      }
      if (choice?.finish_reason) stop = STOP_REASON[String(choice.finish_reason)] ?? 'end_turn'
      return out
    },
    () => '',
  )
}
