/**
 * One test-all concurrency range and default (src-preload/contract/test-all.ts, issue 13): the
 * IPC request schema and the CLI's `--concurrency` accept and refuse the same numbers.
 */
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src-cli/main'
import { credentialsChannels } from '../../../src-preload/contract/credentials'
import { TEST_ALL_CONCURRENCY } from '../../../src-preload/contract/test-all'
import { tmpHome } from '../../support/home'

const { min, max } = TEST_ALL_CONCURRENCY
const ipcAccepts = (concurrency: number) =>
  credentialsChannels['credentials:testAll'].request.safeParse({ concurrency }).success

async function cliRefuses(concurrency: number) {
  const out: string[] = []
  const code = await runCli(
    ['--json', 'test', '--all', '--concurrency', String(concurrency)],
    {
      out: (t) => void out.push(t),
      err: () => undefined,
      readStdin: async () => '',
      env: {
        SWITCHBOARD_HOME: tmpHome('sb-test-all-'),
        SWITCHBOARD_ENCRYPTION_KEY: 'test-all range',
      },
    },
    { version: '1' },
  )
  return (
    code === 2 && JSON.parse(out.join('')).error.message === `--concurrency takes ${min} to ${max}`
  )
}

describe('the test-all concurrency range', () => {
  it('is one range with its default inside it', () => {
    expect(min).toBe(1)
    expect(TEST_ALL_CONCURRENCY.default).toBeGreaterThanOrEqual(min)
    expect(TEST_ALL_CONCURRENCY.default).toBeLessThanOrEqual(max)
  })

  it('bounds IPC and the CLI alike', async () => {
    for (const n of [min, TEST_ALL_CONCURRENCY.default, max]) {
      expect([n, ipcAccepts(n)]).toEqual([n, true])
      expect([n, await cliRefuses(n)]).toEqual([n, false])
    }
    for (const n of [min - 1, max + 1]) {
      expect([n, ipcAccepts(n)]).toEqual([n, false])
      expect([n, await cliRefuses(n)]).toEqual([n, true])
    }
  })
})
