/**
 * A streamed Ollama chat, `POST {root}/api/chat` with `stream: true` (github.com/ollama/ollama
 * docs/api.md, "Generate a chat completion"): newline-delimited JSON, each line a piece of
 * `message.content` with `done: false`; the last line has `done: true`, `done_reason`,
 * `prompt_eval_count` (input tokens) and `eval_count` (output tokens). A line `{"error": "…"}` is
 * a failure mid-stream (the server's own error shape, as in /api/pull). The key, when the
 * credential has one (Ollama behind a proxy, Ollama's cloud), goes as a Bearer token, as the
 * adapter sends it; `num_ctx` is the credential's, as in the adapter's model test.
 */
import { AppError } from '../../errors'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import { isObject } from '../adapters/http'
import { resolveRoot } from '../adapters/api-request'
import { frameJson } from './run-chat-stream'
import { count, streamError } from './stream-error'
import type { ChatStreamPlan, ChatStreamRequest, FrameRead } from './types'

/** The plan of a streamed Ollama chat. */
export async function ollamaChatPlan(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  req: ChatStreamRequest,
): Promise<ChatStreamPlan> {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') throw new AppError('not_configured', root.message)
  const url = `${root}/api/chat`
  const secrets = cred.apiKey ? [cred.apiKey] : []
  const facts = { entry: ctx.entry, secrets, url }
  return {
    url,
    headers: cred.apiKey ? { authorization: `Bearer ${cred.apiKey}` } : {},
    body: {
      model: req.model,
      messages: [{ role: 'user', content: req.prompt }],
      stream: true,
      options: { num_predict: req.maxTokens, ...(cred.numCtx ? { num_ctx: cred.numCtx } : {}) },
    },
    framing: 'ndjson',
    secrets,
    read: (line) => readOllamaLine(line as string, facts),
  }
}

/** Reads one NDJSON line of a streamed /api/chat. */
export function readOllamaLine(
  line: string,
  facts: { entry: AdapterContext['entry']; secrets: readonly string[]; url: string },
): FrameRead {
  const o = frameJson(line, facts)
  if (o.error !== undefined) return { error: streamError(facts.entry, facts.secrets, o.error) }
  const out: FrameRead = {}
  const msg = isObject(o.message) ? o.message : {}
  if (typeof msg.content === 'string' && msg.content) out.text = msg.content
  if (o.done === true) {
    out.done = true
    out.usage = { input: count(o.prompt_eval_count), output: count(o.eval_count) }
  }
  return out
}
