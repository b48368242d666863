/**
 * The gateway's HTTP edges: answers in the OpenAI error shape (DESIGN §14), the DNS-rebinding
 * guard on `Host`, and a size-capped request body reader. No response ever carries a CORS header.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Error codes of DESIGN §14 plus the gateway's own request checks. */
export type GatewayErrorCode =
  | 'invalid_token'
  | 'model_not_allowed'
  | 'model_not_found'
  | 'rate_limited'
  | 'upstream_failed'
  | 'invalid_request'
  | 'unsupported'
  | 'host_not_allowed'
  | 'origin_not_allowed'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  405: 'invalid_request_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  502: 'api_error',
}

/**
 * Sends `{error:{message,type,param,code}}` (OpenAI's error shape,
 * https://platform.openai.com/docs/guides/error-codes). Anthropic-shaped routes also get the
 * top-level `type:"error"` Anthropic's SDK looks for (https://docs.anthropic.com/en/api/errors).
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: GatewayErrorCode,
  message: string,
  extra: { anthropic?: boolean; upstreamCode?: string; headers?: Record<string, string> } = {},
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const error: Record<string, unknown> = {
    message,
    type: TYPE_BY_STATUS[status] ?? 'api_error',
    param: null,
    code,
  }
  if (extra.upstreamCode) error.upstream_code = extra.upstreamCode
  const body = JSON.stringify(extra.anthropic ? { type: 'error', error } : { error })
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...extra.headers,
  })
  res.end(body)
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/**
 * Whether a `Host` header names this machine's loopback. A web page that rebinds its own DNS
 * name to 127.0.0.1 still sends its own name as Host, so it is refused here.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false
  const h = host.trim().toLowerCase()
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(h)
  if (!m) return false
  const name = m[1]!
  return LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name)
}

/** Interfaces the gateway may listen on. */
export function isLoopbackBind(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost'
}

/** Reads a request body up to `max` bytes; null when it is larger (the rest is discarded). */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > max) {
    req.resume()
    return null
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of req) {
    size += (c as Buffer).length
    if (size > max) {
      req.resume()
      return null
    }
    chunks.push(c as Buffer)
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
}
