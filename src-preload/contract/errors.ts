import { z } from 'zod'

/** Outcome codes of a connection test (DESIGN §5); the `ok*` ones mean the key works. */
export const testCodes = [
  'ok',
  'ok_rate_limited',
  'ok_test_model_unavailable',
  'ok_listing_unsupported',
  'auth_invalid',
  'auth_forbidden',
  'not_configured',
  'network',
  'timeout',
  'url_blocked',
  'server_error',
  'decryption_error',
] as const
export const TestCode = z.enum(testCodes)
export type TestCode = z.infer<typeof TestCode>

/** Every stable error code shared by IPC, CLI `--json` and logs (DESIGN §6). */
export const errorCodes = [
  ...testCodes.filter((c) => !c.startsWith('ok')),
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
export const ErrorCode = z.enum(
  errorCodes as unknown as readonly [Exclude<TestCode, `ok${string}`>, ...string[]],
)
export type ErrorCode =
  | Exclude<
      TestCode,
      'ok' | 'ok_rate_limited' | 'ok_test_model_unavailable' | 'ok_listing_unsupported'
    >
  | 'validation'
  | 'forbidden_sender'
  | 'not_found'
  | 'conflict'
  | 'vault_locked'
  | 'vault_wrong_key'
  | 'store_corrupt'
  | 'store_locked'
  | 'unsupported'
  | 'cancelled'
  | 'internal'

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
