/**
 * What the credentials domain's connection tests answer (DESIGN §5, issue 12): one result, a
 * test-all run, and the last result as stored. Plain types; the channels are in ./credentials.
 */
import type { ErrorParams, TestCode } from './errors'

/**
 * Rate-limit and quota signals of a test call (issue 12): requests left of the window's limit,
 * when it resets (ISO time), and credit left where the provider reports it. Unknown → null.
 */
export interface TestLimits {
  remaining: number | null
  limit: number | null
  resetAt: string | null
  credit: number | null
}

/** One connection test's result (DESIGN §5): the CLI `test` JSON plus hint, params, details. */
export interface ConnectionTestView {
  credentialId: string
  provider: string | null
  ok: boolean
  code: TestCode
  message: string
  hint: string | null
  params: ErrorParams
  latencyMs: number
  details: { modelCount?: number; credit?: number | null } | null
  /** Rate-limit / quota signals the test call carried; null when it carried none. */
  limits: TestLimits | null
}

/** `credentials:testAll`: every result in credential order, and the run's wall time. */
export interface TestAllView {
  results: ConnectionTestView[]
  elapsedMs: number
  cancelled: boolean
}

/**
 * `credentials:lastTestsIfChanged`'s answer: the results' version, and the results unless the
 * caller already holds that version (`lastTests: null`, keep yours).
 */
export interface LastTestsUpdate {
  version: string
  lastTests: Record<string, LastTestView> | null
}

/** A credential's last test as stored (shown as a badge with its age). */
export interface LastTestView {
  code: TestCode
  message: string
  at: string
  latencyMs: number
  limits?: TestLimits | null
}
