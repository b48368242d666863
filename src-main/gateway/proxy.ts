/**
 * One request sent upstream through a key pool (DESIGN §14): candidates in order (primary
 * first), skipping disabled and cooling credentials; 401/403 disables and moves on (a 401 on a
 * renewable access token — Vertex — is first sent once more with a fresh token), 429 cools
 * the credential down for that model and moves on, 5xx or a network error moves on. Once an
 * answer is chosen its status and headers go to the client and its body is streamed through
 * chunk by chunk as it arrives; nothing is retried after that. Other 4xx answers are passed on
 * (small, read whole, scrubbed of the key) since a bad request would fail everywhere.
 */
import type { ServerResponse } from 'node:http'
import { AppError, scrub } from '../errors'
import type { GuardedStream } from '../net'
import type { GuardedFetch } from '../providers/adapter-types'
import { fromResponse, fromStream, type Answer } from './answer'
import type { CatalogEntry, ProviderId } from '../providers/catalog-types'
import type { StoreData } from '../store/schema'
import { sendError } from './http-util'
import { cooldownMs, readLimits } from './limits'
import { coolDown, coolingUntil, isDisabled, type PoolState } from './pool'
import type { ResolvedModel } from './routing'
import type { Snapshot } from './snapshot'
import { upstreamOf, type GatewayShape } from '../providers/upstream/upstream'
import { pipe } from './pipe'
import type { Translation } from './translate'
import type { TokenCount } from './usage'
import type { UsageRecorder } from './usage'

export interface ProxyDeps {
  snapshot: Snapshot
  recorder: UsageRecorder
  /** The guarded fetch; its `stream` path (src-main/net/guarded-stream.ts) when it has one. */
  fetch: GuardedFetch & { stream?: GuardedStream }
  getProvider: (id: ProviderId) => CatalogEntry
  pool: PoolState
  now: () => number
}

export interface ProxyRequest {
  shape: GatewayShape
  /** Path under the API root: `/chat/completions`, `/messages`, … */
  path: string
  model: ResolvedModel
  /** The body to send, with the model field set to the name the upstream wants. */
  body: (model: string, askUsage: boolean) => string | Buffer | FormData
  /** A streamed chat completion without `include_usage`: ask where accepted, strip the answer. */
  addUsage: boolean
  /** Set when the client speaks the other API shape (translate/). */
  translation: Translation | null
  contentType: string | null
  /** Client headers that may go upstream (anthropic-version, anthropic-beta). */
  passHeaders: Record<string, string>
  /** Aborted when the client goes away or the request's deadline passes. */
  signal: AbortSignal
}

export interface ProxyResult {
  status: number
  /** True when the answer counts as an error (status ≥ 400, or the stream broke). */
  error: boolean
  tokens: TokenCount
}

/** Response headers passed to the client (no cookies, no CORS, no content-encoding: bodies are decoded). */
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'cache-control',
  'x-request-id',
  'request-id',
  'retry-after',
  'openai-processing-ms',
]

/** Error bodies passed on are read whole; anything bigger is cut. */
const MAX_ERROR_BODY = 64 * 1024

/** Upstreams per decrypted credential (normalizing a base URL per request costs µs for nothing). */
const upstreams = new WeakMap<object, ReturnType<typeof upstreamOf>>()
const upstreamFor = (cred: Parameters<typeof upstreamOf>[0], entry: CatalogEntry) => {
  if (!upstreams.has(cred)) upstreams.set(cred, upstreamOf(cred, entry))
  return upstreams.get(cred)!
}

