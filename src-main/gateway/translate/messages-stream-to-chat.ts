/**
 * Anthropic's Messages stream → OpenAI chat completion chunks, event by event (nothing waits
 * for the end of the reply). Anthropic events
 * (https://docs.anthropic.com/en/docs/build-with-claude/streaming): `message_start` (id, model,
 * input usage), `content_block_start`, `content_block_delta` (`text_delta`), `content_block_stop`,
 * `message_delta` (`stop_reason`, output usage), `message_stop`, `ping`, `error`. OpenAI chunks
 * (https://platform.openai.com/docs/api-reference/chat-streaming/streaming): `delta.role` first,
 * then `delta.content`, a chunk with `finish_reason`, the usage chunk (`choices: []`) when the
 * client asked with `stream_options.include_usage`, and `data: [DONE]`.
 */
import { FINISH_REASON, openAiUsage } from './chat-to-messages'
import { eventTranslator, sse, type StreamTranslator } from './sse'

type Json = Record<string, unknown>

export function messagesStreamToChat(opts: {
  created: number
  includeUsage: boolean
}): StreamTranslator {
  let id = 'msg'
  let model: unknown = null
  let usage: Json = {}
  let done = false
  const chunk = (delta: Json, finish: string | null = null) =>
    sse({
      id,
      object: 'chat.completion.chunk',
      created: opts.created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    })
  const finish = () => {
    if (done) return ''
    done = true
    const usageChunk = opts.includeUsage
      ? sse({
          id,
          object: 'chat.completion.chunk',
          created: opts.created,
          model,
          choices: [],
          usage: openAiUsage(usage),
        })
      : ''
    return `${usageChunk}data: [DONE]\n\n`
  }
  return eventTranslator(
    (e) => {
      let j: Json
      try {
        j = JSON.parse(e.data) as Json
      } catch {
        return ''
      }
      switch (j.type ?? e.event) {
        case 'message_start': {
          const m = (j.message ?? {}) as Json
          if (typeof m.id === 'string') id = m.id
          model = m.model ?? null
          usage = { ...((m.usage as Json | undefined) ?? {}) }
          return chunk({ role: 'assistant', content: '' })
        }
        case 'content_block_delta': {
          const d = (j.delta ?? {}) as Json
          return d.type === 'text_delta' && typeof d.text === 'string'
            ? chunk({ content: d.text })
            : ''
        }
        case 'message_delta': {
          const d = (j.delta ?? {}) as Json
          usage = { ...usage, ...((j.usage as Json | undefined) ?? {}) }
          return d.stop_reason ? chunk({}, FINISH_REASON[String(d.stop_reason)] ?? 'stop') : ''
        }
        case 'message_stop':
          return finish()
        case 'error': {
          // OpenAI streams report a failure as a data line with `error`, then end.
          const err = (j.error ?? {}) as Json
          done = true
          return sse({
            error: {
              message: typeof err.message === 'string' ? err.message : 'Upstream error.',
              type: typeof err.type === 'string' ? err.type : 'api_error',
              param: null,
              code: null,
            },
          })
        }
        default:
          return '' // ping, content_block_start/stop: nothing to say in OpenAI's shape
      }
    },
    () => '',
  )
}
