/**
 * Sends one streamed chat request through the guarded fetch and reads its answer frame by
 * frame: a non-2xx status becomes the adapters' coded error (the same table as every other call,
 * with the provider's body rule), each text piece goes to `onText` as it arrives, and an answer
 * that stops before the provider said it was complete is a broken connection, not a short reply.
 */
import { AppError } from '../../errors'
import { readText } from '../../net/read-body'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import { bodyReadError, displayUrl } from '../adapters/http'
import { invalidBody, responseError } from '../adapters/outcome'
import {
  createNdjsonParser,
  createSseParser,
  DEFAULT_FRAME_LIMITS,
  readFrames,
  type FrameLimits,
  type FrameParser,
  type SseFrame,
} from './frames'
import type { ChatStreamPlan, StreamTokens } from './types'

/** What a finished stream reported. */
export interface ChatStreamResult {
  tokens: StreamTokens | null
}

/** Runs a plan; resolves when the provider ended the answer, throws AppError otherwise. */
export async function runChatStream(
  plan: ChatStreamPlan,
  cred: DecryptedCredential,
  ctx: AdapterContext,
  onText: (text: string) => void,
  limits: FrameLimits = DEFAULT_FRAME_LIMITS,
): Promise<ChatStreamResult> {
  const url = displayUrl(plan.url)
  const facts = { entry: ctx.entry, secrets: plan.secrets, url }
  const res = await ctx.fetch(plan.url, {
    method: 'POST',
    headers: {
      ...plan.headers,
      'content-type': 'application/json',
      accept: plan.framing === 'sse' ? 'text/event-stream' : 'application/x-ndjson',
    },
    body: JSON.stringify(plan.body),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    // The run's own signal carries its deadline: a stream may take longer than one call.
    timeoutMs: 0,
    sendsSecret: true,
    allowInsecureHttp: cred.allowInsecureHttp ?? false,
  })
  if (res.status < 200 || res.status >= 300) {
    let body = ''
    try {
      body = await readText(res)
    } catch (err) {
      throw bodyReadError(err, ctx)
    }
    throw responseError({ ...facts, status: res.status, body }, plan.rule)
  }
  // A login page or a JSON error with a 200 is not a stream of this family.
  const type = res.headers.get('content-type') ?? ''
  if (/text\/html/i.test(type) || !res.body) throw invalidBody(facts)
  const parser: FrameParser<SseFrame | string> =
    plan.framing === 'sse' ? createSseParser(limits) : createNdjsonParser(limits)
  const tokens: StreamTokens = { input: null, output: null }
  let sawUsage = false
  let finished = false
  try {
    for await (const frame of readFrames(
      res.body as unknown as AsyncIterable<Uint8Array>,
      parser,
      limits.maxTotalBytes,
    )) {
      const read = plan.read(frame)
      if (read.error) throw read.error
      if (read.text) onText(read.text)
      if (read.usage) {
        sawUsage = true
        if (read.usage.input !== undefined) tokens.input = read.usage.input
        if (read.usage.output !== undefined) tokens.output = read.usage.output
      }
      if (read.finished || read.done) finished = true
      if (read.done) break
    }
  } catch (err) {
    throw bodyReadError(err, ctx)
  }
  if (!finished) {
    throw new AppError('network', 'The answer stopped before the model finished.', {
      provider: ctx.entry.id,
      reason: 'reset',
    })
  }
  return { tokens: sawUsage ? tokens : null }
}

/** Parses one frame's JSON; anything else is the family's garbage (`invalid_body`). */
export function frameJson(
  text: string,
  facts: Parameters<typeof invalidBody>[0],
): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      return v as Record<string, unknown>
  } catch {
    // fall through
  }
  throw invalidBody(facts)
}
