/**
 * A client speaking Anthropic's Messages API (an Anthropic SDK) to a model an OpenAI-shaped
 * provider serves. Request: `system` (a string or text blocks) becomes the first `system`
 * message, text content blocks join, `max_tokens` → `max_tokens`, `stop_sequences` → `stop`,
 * `temperature`, `top_p`, `stream`, `metadata.user_id` → `user`. Answer: OpenAI's chat
 * completion → Anthropic's message with stop reason and usage mapped. Text only; tool use and
 * images are refused with a clear message rather than dropped.
 *
 * Shapes: https://docs.anthropic.com/en/api/messages (request and response),
 * https://docs.anthropic.com/en/api/errors; https://platform.openai.com/docs/api-reference/chat.
 */
import type { Translated } from './types'

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** OpenAI `finish_reason` → Anthropic `stop_reason`. */
export const STOP_REASON: Record<string, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  content_filter: 'refusal',
}

/** Text of Anthropic content (a string or text blocks); null when it holds anything else. */
function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return null
  let text = ''
  for (const b of content) {
    if (!isObj(b) || b.type !== 'text' || typeof b.text !== 'string') return null
    text += b.text
  }
  return text
}

/** Anthropic Messages request → OpenAI chat request (model filled in later). */
export function messagesToChatRequest(body: Json): Translated<Json> {
  if (body.tools !== undefined)
    return { ok: false, message: 'Tools are not translated between API shapes yet.' }
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return { ok: false, message: 'The "messages" field must be a non-empty array.' }
  const messages: Json[] = []
  if (body.system !== undefined) {
    const system = textOf(body.system)
    if (system === null) return { ok: false, message: 'The system prompt must be text.' }
    messages.push({ role: 'system', content: system })
  }
  for (const m of body.messages as unknown[]) {
    if (!isObj(m) || (m.role !== 'user' && m.role !== 'assistant'))
      return { ok: false, message: 'Each message needs the role "user" or "assistant".' }
    const text = textOf(m.content)
    if (text === null)
      return { ok: false, message: 'Only text content is translated between API shapes yet.' }
    messages.push({ role: m.role, content: text })
  }
  const out: Json = { model: body.model, messages }
  if (num(body.max_tokens) !== null) out.max_tokens = body.max_tokens
  if (num(body.temperature) !== null) out.temperature = body.temperature
  if (num(body.top_p) !== null) out.top_p = body.top_p
  if (Array.isArray(body.stop_sequences) && body.stop_sequences.length)
    out.stop = body.stop_sequences
  if (body.stream === true) out.stream = true
  const user = isObj(body.metadata) ? body.metadata.user_id : undefined
  if (typeof user === 'string') out.user = user
  return { ok: true, value: out }
}

/** OpenAI usage → Anthropic usage. */
export function anthropicUsage(u: unknown): { input_tokens: number; output_tokens: number } {
  const o = isObj(u) ? u : {}
  return { input_tokens: num(o.prompt_tokens) ?? 0, output_tokens: num(o.completion_tokens) ?? 0 }
}

/** OpenAI chat completion → Anthropic message. */
export function chatCompletionToMessage(completion: unknown): Json {
  const c = isObj(completion) ? completion : {}
  const choice = Array.isArray(c.choices) && isObj(c.choices[0]) ? c.choices[0] : {}
  const message = isObj(choice.message) ? choice.message : {}
  const text = typeof message.content === 'string' ? message.content : ''
  return {
    id: typeof c.id === 'string' ? `msg_${c.id}` : 'msg',
    type: 'message',
    role: 'assistant',
    model: c.model,
    content: text ? [{ type: 'text', text }] : [],
    stop_reason: STOP_REASON[String(choice.finish_reason)] ?? 'end_turn',
    stop_sequence: null,
    usage: anthropicUsage(c.usage),
  }
}

/** OpenAI error type → Anthropic error type (https://docs.anthropic.com/en/api/errors). */
const ERROR_TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
}

/** An OpenAI error body `{error:{message,type,…}}` → Anthropic's `{type:'error', error}`. */
export function openAiErrorToAnthropic(status: number, text: string): string {
  let message = text.slice(0, 200)
  try {
    const j = JSON.parse(text) as Json
    const e = isObj(j.error) ? j.error : Array.isArray(j) && isObj(j[0]) ? (j[0] as Json).error : j
    if (isObj(e) && typeof e.message === 'string') message = e.message
  } catch {
    // not JSON: the text itself is the message
  }
  return JSON.stringify({
    type: 'error',
    error: { type: ERROR_TYPE_BY_STATUS[status] ?? 'api_error', message },
  })
}
