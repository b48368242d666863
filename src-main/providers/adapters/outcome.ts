/**
 * Turns what a provider answered (a status and a body) or what the guarded fetch threw into the
 * result codes of DESIGN §5: a TestOutcome for connection tests, an AppError for discovery and
 * model tests. One table of messages and hints, so every adapter says the same thing for the
 * same failure and every upstream text is scrubbed and truncated first (upstream-text.ts). Which
 * code a status and body stand for is failure-code.ts.
 */
import {
  failedTestCodes,
  type ErrorCode,
  type ErrorParams,
  type TestCode,
} from '../../../src-preload/contract/errors'
import { AppError, scrub } from '../../errors'
import type { TestOutcome } from '../adapter-types'
import type { CatalogEntry } from '../catalog-types'
import { codeForStatus, failureReason, type BodyRule } from './failure-code'
import { upstreamText } from './upstream-text'

/** Everything the message table needs to explain a failure. */
export interface FailureFacts {
  entry: CatalogEntry
  /** Secrets to scrub from any upstream text (the key, tokens). */
  secrets: readonly string[]
  status?: number
  /** Raw upstream body; scrubbed and truncated before it is shown. */
  body?: string
  /** The URL that was called, without query (never carries a secret in our adapters). */
  url?: string
  reason?: string
}

type Explain = (f: FailureFacts) => { message: string; hint?: string }

const where = (f: FailureFacts) => (f.url ? ` at ${f.url}` : '')
const said = (f: FailureFacts) => {
  const t = upstreamText(f.body, f.secrets)
  return t ? `: ${t}` : ''
}

/** Message and hint per failure code; `f.entry` supplies the provider name and key link. */
const EXPLAIN: Partial<Record<TestCode | 'invalid_body', Explain>> = {
  auth_invalid: (f) => ({
    message: `${f.entry.displayName} rejected the credential${f.status ? ` (${f.status})` : ''}${said(f)}`,
    hint: `Check the key, or create a new one at ${f.entry.docsUrl}`,
  }),
  auth_forbidden: (f) => ({
    message: `${f.entry.displayName} accepted the credential but refused access${f.status ? ` (${f.status})` : ''}${said(f)}`,
    hint: `Give the key the permissions it needs (or enable the API for the project) at ${f.entry.docsUrl}`,
  }),
  ok_rate_limited: (f) => ({
    message: `${f.entry.displayName} accepted the key but is rate limiting it (429)${said(f)}`,
    hint: 'The key works. Wait a moment, or check the plan and quota of the account.',
  }),
  ok_listing_unsupported: (f) => ({
    message: `Connected, but the server does not list models (${f.status ?? 404}); add models by name.`,
  }),
  ok_test_model_unavailable: (f) => ({
    message: `The credential works, but the test model is not available${said(f)}`,
    hint: 'Discover the models this credential can use and register one of those.',
  }),
  server_error: (f) => ({
    message: `${f.entry.displayName} answered ${f.status ?? 'an error'}${where(f)}${said(f)}`,
    hint:
      f.status === 404
        ? 'Check the base URL: the server does not know this API path.'
        : 'The provider had a problem; try again later or check its status page.',
  }),
  invalid_body: (f) => ({
    message: `${f.entry.displayName} answered${where(f)} with a body that is not the expected API response.`,
    hint: 'Check the base URL points at the provider API itself and not at a web page or proxy login.',
  }),
  timeout: (f) => ({
    message: `${f.entry.displayName} did not answer in time${where(f)}.`,
    hint: 'Check the network, the proxy settings and the base URL, then try again.',
  }),
  url_blocked: (f) => ({
    message: `The address${where(f)} is not allowed${f.reason ? ` (${f.reason})` : ''}.`,
    hint: 'Use the provider’s public API address or a local/LAN server address.',
  }),
}

const NETWORK_TEXT: Record<string, { message: string; hint: string }> = {
  refused: {
    message: 'The connection was refused',
    hint: 'Check that the server is running and that the base URL (host and port) is right.',
  },
  dns: {
    message: 'The host name could not be resolved',
    hint: 'Check the host name in the base URL for typos, and your network connection.',
  },
  tls: {
    message: 'The TLS certificate could not be verified',
    hint: 'The server’s certificate is invalid, expired or self-signed; fix it or use another URL.',
  },
  reset: {
    message: 'The connection was closed by the other side',
    hint: 'Check the base URL and any proxy or firewall between you and the provider.',
  },
}

/** A TestOutcome for a failure code with the shared message and hint. */
export function failureOutcome(code: TestCode, f: FailureFacts): TestOutcome {
  const explain = EXPLAIN[code]
  let { message, hint } = explain ? explain(f) : { message: `${f.entry.displayName}: ${code}` }
  const params: ErrorParams = { provider: f.entry.id }
  if (f.status) params.status = f.status
  // A regional provider's key page depends on the credential (DashScope): say which one.
  if (f.entry.regions) params.docsUrl = f.entry.docsUrl
  const why = code === 'auth_forbidden' && f.status ? failureReason(f.status, f.body) : null
  if (why?.reason === 'quota') {
    params.reason = 'quota'
    message = `${f.entry.displayName} accepted the key, but the account has no credit or quota left (${f.status})${said(f)}`
    hint = `Top up the account or raise its quota, then test again: ${f.entry.docsUrl}`
  } else if (why?.reason === 'service_disabled') {
    params.reason = 'service_disabled'
    message = `${f.entry.displayName} accepted the key, but the API is not enabled for its project (${f.status})${said(f)}`
    hint = `Enable the API for the key's Google Cloud project (the link is in the message above), wait a few minutes, then test again.`
  } else if (why?.reason === 'api_restricted') {
    params.reason = 'api_restricted'
    message = `${f.entry.displayName} accepted the key, but its API restrictions exclude this API (${f.status})${said(f)}`
    hint = `Allow this API in the key's restrictions (Google Cloud console → Credentials), or use a key without restrictions: ${f.entry.docsUrl}`
  } else if (why?.reason === 'missing_scope') {
    params.reason = 'missing_scope'
    params.scope = why.scope
    message = `${f.entry.displayName} accepted the key, but it is restricted and lacks a permission (${f.status})${said(f)}`
    hint = `Give the key the ${why.scope || 'missing'} permission (or use an unrestricted key): ${f.entry.docsUrl}`
  }
  return { code, message, ...(hint ? { hint } : {}), params }
}

