/**
 * Usage in OpenAI-shaped streams (DESIGN §14: usage counts come from the upstream's `usage`).
 * A streamed chat completion carries no `usage` unless the request asks with
 * `stream_options: {include_usage: true}`; then one extra chunk with `choices: []` and the
 * `usage` comes before `data: [DONE]`
 * (https://platform.openai.com/docs/api-reference/chat/create#chat-create-stream_options,
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming). The gateway asks on
 * the client's behalf where the provider accepts the field (upstream-routes.ts) and takes that
 * extra chunk out again, so the client sees the stream it asked for.
 */

/** Whether a parsed chat request streams without asking for usage. */
export function streamsWithoutUsage(body: Record<string, unknown>): boolean {
  if (body.stream !== true) return false
  const opts = body.stream_options
  return !(opts && typeof opts === 'object' && (opts as Record<string, unknown>).include_usage)
}

/** The request body with `stream_options.include_usage` set (other stream options kept). */
export function withUsageOption(body: Record<string, unknown>): Record<string, unknown> {
  const opts =
    body.stream_options && typeof body.stream_options === 'object' ? body.stream_options : {}
  return { ...body, stream_options: { ...opts, include_usage: true } }
}

const BOUNDARY = /\r?\n\r?\n/g

/** True for the usage-only chunk the gateway asked for: `data: {…"choices":[],"usage":{…}}`. */
function isUsageOnlyEvent(event: string): boolean {
  if (!event.includes('"usage"')) return false
  for (const line of event.split(/\r?\n/)) {
    if (!line.startsWith('data:')) continue
    try {
      const j = JSON.parse(line.slice(5)) as { choices?: unknown; usage?: unknown }
      return Array.isArray(j.choices) && j.choices.length === 0 && !!j.usage
    } catch {
      return false
    }
  }
  return false
}

/**
 * A filter over the SSE bytes going to the client: complete events pass at once (nothing is
 * held but an event still arriving, which no SSE client could use yet), the usage-only event
 * is dropped. Returns the text to write now ('' when nothing).
 */
export function createUsageChunkFilter(): { push(chunk: Uint8Array): string; end(): string } {
  const decoder = new TextDecoder()
  let pending = ''
  return {
    push(chunk) {
      pending += decoder.decode(chunk, { stream: true })
      let out = ''
      let start = 0
      BOUNDARY.lastIndex = 0
      for (let m = BOUNDARY.exec(pending); m; m = BOUNDARY.exec(pending)) {
        const end = m.index + m[0].length
        const event = pending.slice(start, end)
        if (!isUsageOnlyEvent(event)) out += event
        start = end
      }
      pending = pending.slice(start)
      return out
    },
    end() {
      const rest = pending + decoder.decode()
      pending = ''
      return isUsageOnlyEvent(rest) ? '' : rest
    },
  }
}
