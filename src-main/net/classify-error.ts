/**
 * Turns whatever a request threw into an AppError a person can act on (DESIGN §5, §6): refused,
 * DNS, reset, TLS (naming the certificate problem), timeout, cancelled. undici wraps the real
 * cause in `TypeError: fetch failed`, sometimes in an AggregateError; the chain is unwrapped.
 * Messages name the host at most, never the path, query string or headers.
 */
import { AppError } from '../errors'

/** `params.reason` of a `network` error. */
export type NetworkReason = 'refused' | 'dns' | 'reset' | 'tls' | 'unreachable' | 'other'

/** `params.tls` of a `network`/`tls` error. */
export type TlsProblem =
  | 'self_signed'
  | 'self_signed_chain'
  | 'unknown_issuer'
  | 'expired'
  | 'not_yet_valid'
  | 'hostname_mismatch'
  | 'revoked'
  | 'wrong_version'
  | 'other'

type Mapping = { code: 'network'; reason: NetworkReason; tls?: TlsProblem } | { code: 'timeout' }

/** Error codes (err.code) → what they mean. */
const BY_CODE: Record<string, Mapping> = {
  ECONNREFUSED: { code: 'network', reason: 'refused' },
  ENOTFOUND: { code: 'network', reason: 'dns' },
  EAI_AGAIN: { code: 'network', reason: 'dns' },
  EAI_NODATA: { code: 'network', reason: 'dns' },
  EAI_NONAME: { code: 'network', reason: 'dns' },
  EAI_FAIL: { code: 'network', reason: 'dns' },
  ECONNRESET: { code: 'network', reason: 'reset' },
  ECONNABORTED: { code: 'network', reason: 'reset' },
  EPIPE: { code: 'network', reason: 'reset' },
  UND_ERR_SOCKET: { code: 'network', reason: 'reset' },
  UND_ERR_CLOSED: { code: 'network', reason: 'reset' },
  HPE_INVALID_CONSTANT: { code: 'network', reason: 'other' },
  EHOSTUNREACH: { code: 'network', reason: 'unreachable' },
  ENETUNREACH: { code: 'network', reason: 'unreachable' },
  EHOSTDOWN: { code: 'network', reason: 'unreachable' },
  ETIMEDOUT: { code: 'timeout' },
  UND_ERR_CONNECT_TIMEOUT: { code: 'timeout' },
  UND_ERR_HEADERS_TIMEOUT: { code: 'timeout' },
  UND_ERR_BODY_TIMEOUT: { code: 'timeout' },
  DEPTH_ZERO_SELF_SIGNED_CERT: { code: 'network', reason: 'tls', tls: 'self_signed' },
  SELF_SIGNED_CERT_IN_CHAIN: { code: 'network', reason: 'tls', tls: 'self_signed_chain' },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { code: 'network', reason: 'tls', tls: 'unknown_issuer' },
  UNABLE_TO_GET_ISSUER_CERT: { code: 'network', reason: 'tls', tls: 'unknown_issuer' },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { code: 'network', reason: 'tls', tls: 'unknown_issuer' },
  CERT_HAS_EXPIRED: { code: 'network', reason: 'tls', tls: 'expired' },
  CERT_NOT_YET_VALID: { code: 'network', reason: 'tls', tls: 'not_yet_valid' },
  ERR_TLS_CERT_ALTNAME_INVALID: { code: 'network', reason: 'tls', tls: 'hostname_mismatch' },
  CERT_REVOKED: { code: 'network', reason: 'tls', tls: 'revoked' },
  ERR_SSL_WRONG_VERSION_NUMBER: { code: 'network', reason: 'tls', tls: 'wrong_version' },
}

/** English sentence per network reason / TLS problem (the UI translates by params). */
const REASON_TEXT: Record<NetworkReason, string> = {
  refused: 'the connection was refused',
  dns: 'the host name could not be resolved',
  reset: 'the connection was closed unexpectedly',
  tls: 'the secure connection failed',
  unreachable: 'the host is unreachable',
  other: 'a network error occurred',
}

