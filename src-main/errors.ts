/**
 * Errors are values with stable codes (DESIGN §6). Services throw AppError; the IPC dispatcher
 * and the CLI turn it into `{ code, message, params }`. Anything else becomes `internal` with a
 * generic message, so a stack trace or an upstream body never reaches a person unscrubbed.
 */
import type { ErrorBody, ErrorCode, ErrorParams } from '../src-preload/contract'

/** A failure with a stable code; `message` is safe English, `params` feed the translation. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

const MAX_UPSTREAM = 200

/**
 * Removes anything that looks like a secret from a text: the given known secrets (and their
 * base64), `Bearer …`, `sk-…`-style keys, `key=`/`token=` query parameters, then truncates.
 */
export function scrub(text: string, secrets: readonly string[] = [], max = MAX_UPSTREAM): string {
  let out = text
  for (const s of secrets) {
    if (!s || s.length < 4) continue
    for (const form of [s, Buffer.from(s).toString('base64'), encodeURIComponent(s)]) {
      out = out.split(form).join('[redacted]')
    }
  }
  out = out
    .replace(/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/gi, '$1 [redacted]')
    .replace(/\b(sk|pk|rk|gsk|xai|pplx|sk-ant|sk-or)-[A-Za-z0-9_-]{8,}/g, '[redacted]')
    .replace(/\bAIza[0-9A-Za-z_-]{20,}/g, '[redacted]')
    .replace(
      /([?&](?:key|api[_-]?key|token|access_token|secret|password)=)[^&\s"']+/gi,
      '$1[redacted]',
    )
    .replace(
      /("?(?:api[_-]?key|x-api-key|authorization|xi-api-key)"?\s*[:=]\s*"?)[^"\s,}]+/gi,
      '$1[redacted]',
    )
  return out.length > max ? `${out.slice(0, max - 1)}…` : out
}

/** Maps any thrown value to the error half of the envelope; unknown errors become `internal`. */
export function toErrorBody(err: unknown, secrets: readonly string[] = []): ErrorBody {
  if (err instanceof AppError) {
    const body: ErrorBody = { code: err.code, message: scrub(err.message, secrets, 500) }
    if (err.params) {
      body.params = Object.fromEntries(
        Object.entries(err.params).map(([k, v]) => [
          k,
          typeof v === 'string' ? scrub(v, secrets) : v,
        ]),
      )
    }
    return body
  }
  return { code: 'internal', message: 'Something went wrong inside Switchboard.' }
}

/** Shorthand constructors for the common codes. */
export const fail = {
  validation: (message: string, params?: ErrorParams) =>
    new AppError('validation', message, params),
  notFound: (message: string, params?: ErrorParams) => new AppError('not_found', message, params),
  conflict: (message: string, params?: ErrorParams) => new AppError('conflict', message, params),
  unsupported: (message: string, params?: ErrorParams) =>
    new AppError('unsupported', message, params),
}
