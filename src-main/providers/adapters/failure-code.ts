/**
 * What a provider's answer means as a DESIGN §5 code: the status, a provider's own error-body
 * rule, and the causes an error body names whichever provider sends them (no credit left, a
 * restricted key, an API switched off). outcome.ts turns the code into words.
 */
import type { TestCode } from '../../../src-preload/contract/errors'

/** Reads a provider-specific error body (e.g. Google's 400 `API_KEY_INVALID`) into a code. */
export type BodyRule = (status: number, body: string) => TestCode | null

/**
 * Causes an error body names that deserve their own words, whichever provider sends them:
 * - `quota`: the key is fine but the account has no credit or quota left (402 from PPQ,
 *   DeepSeek, OpenRouter; OpenAI's 429 `insufficient_quota`; Anthropic's 400 "credit balance
 *   is too low") — nothing will work until it is topped up, so it is not a rate limit;
 * - `missing_scope`: an OpenAI restricted key without the permission the call needs answers 401
 *   "Missing scopes: api.model.read" (openai/codex#31506, anomalyco/opencode#21928) — the key
 *   is valid, it is a permissions problem.
 */
export type FailureReason =
  | { reason: 'quota' }
  | { reason: 'missing_scope'; scope: string }
  | { reason: 'service_disabled' }
  | { reason: 'api_restricted' }

const QUOTA =
  /insufficient_quota|exceeded your current quota|credit balance is too low|insufficient[ _](?:credits?|balance)|insufficient credit/i

/** The cause an error body names, if it is one of FailureReason's. */
export function failureReason(status: number, body: string | undefined): FailureReason | null {
  if (!body) return status === 402 ? { reason: 'quota' } : null
  // Google's ErrorInfo reasons (403): the project has the API off, or the key's API
  // restrictions exclude it — fixed in the Cloud console, not by a new key.
  if (status === 403 && /"SERVICE_DISABLED"/.test(body)) return { reason: 'service_disabled' }
  if (status === 403 && /"API_KEY_SERVICE_BLOCKED"/.test(body)) return { reason: 'api_restricted' }
  if (status === 401 || status === 403) {
    const m = /missing scopes?:\s*([a-z0-9_.:, -]+?)(?:\.(?:\s|$)|"|$)/i.exec(body)
    if (m || /"missing_scope"/.test(body)) {
      return { reason: 'missing_scope', scope: (m?.[1] ?? '').trim().slice(0, 80) }
    }
  }
  if (status === 402 || ((status === 429 || status === 400 || status === 403) && QUOTA.test(body)))
    return { reason: 'quota' }
  return null
}

/** The code a status (and, through `rule`, the provider's error body) stands for. */
export function codeForStatus(status: number, body: string, rule?: BodyRule): TestCode {
  const fromBody = rule?.(status, body)
  if (fromBody) return fromBody
  if (status >= 200 && status < 300) return 'ok'
  // A valid key that may not do this (restricted scope) or has nothing left to spend.
  if (failureReason(status, body)) return 'auth_forbidden'
  if (status === 401) return 'auth_invalid'
  if (status === 403) return 'auth_forbidden'
  if (status === 429) return 'ok_rate_limited'
  return 'server_error'
}
