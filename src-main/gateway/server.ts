/**
 * The local gateway's HTTP server (DESIGN §14): loopback only, OpenAI-shaped routes plus
 * Anthropic's `/v1/messages`, per-app tokens, model names and aliases, key pools with failover,
 * usage per token × model. Plain Node `http`: a framework would add latency and nothing else.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { defaultSlots } from '../../src-preload/contract/defaults'
import { AppError } from '../errors'
import type { StoreData, StoredGatewayToken } from '../store/schema'
import {
  isLoopbackBind,
  isLoopbackHost,
  readBody,
  sendError,
  sendJson,
  type GatewayErrorCode,
} from './http-util'
import { forward, type ProxyDeps } from './proxy'
import { allowed, notFoundMessage, publicNames, resolveModel } from './routing'
import { parseRequest, type RouteSpec } from './parse-request'
import { findToken, presentedToken } from './tokens'
import { planRoute } from './route-plan'
import { servedRoutes } from '../providers/upstream/upstream-routes'

/** Audio uploads can be large (OpenAI allows 25 MB files); JSON requests stay well below. */
const MAX_BODY = 32 * 1024 * 1024
/** A long generation may stream for minutes. */
const UPSTREAM_TIMEOUT_MS = 10 * 60_000

/** Routes by `POST` path. Shapes: OpenAI API reference, Anthropic Messages API. */
const ROUTES: Record<string, RouteSpec> = {
  '/v1/chat/completions': { shape: 'openai', path: '/chat/completions', type: 'language' },
  '/v1/embeddings': { shape: 'openai', path: '/embeddings', type: 'embedding' },
  '/v1/audio/speech': { shape: 'openai', path: '/audio/speech', type: 'text_to_speech' },
  '/v1/audio/transcriptions': {
    shape: 'openai',
    path: '/audio/transcriptions',
    type: 'speech_to_text',
    multipart: true,
  },
  '/v1/messages': { shape: 'anthropic', path: '/messages', type: 'language' },
}

/** Client headers forwarded upstream; everything else (their token above all) stays here. */
const PASS_REQUEST_HEADERS = ['accept', 'anthropic-version', 'anthropic-beta']

export interface GatewayDeps extends ProxyDeps {
  /** Token ids → requests in the last minute (per-token rpm), kept by the caller across restarts. */
  windows?: Map<string, number[]>
}

export interface RunningGateway {
  url: string
  port: number
  host: string
  close(): Promise<void>
}

