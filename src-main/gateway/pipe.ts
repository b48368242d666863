/**
 * Streams the chosen answer to the client as it arrives (each upstream chunk is written at once;
 * backpressure from a slow client pauses the upstream read). SSE bodies are watched for `usage`
 * lines; JSON bodies are kept aside (up to a cap) and read for `usage` at the end. When the
 * client speaks the other API shape, SSE events are translated one by one as they arrive and a
 * JSON answer (small, not streamed) is translated whole.
 */
import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import { AppError } from '../errors'
import type { Answer } from './answer'
import { createUsageChunkFilter } from './stream-usage'
import type { Translation } from './translate'
import { createSseUsageSniffer, usageOf, type TokenCount } from './usage'

/** How much of a JSON answer is kept aside to read its `usage` (it is streamed on regardless). */
const MAX_USAGE_SCAN = 8 * 1024 * 1024

export interface PipeOptions {
  tokens: TokenCount
  signal: AbortSignal
  /** Drop the usage-only chunk the gateway asked for (stream-usage.ts). */
  stripUsage: boolean
  translation: Translation | null
}

/** Sends `res` to `out`; false when the stream broke (headers are out: the connection is cut). */
export async function pipe(
  res: Answer,
  out: ServerResponse,
  headers: Record<string, string>,
  o: PipeOptions,
): Promise<boolean> {
  const type = (res.header('content-type') ?? '').toLowerCase()
  const sse = type.includes('text/event-stream')
  const json = !sse && type.includes('json')
  const sniff = sse ? createSseUsageSniffer(o.tokens) : null
  // What goes to the client instead of the raw bytes, if anything.
  const rewrite = !sse
    ? null
    : o.translation
      ? o.translation.stream()
      : o.stripUsage
        ? createUsageChunkFilter()
        : null
  // A translated JSON answer is sent whole once read.
  const whole = json && o.translation !== null
  const kept: Uint8Array[] = []
  let keptBytes = 0
  if (!whole) {
    out.writeHead(res.status, headers)
    if (sse) out.flushHeaders()
  }
  if (!res.body) {
    out.end()
    return true
  }
  try {
    for await (const value of res.body) {
      if (sniff) sniff(value)
      else if (json && keptBytes < MAX_USAGE_SCAN) {
        kept.push(value)
        keptBytes += value.length
      }
      if (whole) {
        if (keptBytes >= MAX_USAGE_SCAN) throw new AppError('internal', 'Answer too large.')
        continue
      }
      const piece = rewrite ? rewrite.push(value) : value
      if (piece.length && !out.write(piece)) {
        await Promise.race([once(out, 'drain'), once(out, 'close')])
        if (out.destroyed) throw new AppError('cancelled', 'The client went away.')
      }
    }
  } catch {
    // Leaving the loop by a throw has dropped the upstream body. Headers are out: the only honest signal left is cutting the connection.
    out.destroy()
    return false
  }
  if (o.signal.aborted) return false
  let parsed: unknown = undefined
  if (json && keptBytes < MAX_USAGE_SCAN) {
    try {
      parsed = JSON.parse(Buffer.concat(kept).toString('utf8'))
      usageOf(parsed, o.tokens)
    } catch {
      // not JSON after all: no token counts
    }
  }
  if (whole && parsed === undefined) {
    // Nothing to translate: say so in the client's error shape rather than invent an answer.
    const body = o.translation!.error(502, 'The provider answered with a body that is not JSON.')
    out.writeHead(502, { 'content-type': 'application/json' })
    out.end(body)
    return false
  }
  if (whole) {
    const body = JSON.stringify(o.translation!.response(parsed))
    out.writeHead(res.status, {
      ...headers,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    })
    out.end(body)
    return true
  }
  out.end(rewrite?.end() || undefined)
  return true
}
