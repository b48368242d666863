/**
 * A streamed Cohere chat, `POST {root}/v2/chat` with `stream: true` (docs.cohere.com/reference/
 * chat-stream; the events of docs.cohere.com/docs/streaming): SSE events whose data carries a
 * `type` — `message-start`, `content-start`, `content-delta` (`delta.message.content.text`),
 * `content-end`, `message-end` (`delta.finish_reason`, `delta.usage.tokens` and
 * `delta.usage.billed_units` with `input_tokens` / `output_tokens`); tool and citation events
 * are ignored. A generation that failed after the 200 ends with that same `message-end`, carrying
 * `delta.error` (a message) and `finish_reason` `ERROR` or `TIMEOUT` (cohere-openapi.yaml
 * ChatMessageEndEvent and ChatFinishReason in cohere-ai/cohere-developer-experience; the SDKs'
 * ChatMessageEndEventDelta): a failure, never a finished reply. The root carries no version segment (Cohere versions per endpoint, as the adapter
 * resolves it); the key goes as a Bearer token.
 */
import { AppError } from '../../errors'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import { isObject } from '../adapters/http'
import { resolveRoot } from '../adapters/api-request'
import type { SseFrame } from './frames'
import { frameJson } from './run-chat-stream'
import { count, streamError } from './stream-error'
import type { ChatStreamPlan, ChatStreamRequest, FrameRead } from './types'

/** The plan of a streamed Cohere v2 chat. */
export async function cohereChatPlan(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  req: ChatStreamRequest,
): Promise<ChatStreamPlan> {
  const root = resolveRoot(cred, ctx.entry, { stripVersion: true })
  if (typeof root !== 'string') throw new AppError('not_configured', root.message)
  if (!cred.apiKey)
    throw new AppError('not_configured', `${ctx.entry.displayName}: no API key is set.`)
  const url = `${root}/v2/chat`
  const secrets = [cred.apiKey]
  const facts = { entry: ctx.entry, secrets, url }
  return {
    url,
    headers: { authorization: `Bearer ${cred.apiKey}` },
    body: {
      model: req.model,
      messages: [{ role: 'user', content: req.prompt }],
      stream: true,
      max_tokens: req.maxTokens,
    },
    framing: 'sse',
    secrets,
    read: (frame) => readCohereFrame(frame as SseFrame, facts),
  }
}

/** Reads one Cohere v2 chat stream event. */
export function readCohereFrame(
  frame: SseFrame,
  facts: { entry: AdapterContext['entry']; secrets: readonly string[]; url: string },
): FrameRead {
  const ev = frameJson(frame.data, facts)
  const type = typeof ev.type === 'string' ? ev.type : frame.event
  const delta = isObject(ev.delta) ? ev.delta : {}
  if (type === 'content-delta') {
    const msg = isObject(delta.message) ? delta.message : {}
    const content = isObject(msg.content) ? msg.content : {}
    return typeof content.text === 'string' && content.text ? { text: content.text } : {}
  }
  if (type === 'message-end') {
    const failed = messageEndFailure(delta)
    if (failed !== null) return { error: streamError(facts.entry, facts.secrets, failed) }
    const usage = isObject(delta.usage) ? delta.usage : {}
    const tokens = isObject(usage.tokens)
      ? usage.tokens
      : isObject(usage.billed_units)
        ? usage.billed_units
        : null
    return {
      done: true,
      ...(tokens
        ? { usage: { input: count(tokens.input_tokens), output: count(tokens.output_tokens) } }
        : {}),
    }
  }
  if (type === 'error' || ev.error !== undefined) {
    return { error: streamError(facts.entry, facts.secrets, ev.error ?? ev.message ?? ev) }
  }
  return {}
}

// The finish reasons Cohere documents as a failed generation (ChatFinishReason: "error: the
// generation failed due to an internal error", "timeout: … exceeded the allowed time limit").
const FAILED_FINISH = new Set(['ERROR', 'TIMEOUT'])

/** The provider's words when a `message-end` reports a failed generation, else null. */
function messageEndFailure(delta: Record<string, unknown>): string | null {
  if (typeof delta.error === 'string' && delta.error.trim()) return delta.error
  const reason = delta.finish_reason
  return typeof reason === 'string' && FAILED_FINISH.has(reason) ? `finish_reason ${reason}` : null
}
