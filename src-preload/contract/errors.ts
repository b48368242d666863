import { z } from 'zod'

/** Connection-test outcomes that mean the key works (DESIGN §5). */
export const okTestCodes = [
  'ok',
  'ok_rate_limited',
  'ok_test_model_unavailable',
  'ok_listing_unsupported',
] as const

/** Connection-test outcomes that are failures; each is an error code too. */
export const failedTestCodes = [
  'auth_invalid',
  'auth_forbidden',
  'not_configured',
  'network',
  'timeout',
  'url_blocked',
  'server_error',
  'decryption_error',
] as const

/** Outcome codes of a connection test (DESIGN §5); the `ok*` ones mean the key works. */
export const testCodes = [...okTestCodes, ...failedTestCodes] as const
export const TestCode = z.enum(testCodes)
export type TestCode = z.infer<typeof TestCode>

/** Every stable error code shared by IPC, CLI `--json` and logs (DESIGN §6). */
export const errorCodes = [
  ...failedTestCodes,
  'validation',
  'forbidden_sender',
  'not_found',
  'conflict',
  'vault_locked',
  'vault_wrong_key',
  'store_corrupt',
  'store_locked',
  'unsupported',
  'cancelled',
  'internal',
] as const
export const ErrorCode = z.enum(errorCodes)
/** Derived from the list: adding a code is one edit (issue 13). */
export type ErrorCode = z.infer<typeof ErrorCode>

/** Interpolation values of a translated message; never a secret. */
export type ErrorParams = Record<string, string | number>

/** The error half of the IPC envelope: a code to translate, a safe English message, params. */
export interface ErrorBody {
  code: ErrorCode
  message: string
  params?: ErrorParams
}

/** What every IPC call answers (DESIGN §2). */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }
