/**
 * One connection test's outcome as a result: scrubbed of the credential's secrets, with a hint
 * and the limits it carried. A provider failure is a result; only Switchboard's own state
 * (vault locked, credential gone, cancel) is rethrown.
 */
import type { ConnectionTestView } from '../../src-preload/contract/credentials'
import { testCodes, type ErrorParams, type TestCode } from '../../src-preload/contract/errors'
import { AppError } from '../errors'
import { hintFor } from '../net/classify-error'
import type { TestOutcome } from '../providers/adapter-types'
import type { ProviderId } from '../providers/catalog-types'
import type { Scrubber } from '../secrets/scrubber'
import { mergeLimits } from '../providers/limits'

/** One test's result, as the CLI prints it and the UI shows it: the IPC view, provider typed. */
export interface ConnectionTestResult extends ConnectionTestView {
  /** Null only when the credential could not be decrypted and its provider is unknown here. */
  provider: ProviderId | null
}

/** Errors about Switchboard's own state: they propagate instead of becoming a result. */
// A wrong master key is the vault's problem, not one credential's: the caller says so once
// (CLI exit 3, the UI's vault banner) instead of a failed result per credential.
export const RETHROWN: ReadonlySet<string> = new Set([
  'vault_locked',
  'vault_wrong_key',
  'not_found',
  'store_corrupt',
  'store_locked',
  'cancelled',
  'validation',
])

/** A result from an outcome, its texts scrubbed by `scrubber`, timed from `started`. */
export function buildResult(
  id: string,
  provider: ProviderId | null,
  started: number,
  scrubber: Scrubber,
  outcome: Pick<TestOutcome, 'code' | 'message' | 'hint' | 'params' | 'details' | 'limits'>,
): ConnectionTestResult {
  const params: ErrorParams = Object.fromEntries(
    Object.entries(outcome.params ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' ? scrubber.upstream(v) : v,
    ]),
  )
  const hint = outcome.hint ?? hintFor(outcome.code, outcome.params) ?? null
  return {
    credentialId: id,
    provider,
    ok: outcome.code.startsWith('ok'),
    code: outcome.code,
    message: scrubber.upstream(outcome.message, 500),
    hint: hint ? scrubber.upstream(hint, 500) : null,
    params,
    latencyMs: Math.round(performance.now() - started),
    details: outcome.details ?? null,
    // A credit the adapter reported in its details counts as a quota signal too.
    limits: mergeLimits(outcome.limits, { credit: outcome.details?.credit ?? null }),
  }
}

const TEST_CODES: ReadonlySet<string> = new Set(testCodes)

/**
 * Adapters should not throw from test(), but a coded AppError still becomes a result; anything
 * else is reported as a server error without its raw text (it may hold a key).
 */
export function thrownToOutcome(err: unknown): TestOutcome {
  if (err instanceof AppError && err.code === 'cancelled') throw err
  if (err instanceof AppError && RETHROWN.has(err.code)) throw err
  if (err instanceof AppError && TEST_CODES.has(err.code)) {
    return { code: err.code as TestCode, message: err.message, params: err.params }
  }
  return { code: 'server_error', message: 'The test failed unexpectedly.' }
}
