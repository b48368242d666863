/**
 * A streamed Gemini chat, `:streamGenerateContent?alt=sse` (ai.google.dev/api/generate-content
 * #method:-models.streamgeneratecontent): Google AI Studio with the key in `x-goog-api-key` (as
 * the adapter sends it, never `?key=`), and Vertex AI on the adapter's own route
 * (`…/publishers/google/models/{model}:streamGenerateContent`) with the service account's token.
 *
 * Each SSE event's data is a whole GenerateContentResponse: text in
 * `candidates[0].content.parts[].text` (parts with `thought: true` are the model's thinking, not
 * the reply), `finishReason` on the last candidate, `usageMetadata.promptTokenCount` /
 * `candidatesTokenCount` (on the last event, or on a usage-only event after it). There is no
 * `[DONE]`: the stream ends. `promptFeedback.blockReason` (a refused prompt) and an `{"error": …}`
 * event are failures.
 */
import { AppError } from '../../errors'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import { googleBodyRule, modelPath } from '../adapters/google'
import { isObject } from '../adapters/http'
import { headersWith, resolveRoot } from '../adapters/api-request'
import { isOutcome } from '../adapters/model-test'
import { modelUrl, vertexAccessToken, vertexSetup } from '../adapters/vertex'
import type { SseFrame } from './frames'
import { frameJson } from './run-chat-stream'
import { count, streamError } from './stream-error'
import type { ChatStreamPlan, ChatStreamRequest, FrameRead } from './types'

const bodyOf = (req: ChatStreamRequest) => ({
  contents: [{ role: 'user', parts: [{ text: req.prompt }] }],
  generationConfig: { maxOutputTokens: req.maxTokens },
})

/** The plan of a streamed Gemini chat on Google AI Studio. */
export async function googleChatPlan(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  req: ChatStreamRequest,
): Promise<ChatStreamPlan> {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string')
    throw new AppError(
      root.code === 'auth_invalid' ? 'auth_invalid' : 'not_configured',
      root.message,
    )
  if (!cred.apiKey)
    throw new AppError('not_configured', `${ctx.entry.displayName}: no API key is set.`)
  const url = `${root}/${modelPath(req.model)}:streamGenerateContent?alt=sse`
  const secrets = [cred.apiKey]
  return plan(url, headersWith({ 'x-goog-api-key': cred.apiKey }), secrets, ctx, req)
}

/** The plan of a streamed Gemini chat on Vertex AI (token exchanged first). */
export async function vertexChatPlan(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  req: ChatStreamRequest,
): Promise<ChatStreamPlan> {
  const s = vertexSetup(cred, ctx)
  if (isOutcome(s))
    throw new AppError(s.code === 'auth_invalid' ? 'auth_invalid' : 'not_configured', s.message)
  const token = await vertexAccessToken(cred, ctx, s)
  const url = `${modelUrl(s, req.model, 'streamGenerateContent')}?alt=sse`
  return plan(url, headersWith({ authorization: `Bearer ${token}` }), s.secrets, ctx, req)
}

function plan(
  url: string,
  headers: Record<string, string>,
  secrets: readonly string[],
  ctx: AdapterContext,
  req: ChatStreamRequest,
): ChatStreamPlan {
  const facts = { entry: ctx.entry, secrets, url }
  return {
    url,
    headers,
    body: bodyOf(req),
    framing: 'sse',
    secrets,
    rule: googleBodyRule,
    read: (frame) => readGeminiFrame(frame as SseFrame, facts),
  }
}

/** Reads one streamed GenerateContentResponse. */
export function readGeminiFrame(
  frame: SseFrame,
  facts: { entry: AdapterContext['entry']; secrets: readonly string[]; url: string },
): FrameRead {
  const r = frameJson(frame.data, facts)
  if (r.error !== undefined) return { error: streamError(facts.entry, facts.secrets, r.error) }
  const blocked = isObject(r.promptFeedback) ? r.promptFeedback.blockReason : undefined
  if (typeof blocked === 'string' && blocked) {
    return { error: streamError(facts.entry, facts.secrets, `prompt blocked (${blocked})`) }
  }
  const out: FrameRead = {}
  const cand = Array.isArray(r.candidates) ? r.candidates[0] : undefined
  if (isObject(cand)) {
    const parts =
      isObject(cand.content) && Array.isArray(cand.content.parts) ? cand.content.parts : []
    const text = parts
      .filter((p): p is Record<string, unknown> => isObject(p) && p.thought !== true)
      .map((p) => (typeof p.text === 'string' ? p.text : ''))
      .join('')
    if (text) out.text = text
    if (typeof cand.finishReason === 'string' && cand.finishReason) out.finished = true
  }
  if (isObject(r.usageMetadata)) {
    out.usage = {
      input: count(r.usageMetadata.promptTokenCount),
      output: count(r.usageMetadata.candidatesTokenCount),
    }
  }
  return out
}
