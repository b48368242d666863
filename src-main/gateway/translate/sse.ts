/**
 * Server-sent events in and out, incrementally: bytes are decoded as they come (a UTF-8
 * character may be cut between chunks), each complete event is handed on at once, and only an
 * event still arriving is held. Format: https://html.spec.whatwg.org/multipage/server-sent-events.html
 * (an event is `event:` / `data:` lines ended by a blank line; several data lines join with \n).
 */

export interface SseEvent {
  event: string | null
  data: string
}

export function createSseParser(onEvent: (e: SseEvent) => void): {
  push(chunk: Uint8Array): void
  end(): void
} {
  const decoder = new TextDecoder()
  let buf = ''
  let event: string | null = null
  let data: string[] = []
  const line = (l: string) => {
    if (l === '') {
      if (data.length) onEvent({ event, data: data.join('\n') })
      event = null
      data = []
      return
    }
    if (l.startsWith(':')) return // a comment (keep-alive)
    const colon = l.indexOf(':')
    const field = colon === -1 ? l : l.slice(0, colon)
    let value = colon === -1 ? '' : l.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }
  const drain = () => {
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n')) {
      line(buf.slice(0, nl).replace(/\r$/, ''))
      buf = buf.slice(nl + 1)
    }
  }
  return {
    push(chunk) {
      buf += decoder.decode(chunk, { stream: true })
      drain()
    },
    end() {
      buf += decoder.decode()
      drain()
      if (buf) line(buf)
      buf = ''
      line('')
    },
  }
}

/** One SSE event as text: `event: …` (when named) and `data: <json>`, then a blank line. */
export function sse(data: unknown, event?: string): string {
  const body = typeof data === 'string' ? data : JSON.stringify(data)
  return `${event ? `event: ${event}\n` : ''}data: ${body}\n\n`
}

/** A stream translator: SSE bytes in the provider's shape in, text in the client's shape out. */
export interface StreamTranslator {
  push(chunk: Uint8Array): string
  end(): string
}

/** Builds a StreamTranslator from a per-event function that returns the text to send. */
export function eventTranslator(
  onEvent: (e: SseEvent) => string,
  onEnd: () => string,
): StreamTranslator {
  let out = ''
  const parser = createSseParser((e) => {
    out += onEvent(e)
  })
  return {
    push(chunk) {
      parser.push(chunk)
      const text = out
      out = ''
      return text
    },
    end() {
      parser.end()
      const text = out + onEnd()
      out = ''
      return text
    },
  }
}
