/**
 * The `openai` SDK wired for Switchboard (DESIGN §5): every request through the guarded fetch,
 * no retries, nothing read from the environment (the SDK would otherwise pick up
 * OPENAI_API_KEY, OPENAI_ORG_ID, OPENAI_CUSTOM_HEADERS, … and send them to any provider), and
 * SDK errors turned back into our coded AppErrors.
 */
import OpenAI from 'openai'
import { AppError } from '../../errors'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import { responseError } from './outcome'
import { type BodyRule } from './failure-code'

/** Model tests generate text or audio: allow them longer than a listing. */
export const MODEL_TEST_TIMEOUT_MS = 60_000

/** The only request headers we let the SDK send (drops env-injected custom headers). */
const FORWARDED = new Set(['content-type', 'accept', 'authorization', 'api-key', 'content-length'])

export interface SdkClientOptions {
  root: string
  /** Extra headers (Azure's `api-key`) and query (Azure's `api-version`). */
  headers?: Record<string, string>
  query?: Record<string, string>
  /** Send `Authorization: Bearer <key>` (false for keyless servers and Azure). */
  bearer: boolean
}

/** An OpenAI client whose fetch is the context's guarded fetch. */
export function sdkClient(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  opts: SdkClientOptions,
): OpenAI {
  return new OpenAI({
    // A placeholder keeps the SDK from reading OPENAI_API_KEY; the header is dropped below.
    apiKey: opts.bearer && cred.apiKey ? cred.apiKey : 'unused',
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    baseURL: opts.root,
    maxRetries: 0,
    timeout: MODEL_TEST_TIMEOUT_MS + 5_000,
    logLevel: 'off',
    ...(opts.query ? { defaultQuery: opts.query } : {}),
    fetch: (async (url: string | URL, init?: RequestInit) => {
      const headers = new Headers()
      new Headers(init?.headers).forEach((value, name) => {
        if (FORWARDED.has(name) && (name !== 'authorization' || opts.bearer))
          headers.set(name, value)
      })
      for (const [k, v] of Object.entries(opts.headers ?? {})) headers.set(k, v)
      return ctx.fetch(url, {
        ...init,
        headers,
        timeoutMs: MODEL_TEST_TIMEOUT_MS,
        sendsSecret: Boolean(cred.apiKey),
        allowInsecureHttp: cred.allowInsecureHttp ?? false,
      })
    }) as unknown as typeof fetch,
  })
}

/** Maps what the SDK threw to an AppError (status errors through the shared code table). */
export function fromSdkError(
  err: unknown,
  ctx: AdapterContext,
  secrets: readonly string[],
  rule?: BodyRule,
): AppError {
  if (err instanceof AppError) return err
  if (err instanceof OpenAI.APIUserAbortError)
    return new AppError('cancelled', 'The request was cancelled.')
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    return new AppError('timeout', `${ctx.entry.displayName} did not answer in time.`)
  }
  if (err instanceof OpenAI.APIConnectionError) {
    if (err.cause instanceof AppError) return err.cause
    return new AppError('network', `${ctx.entry.displayName} could not be reached.`, {
      reason: 'other',
    })
  }
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const body = err.error !== undefined ? JSON.stringify(err.error) : err.message
    return responseError({ entry: ctx.entry, secrets, status: err.status, body }, rule)
  }
  // A 2xx whose body the SDK could not read as JSON (a proxy login page, garbage).
  return new AppError(
    'server_error',
    `${ctx.entry.displayName} answered with a body that is not the expected API response.`,
    {
      provider: ctx.entry.id,
      reason: 'invalid_body',
    },
  )
}
