/**
 * A connection test's one call: whatever the provider answers or the network does, an outcome
 * (never a throw, except for cancellation), with the answer's rate-limit headers.
 */
import { mergeLimits } from '../limits'
import type { AdapterContext, DecryptedCredential, TestOutcome } from '../adapter-types'
import type { BodyRule } from './failure-code'
import { call, displayUrl, type Answer, type CallSpec } from './http'
import { errorOutcome, failureOutcome, type FailureFacts } from './outcome'
import { codeForStatus } from './failure-code'

/**
 * Runs a connection test call: 2xx → `onOk(answer)`, other statuses → the shared code table
 * (after `onStatus` for provider quirks such as a compat server's 404 listing), thrown
 * AppErrors → their outcome. Never throws except for cancellation.
 */
export async function probe(
  ctx: AdapterContext,
  cred: DecryptedCredential,
  spec: CallSpec,
  opts: {
    secrets: readonly string[]
    rule?: BodyRule
    onOk: (answer: Answer, facts: FailureFacts) => TestOutcome
    onStatus?: (answer: Answer, facts: FailureFacts) => TestOutcome | null
  },
): Promise<TestOutcome> {
  const facts: FailureFacts = { entry: ctx.entry, secrets: opts.secrets, url: displayUrl(spec.url) }
  try {
    const answer = await call(ctx, cred, spec)
    const f = { ...facts, status: answer.status, body: answer.text }
    if (answer.status >= 200 && answer.status < 300) return withLimits(opts.onOk(answer, f), answer)
    const special = opts.onStatus?.(answer, f)
    if (special) return withLimits(special, answer)
    return withLimits(
      failureOutcome(codeForStatus(answer.status, answer.text, opts.rule), f),
      answer,
    )
  } catch (err) {
    return errorOutcome(err, facts)
  }
}

/** The outcome with the answer's rate-limit headers added (what the outcome knew wins). */
export function withLimits(o: TestOutcome, answer: Pick<Answer, 'limits'>): TestOutcome {
  const limits = mergeLimits(o.limits, answer.limits)
  return limits ? { ...o, limits } : o
}