/** Starts listening; a non-loopback host is refused, a busy port is `conflict`. */
export async function startGateway(
  deps: GatewayDeps,
  options: { host?: string; port: number },
): Promise<RunningGateway> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackBind(host)) {
    throw new AppError('validation', 'The gateway only listens on this machine (127.0.0.1).', {
      field: 'host',
    })
  }
  const windows = deps.windows ?? new Map<string, number[]>()
  const server: Server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    void handle(deps, windows, req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500 as never, 'upstream_failed', 'Internal error.')
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new AppError('conflict', `Port ${options.port} is already in use.`, {
              reason: 'port_in_use',
              port: options.port,
            })
          : new AppError('internal', `The gateway could not listen (${err.code ?? 'error'}).`),
      ),
    )
    server.listen(options.port, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const shownHost = host === '::1' ? '[::1]' : host === 'localhost' ? '127.0.0.1' : host
  return {
    url: `http://${shownHost}:${port}`,
    port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function handle(
  deps: GatewayDeps,
  windows: Map<string, number[]>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!
  const route = ROUTES[path]
  const anthropic = route?.shape === 'anthropic'
  const fail = (
    status: number,
    code: GatewayErrorCode,
    message: string,
    h?: Record<string, string>,
  ) => sendError(res, status, code, message, { anthropic, ...(h ? { headers: h } : {}) })

  // DNS-rebinding guard: only requests addressed to a loopback name.
  if (!isLoopbackHost(req.headers.host)) {
    req.resume()
    return fail(
      403,
      'host_not_allowed',
      'The gateway answers only requests addressed to 127.0.0.1 or localhost.',
    )
  }
  // Browsers send Origin; the gateway is for programs, and a web page gets nothing (no CORS).
  if (req.headers.origin !== undefined) {
    req.resume()
    return fail(403, 'origin_not_allowed', 'The gateway does not answer requests from web pages.')
  }
  const isModels = path === '/v1/models'
  if (!route && !isModels) {
    req.resume()
    return fail(404, 'not_found', `Unknown path ${path.slice(0, 100)}.`)
  }
  const method = req.method ?? 'GET'
  if ((isModels && method !== 'GET') || (route && method !== 'POST')) {
    req.resume()
    return fail(405, 'method_not_allowed', `${method} is not allowed on ${path}.`, {
      allow: isModels ? 'GET' : 'POST',
    })
  }

  const data = await deps.snapshot.data()
  const presented = presentedToken(req.headers)
  const token = presented ? findToken(presented, data.gateway.tokens) : null
  const nowMs = deps.now()
  if (!token) {
    req.resume()
    return fail(
      401,
      'invalid_token',
      presented
        ? 'The token is not valid.'
        : 'No token was given (Authorization: Bearer sbg_… or x-api-key).',
    )
  }
  if (token.expiresAt && Date.parse(token.expiresAt) <= nowMs) {
    req.resume()
    return fail(401, 'invalid_token', 'The token has expired.')
  }
  const at = new Date(nowMs).toISOString()
  deps.recorder.used(token.id, at)
  if (token.rpm) {
    const recent = (windows.get(token.id) ?? []).filter((t) => t > nowMs - 60_000)
    if (recent.length >= token.rpm) {
      windows.set(token.id, recent)
      req.resume()
      const retry = Math.max(1, Math.ceil((recent[0]! + 60_000 - nowMs) / 1000))
      return fail(429, 'rate_limited', `This token allows ${token.rpm} requests per minute.`, {
        'retry-after': String(retry),
      })
    }
    recent.push(nowMs)
    windows.set(token.id, recent)
  }

  if (isModels) return listModels(data, token, req, res)

  const body = await readBody(req, MAX_BODY)
  if (!body) return fail(413, 'payload_too_large', 'The request body is too large.')
  const parsed = await parseRequest(route!, body, req.headers['content-type'])
  if (!parsed.ok) return fail(400, 'invalid_request', parsed.message)
  const count = (model: string, status: number, tokens = { input: 0, output: 0 }) =>
    deps.recorder.count(token.id, token.name, model, {
      requests: 1,
      errors: status >= 400 ? 1 : 0,
      inputTokens: tokens.input,
      outputTokens: tokens.output,
    })

  const resolved = resolveModel(data, parsed.model, route!.type)
  if (!resolved.ok) {
    count(parsed.model.slice(0, 200), 404)
    return fail(404, 'model_not_found', notFoundMessage(parsed.model, resolved))
  }
  const model = resolved.model
  if (!allowed(data, token.models, parsed.model, model)) {
    count(model.canonical, 403)
    return fail(403, 'model_not_allowed', `This token may not use ${parsed.model.slice(0, 200)}.`)
  }
  const plan = planRoute(
    servedRoutes(deps.getProvider(model.provider)),
    route!,
    parsed.json,
    { canonical: model.canonical, asked: parsed.model },
    deps.now,
  )
  if (!plan.ok) {
    count(model.canonical, 400)
    return fail(400, plan.code, plan.message)
  }
  const translation = plan.translation

  const abort = new AbortController()
  const onClose = () => {
    if (!res.writableFinished) abort.abort()
  }
  res.on('close', onClose)
  // One deadline for the whole exchange (a long generation may stream for minutes), cleared
  // as soon as it ends so no timer outlives its request.
  const deadline = setTimeout(() => abort.abort(), UPSTREAM_TIMEOUT_MS)
  const passHeaders: Record<string, string> = {}
  // Headers of one API shape mean nothing to the other.
  for (const h of translation ? ['accept'] : PASS_REQUEST_HEADERS) {
    const v = req.headers[h]
    if (typeof v === 'string') passHeaders[h] = v
  }
  const result = await forward(
    deps,
    data,
    {
      shape: route!.shape,
      path: plan.path,
      model,
      body: translation ? translation.request : parsed.rewrite,
      addUsage: translation ? translation.streams : parsed.streamsWithoutUsage,
      translation,
      contentType: route!.multipart ? null : 'application/json',
      passHeaders,
      signal: abort.signal,
    },
    res,
  )
  clearTimeout(deadline)
  res.off('close', onClose)
  count(model.canonical, result.error ? Math.max(result.status, 400) : result.status, result.tokens)
}

/**
 * `GET /v1/models`: the models this token may use, in OpenAI's list shape
 * (https://platform.openai.com/docs/api-reference/models/list), or Anthropic's when the client
 * sends `anthropic-version` (https://docs.anthropic.com/en/api/models-list).
 */
function listModels(
  data: StoreData,
  token: StoredGatewayToken,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const names = publicNames(data).filter((n) => allowed(data, token.models, n.id, n.model))
  const aliases = defaultSlots
    .map((slot) => ({ slot, r: resolveModel(data, `default:${slot}`) }))
    .filter((a) => a.r.ok && allowed(data, token.models, `default:${a.slot}`, a.r.model))
  const ids = [
    ...names.map((n) => ({ id: n.id, owner: n.model.provider })),
    ...aliases.map((a) => ({ id: `default:${a.slot}`, owner: 'switchboard' })),
  ]
  if (req.headers['anthropic-version']) {
    return sendJson(res, 200, {
      data: ids.map((m) => ({
        type: 'model',
        id: m.id,
        display_name: m.id,
        created_at: '1970-01-01T00:00:00Z',
      })),
      has_more: false,
      first_id: ids[0]?.id ?? null,
      last_id: ids.at(-1)?.id ?? null,
    })
  }
  sendJson(res, 200, {
    object: 'list',
    data: ids.map((m) => ({ id: m.id, object: 'model', created: 0, owned_by: m.owner })),
  })
}
