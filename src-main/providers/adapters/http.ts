/**
 * The small HTTP layer the bespoke adapters share: one call through the guarded fetch that always
 * carries the context's abort signal and marks the request as secret-bearing, and JSON parsing
 * that fails as `server_error`/`invalid_body` instead of throwing SyntaxError. What a request is
 * made of (API root, headers, JSON body) is api-request.ts; a connection test's call is probe.ts.
 */
import { AppError } from '../../errors'
import { readText } from '../../net/read-body'
import { limitsFromHeaders, type Limits } from '../limits'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  TestOutcome,
} from '../adapter-types'
import type { CatalogEntry } from '../catalog-types'
import type { BodyRule } from './failure-code'
import { invalidBody, responseError, type FailureFacts } from './outcome'

/** Audio clips of a model test are small; anything larger is not what we asked for. */
const MAX_AUDIO_BYTES = 20 * 1024 * 1024

export interface CallSpec {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string | Uint8Array | FormData
  /** Only for slow calls (model tests); otherwise the guarded fetch's default (10 s) applies. */
  timeoutMs?: number
  /** Read the body as bytes (audio) when the answer is 2xx. */
  binary?: boolean
}

export interface Answer {
  status: number
  /** The body as text (empty for a 2xx binary read). */
  text: string
  bytes?: Uint8Array
  contentType: string
  /** The URL called, without its query string (safe to show). */
  url: string
  /** Rate-limit headers of the answer (x-ratelimit-*, anthropic-ratelimit-*, retry-after). */
  limits: Limits | null
}

/** The URL without query or fragment, for messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.origin}${u.pathname}`
  } catch {
    return ''
  }
}

/** Sends one request through the guarded fetch and reads its body. Throws AppError only. */
export async function call(
  ctx: AdapterContext,
  cred: DecryptedCredential,
  spec: CallSpec,
): Promise<Answer> {
  const res = await ctx.fetch(spec.url, {
    method: spec.method ?? 'GET',
    headers: spec.headers,
    body: spec.body as RequestInit['body'],
    signal: ctx.signal,
    sendsSecret: true,
    allowInsecureHttp: cred.allowInsecureHttp ?? false,
    ...(spec.timeoutMs ? { timeoutMs: spec.timeoutMs } : {}),
  })
  const contentType = res.headers.get('content-type') ?? ''
  const url = displayUrl(spec.url)
  const limits = limitsFromHeaders(res.headers)
  try {
    if (spec.binary && res.ok) {
      const bytes = await readBytes(res, MAX_AUDIO_BYTES)
      return { status: res.status, text: '', bytes, contentType, url, limits }
    }
    return { status: res.status, text: await readText(res), contentType, url, limits }
  } catch (err) {
    throw bodyReadError(err, ctx)
  }
}

/** Reads a binary body (audio) up to `max` bytes; more is `server_error` / `invalid_body`. */
async function readBytes(res: Response, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = res.body?.getReader()
  if (!reader) return new Uint8Array()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      throw new AppError('server_error', 'The audio answer is unexpectedly large.', {
        reason: 'invalid_body',
      })
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** A body read that stopped half way: the timeout or cancel signal fired, or the peer hung up. */
export function bodyReadError(err: unknown, ctx: AdapterContext): AppError {
  if (err instanceof AppError) return err
  if (ctx.signal?.aborted) return new AppError('cancelled', 'The request was cancelled.')
  const name = (err as Error)?.name
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AppError('timeout', 'The answer did not arrive in time.')
  }
  return new AppError('network', 'The connection broke while reading the answer.', {
    reason: 'reset',
  })
}

/** Parses a JSON body and checks its shape; anything else is `server_error` / `invalid_body`. */
export function parseJson<T>(
  answer: Answer,
  facts: FailureFacts,
  isShape: (json: unknown) => json is T,
): T {
  let json: unknown
  try {
    json = JSON.parse(answer.text)
  } catch {
    throw invalidBody({ ...facts, url: answer.url })
  }
  if (!isShape(json)) throw invalidBody({ ...facts, url: answer.url })
  return json
}

/** True for a plain object. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** An embedding: a non-empty array of numbers (an empty one proves no model works). */
export function isVector(v: unknown): v is number[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number')
}

/** One JSON call for discovery or a model test: non-2xx → AppError, body checked by `isShape`. */
export async function fetchJson<T>(
  ctx: AdapterContext,
  cred: DecryptedCredential,
  spec: CallSpec,
  secrets: readonly string[],
  isShape: (json: unknown) => json is T,
  rule?: BodyRule,
): Promise<T> {
  const answer = await call(ctx, cred, spec)
  const facts: FailureFacts = { entry: ctx.entry, secrets, url: answer.url }
  if (answer.status < 200 || answer.status >= 300) {
    throw responseError({ ...facts, status: answer.status, body: answer.text }, rule)
  }
  return parseJson(answer, facts, isShape)
}

/** One binary call (audio): non-2xx → AppError; an empty or JSON body is not audio. */
export async function fetchBytes(
  ctx: AdapterContext,
  cred: DecryptedCredential,
  spec: CallSpec,
  secrets: readonly string[],
  rule?: BodyRule,
): Promise<Uint8Array> {
  const answer = await call(ctx, cred, { ...spec, binary: true })
  const facts: FailureFacts = { entry: ctx.entry, secrets, url: answer.url }
  if (answer.status < 200 || answer.status >= 300) {
    throw responseError({ ...facts, status: answer.status, body: answer.text }, rule)
  }
  const bytes = answer.bytes ?? new Uint8Array()
  if (bytes.length === 0 || /json|html|text/i.test(answer.contentType)) throw invalidBody(facts)
  return bytes
}

/** The catalog's static model list of a provider without a listing API, typed `static`. */
export function staticList(entry: CatalogEntry): DiscoveredModel[] {
  return (entry.staticModels ?? []).map((m) => ({
    name: m.name,
    type: m.type,
    typeSource: 'static',
  }))
}

/**
 * Reads a cursor-paged listing: `first` (which already has a query), then `&{param}={cursor}`
 * while a page names a next cursor that differs from the last, at most `maxPages` pages. The
 * cursor comes from the provider's JSON: only a non-empty string is one (encodeURIComponent
 * would throw on an object that cannot become text).
 */
export async function readPages<T>(
  first: string,
  param: string,
  maxPages: number,
  fetchPage: (url: string) => Promise<{ items: T[]; next?: unknown }>,
): Promise<T[]> {
  const out: T[] = []
  let cursor: string | undefined
  for (let page = 0; page < maxPages; page++) {
    const url = cursor ? `${first}&${param}=${encodeURIComponent(cursor)}` : first
    const { items, next } = await fetchPage(url)
    out.push(...items)
    if (typeof next !== 'string' || !next || next === cursor) break
    cursor = next
  }
  return out
}

/** Throws the not_configured outcome as an AppError (discovery throws, tests return). */
export function throwOutcome(o: TestOutcome): never {
  throw new AppError(
    o.code === 'auth_invalid' ? 'auth_invalid' : 'not_configured',
    o.message,
    o.params,
  )
}