const TLS_TEXT: Record<TlsProblem, string> = {
  self_signed: 'the server uses a self-signed certificate',
  self_signed_chain: 'the certificate chain contains a self-signed certificate',
  unknown_issuer: 'the certificate was issued by an unknown authority',
  expired: 'the certificate has expired',
  not_yet_valid: 'the certificate is not valid yet',
  hostname_mismatch: 'the certificate does not match the host name',
  revoked: 'the certificate was revoked',
  wrong_version: 'the server does not speak https on this port (try http://)',
  other: 'the TLS handshake failed',
}

/** What to do about each failure, in English (the UI translates by code + params). */
export const NETWORK_HINTS: Record<NetworkReason | 'timeout' | 'cancelled', string> = {
  refused: 'Is the server running? Check the host and port in the base URL.',
  dns: 'Check the host name in the base URL.',
  reset: 'The server or a proxy closed the connection; try again or check the base URL.',
  tls: 'Check the certificate of the server, or use the right scheme (http/https).',
  unreachable: 'Check your network connection and the host in the base URL.',
  other: 'Check your network connection and the base URL.',
  timeout: 'The server did not answer in time; check that it is reachable and not overloaded.',
  cancelled: '',
}

/** Returns a fix hint for an error's code and params, when there is one. */
export function hintFor(
  code: string,
  params?: Record<string, string | number>,
): string | undefined {
  if (code === 'timeout') return NETWORK_HINTS.timeout
  if (code === 'network') return NETWORK_HINTS[(params?.reason as NetworkReason) ?? 'other']
  return undefined
}

/** Walks `.cause` / AggregateError chains; returns every error seen, outermost first. */
function chain(err: unknown): unknown[] {
  const seen: unknown[] = []
  let cur: unknown = err
  while (cur && !seen.includes(cur) && seen.length < 8) {
    seen.push(cur)
    if (cur instanceof AggregateError && cur.errors.length > 0) cur = cur.errors[0]
    else cur = (cur as { cause?: unknown }).cause
  }
  return seen
}

function codeOf(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code
  return typeof c === 'string' ? c : undefined
}

/**
 * Maps any error from a request to an AppError: AppErrors pass through; AbortSignal reasons
 * become `timeout` / `cancelled`; socket, DNS and TLS errors become `network` with
 * `params.reason` (and `params.tls`). `context.host` (host[:port]) is named in the message.
 */
export function classifyError(err: unknown, context: { host?: string } = {}): AppError {
  const where = context.host ? ` (${context.host})` : ''
  const hostParam: Record<string, string> = context.host ? { host: context.host } : {}
  for (const e of chain(err)) {
    if (e instanceof AppError) return e
    const name = (e as { name?: unknown } | null)?.name
    if (name === 'TimeoutError') return timeoutError(context.host)
    if (name === 'AbortError') return new AppError('cancelled', 'The request was cancelled.')
    const code = codeOf(e)
    const mapped = code ? BY_CODE[code] : undefined
    if (mapped?.code === 'timeout') return timeoutError(context.host)
    if (mapped) {
      const detail = mapped.tls ? `: ${TLS_TEXT[mapped.tls]}` : ''
      return new AppError(
        'network',
        `Could not connect${where}: ${REASON_TEXT[mapped.reason]}${detail}.`,
        {
          reason: mapped.reason,
          ...(mapped.tls ? { tls: mapped.tls } : {}),
          ...hostParam,
        },
      )
    }
    if (
      code &&
      (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code.includes('CERT'))
    ) {
      return new AppError('network', `Could not connect${where}: ${TLS_TEXT.other}.`, {
        reason: 'tls',
        tls: 'other',
        ...hostParam,
      })
    }
    const message = (e as { message?: unknown } | null)?.message
    if (typeof message === 'string' && /socket hang up|other side closed/i.test(message)) {
      return new AppError('network', `Could not connect${where}: ${REASON_TEXT.reset}.`, {
        reason: 'reset',
        ...hostParam,
      })
    }
  }
  return new AppError('network', `Could not connect${where}: ${REASON_TEXT.other}.`, {
    reason: 'other',
    ...hostParam,
  })
}

/** The `timeout` error for a host. */
export function timeoutError(host?: string): AppError {
  const where = host ? ` from ${host}` : ''
  return new AppError('timeout', `No answer${where} in time.`, host ? { host } : undefined)
}