/** The TestOutcome for a garbage (non-JSON or wrong-shape) body. */
export function invalidBodyOutcome(f: FailureFacts): TestOutcome {
  const { message, hint } = EXPLAIN.invalid_body!(f)
  return {
    code: 'server_error',
    message,
    hint,
    params: { provider: f.entry.id, reason: 'invalid_body' },
  }
}

/** The TestOutcome for a missing field (key, base URL, project, …). */
export function notConfigured(entry: CatalogEntry, what: string, hint?: string): TestOutcome {
  return {
    code: 'not_configured',
    message: `${entry.displayName}: ${what}`,
    hint: hint ?? `Edit the credential and fill in the missing field. Keys: ${entry.docsUrl}`,
    params: { provider: entry.id },
  }
}

/**
 * Maps anything a test threw to an outcome: AppErrors from the guarded fetch (`network` with a
 * reason, `timeout`, `url_blocked`) and from our own parsing. A cancellation is re-thrown: the
 * caller asked for it, and recording it as a failed test would be false.
 */
export function errorOutcome(err: unknown, f: FailureFacts): TestOutcome {
  const params: ErrorParams = { provider: f.entry.id }
  if (!(err instanceof AppError)) {
    const text = scrub(String((err as Error)?.message ?? err), f.secrets)
    return {
      code: 'server_error',
      message: `${f.entry.displayName}: unexpected failure (${text})`,
      params,
    }
  }
  if (err.code === 'cancelled') throw err
  const reason = typeof err.params?.reason === 'string' ? err.params.reason : undefined
  if (reason) params.reason = reason
  if (typeof err.params?.status === 'number') params.status = err.params.status
  if (err.code === 'network') {
    const t = NETWORK_TEXT[reason ?? ''] ?? {
      message: 'The provider could not be reached',
      hint: 'Check the network connection and the base URL.',
    }
    return { code: 'network', message: `${t.message}${where(f)}.`, hint: t.hint, params }
  }
  if (err.code === 'timeout') return { ...EXPLAIN.timeout!(f), code: 'timeout', params }
  const code: TestCode = isTestCode(err.code) ? err.code : 'server_error'
  const hint = EXPLAIN[reason === 'invalid_body' ? 'invalid_body' : code]?.({ ...f, reason }).hint
  return { code, message: scrub(err.message, f.secrets, 300), ...(hint ? { hint } : {}), params }
}

function isTestCode(code: ErrorCode): code is ErrorCode & TestCode {
  return (failedTestCodes as readonly string[]).includes(code)
}

/** An AppError (for discovery and model tests) for a non-2xx answer. */
export function responseError(f: FailureFacts & { status: number }, rule?: BodyRule): AppError {
  let code = codeForStatus(f.status, f.body ?? '', rule)
  if (code === 'ok' || code === 'ok_listing_unsupported' || code === 'ok_test_model_unavailable') {
    code = 'server_error'
  }
  if (code === 'ok_rate_limited') {
    return new AppError(
      'server_error',
      `${f.entry.displayName} is rate limiting this key (429); try again in a moment.`,
      { provider: f.entry.id, status: 429, reason: 'rate_limited' },
    )
  }
  const o = failureOutcome(code, f)
  return new AppError(code as ErrorCode, o.message, {
    provider: f.entry.id,
    status: f.status,
    ...(o.params?.reason ? { reason: o.params.reason } : {}),
  })
}

/** An AppError for a body that is not what the API documents. */
export function invalidBody(f: FailureFacts): AppError {
  const o = invalidBodyOutcome(f)
  return new AppError('server_error', o.message, { provider: f.entry.id, reason: 'invalid_body' })
}

/** The ok outcome of a listing test: the models on the first page (`+` when more follow). */
export function listedOutcome(entry: CatalogEntry, count: number, more = false): TestOutcome {
  return {
    code: 'ok',
    message: `Connected. ${count}${more ? '+' : ''} models available.`,
    details: { modelCount: count },
    params: { provider: entry.id, count },
  }
}

/** The HTTP status an AppError carries, if any. */
export function statusOf(err: unknown): number | undefined {
  const status = err instanceof AppError ? err.params?.status : undefined
  return typeof status === 'number' ? status : undefined
}

/** The discovery error of a server that answers without a model listing (404/405). */
export function listingUnsupportedError(entry: CatalogEntry, status: number): AppError {
  return new AppError(
    'unsupported',
    `${entry.displayName}: this server does not list its models (${status}); add them by name.`,
    { provider: entry.id, status },
  )
}
