/**
 * Translation between the two API shapes the gateway speaks (DESIGN §14): an OpenAI client on
 * `/v1/chat/completions` to an Anthropic-served model, and an Anthropic client on `/v1/messages`
 * to an OpenAI-shaped one. Requests are translated whole (they are small); answers are
 * translated whole when JSON and event by event when streamed; upstream error bodies are put in
 * the client's error shape.
 */
import {
  anthropicErrorToOpenAi,
  chatToMessagesRequest,
  messageToChatCompletion,
} from './chat-to-messages'
import { chatStreamToMessages } from './chat-stream-to-messages'
import {
  chatCompletionToMessage,
  messagesToChatRequest,
  openAiErrorToAnthropic,
} from './messages-to-chat'
import { messagesStreamToChat } from './messages-stream-to-chat'
import type { StreamTranslator } from './sse'
import type { Translated } from './types'

type Json = Record<string, unknown>

export interface Translation {
  /** The provider's route path. */
  path: string
  /** The provider-shaped request body for its model name (askUsage: add include_usage). */
  request(model: string, askUsage: boolean): string
  /** A whole JSON answer in the client's shape. */
  response(body: unknown): unknown
  /** A fresh stream translator for one streamed answer. */
  stream(): StreamTranslator
  /** An upstream error body (already scrubbed) in the client's shape. */
  error(status: number, text: string): string
  /** True when the provider is asked to stream (so usage should be asked for). */
  streams: boolean
}

/** The translation for a client route to a provider shape, or why the request cannot be. */
export function translationFor(
  clientPath: '/chat/completions' | '/messages',
  body: Json,
  now: () => number,
): Translated<Translation> {
  const streams = body.stream === true
  const created = () => Math.floor(now() / 1000)
  if (clientPath === '/chat/completions') {
    const t = chatToMessagesRequest(body)
    if (!t.ok) return t
    const opts = body.stream_options as { include_usage?: unknown } | undefined
    return {
      ok: true,
      value: {
        path: '/messages',
        streams,
        request: (model) => JSON.stringify({ ...t.value, model }),
        response: (b) => messageToChatCompletion(b, created()),
        stream: () =>
          messagesStreamToChat({ created: created(), includeUsage: Boolean(opts?.include_usage) }),
        error: (_status, text) => anthropicErrorToOpenAi(text),
      },
    }
  }
  const t = messagesToChatRequest(body)
  if (!t.ok) return t
  return {
    ok: true,
    value: {
      path: '/chat/completions',
      streams,
      request: (model, askUsage) =>
        JSON.stringify({
          ...t.value,
          model,
          ...(askUsage && streams ? { stream_options: { include_usage: true } } : {}),
        }),
      response: (b) => chatCompletionToMessage(b),
      stream: () => chatStreamToMessages(),
      error: (status, text) => openAiErrorToAnthropic(status, text),
    },
  }
}
