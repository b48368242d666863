/**
 * Bounded, incremental frame parsers for streamed answers: Server-Sent Events (the WHATWG
 * "event stream" interpretation: CRLF, LF or CR line ends, `data:` lines joined with a newline,
 * `:` comments, `event:` names, one optional space after the colon, a blank line ends an event,
 * an unfinished event at the end of the stream is dropped) and newline-delimited JSON (one value
 * per line, blank lines skipped, a last line without its newline kept). Chunks may split a line,
 * a CRLF pair or a UTF-8 character anywhere: the parsers only ever see decoded text, and the
 * reader below decodes in streaming mode. A frame larger than `maxFrameChars`, or a body larger
 * than `maxTotalBytes`, fails with `server_error` / `invalid_body` instead of growing memory.
 */
import { AppError } from '../../errors'

/** One dispatched server-sent event. */
export interface SseFrame {
  /** The `event:` name; `message` when the event named none. */
  event: string
  data: string
}

/** Limits of one streamed answer. */
export interface FrameLimits {
  /** Characters in one frame (an SSE event's data, one NDJSON line). */
  maxFrameChars: number
  /** Bytes of the whole body. */
  maxTotalBytes: number
}

/** A provider's streamed chat is small; these bound a misbehaving server. */
export const DEFAULT_FRAME_LIMITS: FrameLimits = {
  maxFrameChars: 256 * 1024,
  maxTotalBytes: 4 * 1024 * 1024,
}

/** An incremental parser: text in, whole frames out. */
export interface FrameParser<F> {
  push(text: string): F[]
  /** The end of the stream: whatever a complete frame still holds. */
  end(): F[]
}

const tooLarge = (what: string) =>
  new AppError('server_error', `The streamed answer had ${what} larger than allowed.`, {
    reason: 'invalid_body',
  })

/**
 * Splits text into lines at CRLF, LF or CR, keeping an unfinished line (and a CR that may be
 * the first half of a CRLF split across chunks) for the next push.
 */
function lineSplitter(maxLine: number) {
  let partial = ''
  let lastWasCr = false
  return {
    push(text: string, onLine: (line: string) => void): void {
      let i = 0
      if (lastWasCr && text.length > 0) {
        lastWasCr = false
        if (text.charCodeAt(0) === 10) i = 1 // the LF of a CRLF split across chunks
      }
      let start = i
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i)
        if (c !== 10 && c !== 13) continue
        onLine(partial + text.slice(start, i))
        partial = ''
        if (c === 13) {
          if (i + 1 === text.length) lastWasCr = true
          else if (text.charCodeAt(i + 1) === 10) i++
        }
        start = i + 1
      }
      partial += text.slice(start)
      if (partial.length > maxLine) throw tooLarge('a line')
    },
    /** The unterminated last line, if any. */
    rest(): string {
      const r = partial
      partial = ''
      return r
    },
  }
}

/** A parser of `text/event-stream`. */
export function createSseParser(limits: Pick<FrameLimits, 'maxFrameChars'>): FrameParser<SseFrame> {
  const lines = lineSplitter(limits.maxFrameChars)
  let data: string[] | null = null
  let size = 0
  let event = ''
  const onLine = (out: SseFrame[]) => (line: string) => {
    if (line === '') {
      if (data !== null) out.push({ event: event || 'message', data: data.join('\n') })
      data = null
      size = 0
      event = ''
      return
    }
    if (line.startsWith(':')) return // a comment (keep-alive)
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') {
      size += value.length + 1
      if (size > limits.maxFrameChars) throw tooLarge('an event')
      ;(data ??= []).push(value)
    } else if (field === 'event') {
      event = value
    }
    // `id` and `retry` matter to a reconnecting EventSource, not to one answer.
  }
  return {
    push(text) {
      const out: SseFrame[] = []
      lines.push(text, onLine(out))
      return out
    },
    end() {
      // An event without its closing blank line is incomplete: dropped, as the spec says.
      lines.rest()
      data = null
      return []
    },
  }
}

/** A parser of newline-delimited JSON: one line of text per frame (parsed by the caller). */
export function createNdjsonParser(
  limits: Pick<FrameLimits, 'maxFrameChars'>,
): FrameParser<string> {
  const lines = lineSplitter(limits.maxFrameChars)
  const onLine = (out: string[]) => (line: string) => {
    if (line.trim() !== '') out.push(line)
  }
  return {
    push(text) {
      const out: string[] = []
      lines.push(text, onLine(out))
      return out
    },
    end() {
      const last = lines.rest()
      return last.trim() === '' ? [] : [last]
    },
  }
}

/**
 * Reads a body through a parser, yielding frames as they complete. Bytes are decoded as UTF-8
 * in streaming mode (a character split between chunks is joined); more than `maxTotalBytes`
 * cancels the body and fails.
 */
export async function* readFrames<F>(
  body: AsyncIterable<Uint8Array>,
  parser: FrameParser<F>,
  maxTotalBytes: number,
): AsyncGenerator<F> {
  const decoder = new TextDecoder('utf-8')
  let total = 0
  for await (const chunk of body) {
    total += chunk.byteLength
    if (total > maxTotalBytes) throw tooLarge('a body')
    yield* parser.push(decoder.decode(chunk, { stream: true }))
  }
  yield* parser.push(decoder.decode())
  yield* parser.end()
}