/** Sends the request through the pool and answers the client. Never throws. */
export async function forward(
  deps: ProxyDeps,
  data: StoreData,
  req: ProxyRequest,
  out: ServerResponse,
): Promise<ProxyResult> {
  const tokens: TokenCount = { input: 0, output: 0 }
  const anthropic = req.shape === 'anthropic'
  let lastCode = 'no_credential'
  let soonest = 0
  // A credential whose access token was refused is tried once more, right after itself.
  const ids = [...req.model.credentialIds]
  const renewed = new Set<string>()
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!
    if (req.signal.aborted) return { status: 499, error: true, tokens }
    if (isDisabled(data, deps.pool, id)) {
      lastCode = 'credential_disabled'
      continue
    }
    const until = coolingUntil(deps.pool, id, req.model.name, deps.now())
    if (until) {
      lastCode = 'rate_limited'
      soonest = soonest ? Math.min(soonest, until) : until
      continue
    }
    let up
    try {
      const cred = await deps.snapshot.decrypted(id)
      up = upstreamFor(cred, deps.getProvider(req.model.provider))
      if (!up) {
        lastCode = 'not_configured'
        continue
      }
      const url = up.url(req.path, req.model.name, req.model.type)
      if (!url) {
        lastCode = 'unsupported'
        continue
      }
      const headers: Record<string, string> = {
        // Bodies pass through untouched: a compressed stream would be held back by the decoder.
        'accept-encoding': 'identity',
        ...(await up.headers(deps.fetch, req.signal)),
        ...req.passHeaders,
      }
      const askUsage = req.addUsage && up.streamUsage
      const body = req.body(up.bodyModel(req.model.name), askUsage)
      if (req.contentType && !(body instanceof FormData)) headers['content-type'] = req.contentType
      const init = {
        method: 'POST',
        headers,
        signal: req.signal,
        sendsSecret: up.secrets.length > 0,
        allowInsecureHttp: cred.allowInsecureHttp ?? false,
      }
      // JSON bodies take the request-level path (vetted origin, no WHATWG objects per call);
      // multipart uploads go through fetch, which serializes FormData.
      const res =
        deps.fetch.stream && !(body instanceof FormData)
          ? fromStream(await deps.fetch.stream(url, { ...init, body }))
          : fromResponse(
              await deps.fetch(url, {
                ...init,
                body: body as RequestInit['body'],
                timeoutMs: 0, // the server's own deadline is in req.signal
              }),
            )
      const nowMs = deps.now()
      const get = res.header
      const limits = readLimits(get, new Date(nowMs))
      if (limits) deps.recorder.limits(id, limits)
      if (res.status === 401 && up.renewAuth && !renewed.has(id)) {
        res.discard()
        up.renewAuth(headers.authorization)
        renewed.add(id)
        ids.splice(i + 1, 0, id)
        continue
      }
      if (res.status === 401 || res.status === 403) {
        res.discard()
        disable(deps, id, res.status === 401 ? 'auth_invalid' : 'auth_forbidden', nowMs)
        lastCode = res.status === 401 ? 'auth_invalid' : 'auth_forbidden'
        continue
      }
      if (res.status === 429) {
        res.discard()
        coolDown(deps.pool, id, req.model.name, nowMs + cooldownMs(get, nowMs))
        lastCode = 'rate_limited'
        continue
      }
      if (res.status >= 500) {
        res.discard()
        lastCode = 'server_error'
        continue
      }
      if (res.status >= 400) {
        const text = await readCapped(res, MAX_ERROR_BODY)
        // xAI answers a bad key with 400 "Incorrect API key", Google with 400 API_KEY_INVALID.
        if (up.bodyRule(res.status, text) === 'auth_invalid') {
          disable(deps, id, 'auth_invalid', nowMs)
          lastCode = 'auth_invalid'
          continue
        }
        const scrubbed = scrub(text, up.secrets, MAX_ERROR_BODY)
        const body = req.translation ? req.translation.error(res.status, scrubbed) : scrubbed
        const h = responseHeaders(res, Buffer.byteLength(body))
        if (req.translation) h['content-type'] = 'application/json'
        out.writeHead(res.status, h)
        out.end(body)
        return { status: res.status, error: true, tokens }
      }
      const ok = await pipe(res, out, responseHeaders(res), {
        tokens,
        signal: req.signal,
        stripUsage: askUsage && !req.translation,
        translation: req.translation,
      })
      return { status: res.status, error: !ok, tokens }
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'internal'
      if (code === 'cancelled' || req.signal.aborted) return { status: 499, error: true, tokens }
      if (out.headersSent) {
        out.destroy()
        return { status: 502, error: true, tokens }
      }
      lastCode = code
    }
  }
  const retry = soonest ? Math.max(1, Math.ceil((soonest - deps.now()) / 1000)) : 0
  sendError(
    out,
    502,
    'upstream_failed',
    `No credential for ${req.model.canonical} could answer (last: ${lastCode}).`,
    {
      anthropic,
      upstreamCode: lastCode,
      ...(retry ? { headers: { 'retry-after': String(retry) } } : {}),
    },
  )
  return { status: 502, error: true, tokens }
}

function disable(deps: ProxyDeps, id: string, code: string, nowMs: number) {
  const mark = { code, at: new Date(nowMs).toISOString() }
  deps.pool.disabledNow.set(id, mark)
  deps.recorder.disabled(id, mark)
}

function responseHeaders(res: Answer, length?: number): Record<string, string> {
  const h: Record<string, string> = {}
  for (const name of PASSED_RESPONSE_HEADERS) {
    const v = res.header(name)
    if (v !== null) h[name] = v
  }
  if (length !== undefined) h['content-length'] = String(length)
  return h
}

async function readCapped(res: Answer, max: number): Promise<string> {
  if (!res.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const value of res.body) {
    chunks.push(value)
    size += value.length
    if (size >= max) break // leaving the loop drops the rest of the body
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, max)
}
