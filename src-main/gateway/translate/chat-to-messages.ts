/**
 * A client speaking OpenAI chat completions to a model Anthropic serves. Request: OpenAI's
 * `messages` (system/developer turns become Anthropic's top-level `system`), `max_tokens` /
 * `max_completion_tokens` → `max_tokens` (required by Anthropic), `stop` → `stop_sequences`,
 * `temperature` (OpenAI 0–2, Anthropic 0–1, so clamped), `top_p`, `stream`. Answer: Anthropic's
 * message → OpenAI's chat completion, stop reasons and usage mapped. Text content only; tools
 * and images are refused with a clear message rather than dropped.
 *
 * Shapes: https://platform.openai.com/docs/api-reference/chat/create and
 * https://platform.openai.com/docs/api-reference/chat/object;
 * https://docs.anthropic.com/en/api/messages; Anthropic's own OpenAI mapping (stop reasons,
 * system hoisting, temperature cap) in https://docs.anthropic.com/en/api/openai-sdk.
 */
import type { Translated } from './types'

/** Anthropic requires max_tokens; used when an OpenAI client sends none. */
export const DEFAULT_MAX_TOKENS = 4096

/** Anthropic `stop_reason` → OpenAI `finish_reason`. */
export const FINISH_REASON: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v)

/** The text of an OpenAI message's content (a string or text parts); null when not only text. */
export function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content
  if (content === null || content === undefined) return ''
  if (!Array.isArray(content)) return null
  let text = ''
  for (const part of content) {
    if (!isObj(part) || part.type !== 'text' || typeof part.text !== 'string') return null
    text += part.text
  }
  return text
}

/** OpenAI chat request → Anthropic Messages request (model filled in later). */
export function chatToMessagesRequest(body: Json): Translated<Json> {
  if (body.tools !== undefined || body.functions !== undefined)
    return { ok: false, message: 'Tools are not translated between API shapes yet.' }
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return { ok: false, message: 'The "messages" field must be a non-empty array.' }
  const system: string[] = []
  const messages: Json[] = []
  for (const m of body.messages as unknown[]) {
    if (!isObj(m)) return { ok: false, message: 'Each message must be an object.' }
    const text = textOf(m.content)
    if (text === null)
      return { ok: false, message: 'Only text content is translated between API shapes yet.' }
    if (m.role === 'system' || m.role === 'developer') system.push(text)
    else if (m.role === 'user' || m.role === 'assistant')
      messages.push({ role: m.role, content: text })
    else return { ok: false, message: `Messages with role "${String(m.role)}" are not translated.` }
  }
  const out: Json = {
    model: body.model,
    messages,
    max_tokens: num(body.max_completion_tokens) ?? num(body.max_tokens) ?? DEFAULT_MAX_TOKENS,
  }
  if (system.length) out.system = system.join('\n\n')
  const temperature = num(body.temperature)
  if (temperature !== null) out.temperature = Math.min(1, temperature)
  if (num(body.top_p) !== null) out.top_p = body.top_p
  if (typeof body.stop === 'string') out.stop_sequences = [body.stop]
  else if (Array.isArray(body.stop)) out.stop_sequences = body.stop
  if (body.stream === true) out.stream = true
  if (typeof body.user === 'string') out.metadata = { user_id: body.user }
  return { ok: true, value: out }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** Anthropic usage → OpenAI usage (cache reads and writes are input tokens too). */
export function openAiUsage(u: unknown): Json {
  const o = isObj(u) ? u : {}
  const n = (v: unknown) => num(v) ?? 0
  const prompt = n(o.input_tokens) + n(o.cache_creation_input_tokens) + n(o.cache_read_input_tokens)
  const completion = n(o.output_tokens)
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion }
}

/** Anthropic message → OpenAI chat completion. */
export function messageToChatCompletion(msg: unknown, created: number): Json {
  const m = isObj(msg) ? msg : {}
  const text = Array.isArray(m.content)
    ? m.content
        .filter((b): b is Json => isObj(b) && b.type === 'text' && typeof b.text === 'string')
        .map((b) => b.text as string)
        .join('')
    : ''
  return {
    id: typeof m.id === 'string' ? m.id : 'msg',
    object: 'chat.completion',
    created,
    model: m.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text },
        finish_reason: FINISH_REASON[String(m.stop_reason)] ?? 'stop',
      },
    ],
    usage: openAiUsage(m.usage),
  }
}

/** An Anthropic error body `{type:'error', error:{type, message}}` → OpenAI's error shape. */
export function anthropicErrorToOpenAi(text: string): string {
  try {
    const j = JSON.parse(text) as Json
    const e = isObj(j.error) ? j.error : {}
    return JSON.stringify({
      error: {
        message: typeof e.message === 'string' ? e.message : text.slice(0, 200),
        type: typeof e.type === 'string' ? e.type : 'api_error',
        param: null,
        code: null,
      },
    })
  } catch {
    return JSON.stringify({
      error: { message: text.slice(0, 200), type: 'api_error', param: null, code: null },
    })
  }
}
