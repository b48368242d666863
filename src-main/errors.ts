/**
 * Errors are values with stable codes (DESIGN §6). Services throw AppError; the IPC dispatcher
 * and the CLI turn it into `{ code, message, params }`. Anything else becomes `internal` with a
 * generic message, so a stack trace or an upstream body never reaches a person unscrubbed.
 */
import type { ErrorBody, ErrorCode, ErrorParams } from '../src-preload/contract'
import { scrubUpstream } from './secrets/scrub'

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

/**
 * Removes anything that looks like a secret from a text, then collapses and truncates it: the one
 * scrubber (`secrets/scrub.ts`), which redacts every encoding of the given secrets before the
 * generic patterns and before anything is cut.
 */
export function scrub(text: string, secrets: readonly string[] = [], max = 200): string {
  return scrubUpstream(text, secrets, max)
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
