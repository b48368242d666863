/**
 * A streamed Anthropic Messages chat (`POST {root}/messages`, `stream: true`), for Anthropic and
 * Anthropic-compatible servers; URL and auth from the gateway's `upstreamOf` (the adapter's
 * `anthropicAuth`: `x-api-key` + `anthropic-version`).
 *
 * Events (docs.anthropic.com/en/docs/build-with-claude/streaming): `message_start` (the message,
 * with `usage.input_tokens`), `content_block_start`, `content_block_delta` (`delta.type:
 * text_delta`, `delta.text`), `content_block_stop`, `message_delta` (`delta.stop_reason`, and
 * cumulative `usage.output_tokens`), `message_stop`; `ping` at any time; `error`
 * (`{type:"error", error:{type:"overloaded_error", message}}`) is a failure mid-stream.
 */
import { AppError } from '../../errors'
import { upstreamOf } from '../upstream/upstream'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import { isObject } from '../adapters/http'
import type { SseFrame } from './frames'
import { frameJson } from './run-chat-stream'
import { count, streamError } from './stream-error'
import type { ChatStreamPlan, ChatStreamRequest, FrameRead } from './types'

/** The plan of a streamed Anthropic Messages chat. */
export async function anthropicChatPlan(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  req: ChatStreamRequest,
): Promise<ChatStreamPlan> {
  const up = upstreamOf(cred, ctx.entry)
  const url = up?.url('/messages', req.model, 'language')
  if (!up || !url || up.shape !== 'anthropic') {
    throw new AppError('not_configured', `${ctx.entry.displayName} has no base URL set.`, {
      provider: ctx.entry.id,
    })
  }
  const headers = await up.headers(ctx.fetch, ctx.signal ?? new AbortController().signal)
  const facts = { entry: ctx.entry, secrets: up.secrets, url }
  return {
    url,
    headers,
    body: {
      model: req.model,
      max_tokens: req.maxTokens,
      messages: [{ role: 'user', content: req.prompt }],
      stream: true,
    },
    framing: 'sse',
    secrets: up.secrets,
    rule: up.bodyRule,
    read: (frame) => readAnthropicFrame(frame as SseFrame, facts),
  }
}

/** Reads one Messages stream event (by the `type` in its data; the `event:` name matches it). */
export function readAnthropicFrame(
  frame: SseFrame,
  facts: { entry: AdapterContext['entry']; secrets: readonly string[]; url: string },
): FrameRead {
  const ev = frameJson(frame.data, facts)
  const type = typeof ev.type === 'string' ? ev.type : frame.event
  switch (type) {
    case 'message_start': {
      const usage = isObject(ev.message) && isObject(ev.message.usage) ? ev.message.usage : null
      return usage
        ? { usage: { input: count(usage.input_tokens), output: count(usage.output_tokens) } }
        : {}
    }
    case 'content_block_delta': {
      const d = isObject(ev.delta) ? ev.delta : {}
      return d.type === 'text_delta' && typeof d.text === 'string' && d.text ? { text: d.text } : {}
    }
    case 'message_delta': {
      const out: FrameRead = {}
      if (isObject(ev.usage)) {
        out.usage = {
          output: count(ev.usage.output_tokens),
          ...(count(ev.usage.input_tokens) !== undefined
            ? { input: count(ev.usage.input_tokens) }
            : {}),
        }
      }
      if (isObject(ev.delta) && typeof ev.delta.stop_reason === 'string') out.finished = true
      return out
    }
    case 'message_stop':
      return { done: true }
    case 'error':
      return { error: streamError(facts.entry, facts.secrets, ev.error ?? ev) }
    default:
      return {} // ping, content_block_start / stop, and event types added later
  }
}
