/**
 * A streamed chat in OpenAI's shape (`POST {root}/chat/completions`, `stream: true`): OpenAI and
 * every OpenAI-shaped provider, LM Studio, and Azure deployments. URL and auth come from the
 * gateway's `upstreamOf` (the one place that turns a credential into a chat URL and headers,
 * itself built on the adapters' `apiRoot`), so a base-URL override, a DashScope region or an
 * Azure per-modality endpoint reach the same server here as there.
 *
 * Frames (platform.openai.com/docs/api-reference/chat-streaming): `data: {chat.completion.chunk}`
 * with `choices[0].delta.content`, a `finish_reason` on the last choice chunk, and with
 * `stream_options: {include_usage: true}` one more chunk with `choices: []` and `usage`
 * (sent only where the provider accepts the field, ../upstream/upstream-routes.ts), then
 * `data: [DONE]`. An `{"error": …}` chunk is a failure reported mid-stream, and so is an SSE
 * `event: error`, whatever its data holds (openai/openai-node src/core/streaming.ts,
 * Stream.fromSSEResponse: `if (sse.event === 'error') throw new APIError(…, data?.error ?? data)`
 * for every stream that is not an Assistants `thread.*` one, chat completions included). A choice that
 * finishes with `content_filter` ("content was omitted due to a flag from our content filters",
 * the chunk reference; on Azure the last chunk of a filtered generation,
 * learn.microsoft.com/azure/ai-services/openai/concepts/content-filter) is a failure too: the
 * reply stopped short of what the model wrote, and a check must not show it as a good answer.
 */
import { AppError } from '../../errors'
import { upstreamOf } from '../upstream/upstream'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import { isObject } from '../adapters/http'
import type { SseFrame } from './frames'
import { frameJson } from './run-chat-stream'
import { count, streamError } from './stream-error'
import type { ChatStreamPlan, ChatStreamRequest, FrameRead } from './types'

/** The plan of an OpenAI-shaped streamed chat. */
export async function openAiChatPlan(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  req: ChatStreamRequest,
): Promise<ChatStreamPlan> {
  const up = upstreamOf(cred, ctx.entry)
  const url = up?.url('/chat/completions', req.model, 'language')
  if (!up || !url || up.shape !== 'openai') {
    throw new AppError('not_configured', `${ctx.entry.displayName} has no chat endpoint set.`, {
      provider: ctx.entry.id,
    })
  }
  const signal = ctx.signal ?? new AbortController().signal
  const headers = await up.headers(ctx.fetch, signal)
  // OpenAI's reasoning models refuse `max_tokens`; Azure takes the new name from 2024-09-01.
  const newName =
    ctx.entry.id === 'openai' ||
    (ctx.entry.id === 'azure' && (cred.apiVersion?.trim() || '2024-10-21') >= '2024-09-01')
  const body = {
    model: up.bodyModel(req.model),
    messages: [{ role: 'user', content: req.prompt }],
    stream: true,
    [newName ? 'max_completion_tokens' : 'max_tokens']: req.maxTokens,
    ...(up.streamUsage ? { stream_options: { include_usage: true } } : {}),
  }
  const facts = { entry: ctx.entry, secrets: up.secrets, url }
  return {
    url,
    headers,
    body,
    framing: 'sse',
    secrets: up.secrets,
    rule: up.bodyRule,
    read: (frame) => readOpenAiFrame(frame as SseFrame, facts),
  }
}

/** Reads one OpenAI chat-completion chunk. */
export function readOpenAiFrame(
  frame: SseFrame,
  facts: { entry: AdapterContext['entry']; secrets: readonly string[]; url: string },
): FrameRead {
  if (frame.data.trim() === '[DONE]') return { done: true }
  if (frame.event === 'error')
    return { error: streamError(facts.entry, facts.secrets, saidIn(frame)) }
  const chunk = frameJson(frame.data, facts)
  if (chunk.error !== undefined)
    return { error: streamError(facts.entry, facts.secrets, chunk.error) }
  const out: FrameRead = {}
  const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined
  if (isObject(choice)) {
    const delta = isObject(choice.delta) ? choice.delta : {}
    if (typeof delta.content === 'string' && delta.content) out.text = delta.content
    if (choice.finish_reason === 'content_filter') {
      return { error: streamError(facts.entry, facts.secrets, filteredWords(choice)) }
    }
    if (typeof choice.finish_reason === 'string' && choice.finish_reason) out.finished = true
  }
  if (isObject(chunk.usage)) {
    out.usage = {
      input: count(chunk.usage.prompt_tokens),
      output: count(chunk.usage.completion_tokens),
    }
  }
  return out
}

/** The words of an `event: error`: its `error` when the data is JSON that has one, else all of it. */
function saidIn(frame: SseFrame): unknown {
  try {
    const data = JSON.parse(frame.data) as unknown
    return isObject(data) && data.error !== undefined ? data.error : data
  } catch {
    // Not JSON: the text itself is what the server said (openai-node would throw a SyntaxError
    // and lose it; a check is more useful with it).
    return frame.data
  }
}

/**
 * What a `content_filter` finish says: the categories Azure's `content_filter_results` marks
 * `filtered` with their severity (the annotation of the content-filter page), when it sends them.
 */
function filteredWords(choice: Record<string, unknown>): string {
  const results = isObject(choice.content_filter_results) ? choice.content_filter_results : {}
  const hits = Object.entries(results)
    .filter(([, r]) => isObject(r) && r.filtered === true)
    .map(([name, r]) => {
      const severity = (r as Record<string, unknown>).severity
      return typeof severity === 'string' ? `${name}: ${severity}` : name
    })
  return `the content filter stopped the reply${hits.length ? ` (${hits.join(', ')})` : ''}`
}
