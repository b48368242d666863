/** `test <id>` and `test --all` (DESIGN §9): the cheapest authenticated call per credential. */
import type { TestLimits } from '../../src-preload/contract'
import { TEST_ALL_CONCURRENCY } from '../../src-preload/contract/test-all'
import { defineCommand, invalid, type CliCommand } from '../command'
import { EXIT } from '../exit-codes'
import { plural } from '../format'
import { safeText } from '../safe-text'

type TestJson = {
  credentialId: string
  provider: string | null
  ok: boolean
  code: string
  message: string
  latencyMs: number
  /** Rate-limit / quota signals (issue 12): every field null when unknown; null when none. */
  limits: TestLimits | null
}
const testJson = (r: TestJson): TestJson => ({
  credentialId: r.credentialId,
  provider: r.provider,
  ok: r.ok,
  code: r.code,
  message: r.message,
  latencyMs: r.latencyMs,
  limits: r.limits
    ? {
        remaining: r.limits.remaining,
        limit: r.limits.limit,
        resetAt: r.limits.resetAt,
        credit: r.limits.credit,
      }
    : null,
})

export const testCommands: CliCommand[] = [
  defineCommand({
    name: 'test',
    usage: '<id> | --all [--concurrency N]',
    summary: 'Test credentials with the cheapest authenticated call; --all runs them in parallel',
    flags: { all: { type: 'boolean' }, concurrency: { type: 'string' } },
    positionals: [0, 1],
    run: async ({ app, positionals, flags, io }) => {
      const tests = app().tests
      if (flags.all) {
        if (positionals.length) throw invalid('give an id or --all, not both')
        const { min, max } = TEST_ALL_CONCURRENCY
        const concurrency =
          flags.concurrency === undefined ? TEST_ALL_CONCURRENCY.default : Number(flags.concurrency)
        if (!Number.isInteger(concurrency) || concurrency < min || concurrency > max)
          throw invalid(`--concurrency takes ${min} to ${max}`, 'concurrency')
        const run = await tests.testAll({
          concurrency,
          onResult: (r) =>
            io.err(`${r.ok ? '✓' : '✗'} ${r.provider} ${r.credentialId}: ${safeText(r.message)}`),
        })
        return { results: run.results.map(testJson), elapsedMs: run.elapsedMs }
      }
      if (!positionals[0]) throw invalid('give a credential id, or --all')
      const r = await tests.testOne(positionals[0])
      if (!io.json && r.hint) io.err(`hint: ${safeText(r.hint)}`)
      return testJson(r)
    },
    human: (r, io) => {
      if ('results' in r) {
        const all = r
        const failed = all.results.filter((x) => !x.ok).length
        io.err(
          `${plural(all.results.length, 'credential')} tested in ${all.elapsedMs} ms: ${all.results.length - failed} working, ${failed} failing`,
        )
        return
      }
      io.out(`${r.ok ? '✓' : '✗'} ${r.message} (${r.code}, ${r.latencyMs} ms)`)
      const l = r.limits
      if (l) {
        const parts = [
          l.remaining !== null
            ? `requests left ${l.remaining}${l.limit !== null ? `/${l.limit}` : ''}`
            : '',
          l.resetAt ? `resets ${l.resetAt}` : '',
          l.credit !== null ? `credit ${l.credit}` : '',
        ].filter(Boolean)
        if (parts.length) io.out(`  ${parts.join(' · ')}`)
      }
    },
    exitCode: (r) => {
      const results = 'results' in r ? r.results : [r]
      return results.every((x) => x.ok) ? EXIT.ok : EXIT.failed
    },
  }),
]
