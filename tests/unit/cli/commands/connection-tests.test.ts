/**
 * `test <id>` and `test --all` (src-cli/commands/connection-tests): DESIGN §9's test JSON with the
 * rate-limit signals, the human line, exit 1 for a failing key, and the usage refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testCommands } from '../../../../src-cli/commands/connection-tests'
import { runTable } from '../../../fixtures/cli-in-process'
import { cliWorld } from './world'

let world: Awaited<ReturnType<typeof cliWorld>>
let good = ''
let bad = ''
beforeAll(async () => {
  // OpenAI's rate-limit headers (platform.openai.com/docs/guides/rate-limits).
  world = await cliWorld({
    headers: { 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '499' },
  })
  good = await world.addCredential()
  bad = await world.addCredential('sk-proj-wrongKEY0000000000000000abcd')
})
afterAll(() => world.close())

const run = (...args: string[]) => runTable(testCommands, args, world.env)

describe('switchboard test', () => {
  it('prints exactly the test fields, with the limits the answer carried', async () => {
    const r = await run('--json', 'test', good)
    expect(r.code).toBe(0)
    expect(Object.keys(r.json)).toEqual([
      'credentialId',
      'provider',
      'ok',
      'code',
      'message',
      'latencyMs',
      'limits',
    ])
    expect(r.json).toMatchObject({ credentialId: good, provider: 'openai', ok: true, code: 'ok' })
    expect(r.json.limits).toMatchObject({ remaining: 499, limit: 500 })
  })

  it('tells people the result and the requests left, and exits 1 for a rejected key', async () => {
    const ok = await run('test', good)
    expect(ok.stdout).toMatch(/^✓ .*\(ok, \d+ ms\)/)
    expect(ok.stdout).toContain('requests left 499/500')
    const no = await run('test', bad)
    expect(no.code).toBe(1)
    expect(no.stdout).toMatch(/^✗ .*\(auth_invalid, \d+ ms\)/)
    expect(no.stderr).toContain('hint:')
  })

  it('tests every credential with --all, counting the failing ones', async () => {
    const json = await run('--json', 'test', '--all', '--concurrency', '2')
    expect(json.code).toBe(1)
    expect(json.json.results.map((x: { ok: boolean }) => x.ok).sort()).toEqual([false, true])
    const human = await run('test', '--all')
    expect(human.stderr).toContain('2 credentials tested')
    expect(human.stderr).toContain('1 working, 1 failing')
  })

  it('refuses a concurrency out of range, an id with --all, and neither', async () => {
    const range = await run('--json', 'test', '--all', '--concurrency', '0')
    expect(range.code).toBe(2)
    expect(range.json.error).toMatchObject({ code: 'validation', params: { field: 'concurrency' } })
    expect((await run('--json', 'test', good, '--all')).json.error.message).toContain('not both')
    expect((await run('--json', 'test')).json.error.message).toContain('give a credential id')
  })
})
