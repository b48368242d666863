/**
 * `add` / `update --key-stdin` in human mode (issue 16): what the one trimming rule removed and a
 * soft warning for an unusual key shape go to stderr; the key is saved anyway, trimmed (its hint
 * is the clean key's last four characters); `--json` output and stderr stay as they were.
 * The lines are src-cli/key-notices's (quotes / whitespace note, shape warning, echo's newline
 * not worth a note).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src-cli/main'

const OPENAI = `sk-proj-${'Ab1'.repeat(10)}T3BlbkFJ${'Cd2'.repeat(10)}wxyz`
const homes: string[] = []
afterEach(() => {
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true })
})

function env() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-cli-notice-'))
  homes.push(home)
  return { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'cli notice passphrase' }
}

async function run(args: string[], e: NodeJS.ProcessEnv, stdin = '') {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    args,
    {
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      readStdin: async () => stdin,
      env: e,
    },
    { version: '0.0.0-test' },
  )
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('CLI key notices', () => {
  it('says what trimming removed, warns about another provider’s key, and saves it trimmed', async () => {
    const e = env()
    const r = await run(['add', 'anthropic', '--name', 'Oops', '--key-stdin'], e, `  "${OPENAI}"\n`)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('note: removed whitespace and quotes around the key.')
    expect(r.stderr).toMatch(
      /warning: the key does not have the usual shape of Anthropic keys \(sk-ant-api03-…\); it has the shape of OpenAI keys/,
    )
    expect(r.stderr).not.toContain(OPENAI)
    const id = r.stdout.trim()
    const show = await run(['--json', 'show', id], e)
    expect(JSON.parse(show.stdout)).toMatchObject({ hasKey: true, keyHint: 'wxyz' })
  })

  it('is silent for a clean key of the right shape (the trailing newline of echo is expected)', async () => {
    const r = await run(['add', 'openai', '--name', 'Fine', '--key-stdin'], env(), `${OPENAI}\n`)
    expect(r.code).toBe(0)
    expect(r.stderr).not.toMatch(/note:|warning:/)
  })

  it('update --key-stdin notices too, against the stored credential’s provider', async () => {
    const e = env()
    const add = await run(['add', 'openai', '--name', 'K', '--key-stdin'], e, OPENAI)
    const id = add.stdout.trim()
    const r = await run(['update', id, '--key-stdin'], e, "'not-a-key'")
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('note: removed quotes around the key.')
    expect(r.stderr).toContain('warning: the key does not have the usual shape of OpenAI keys')
  })

  it('leaves --json exactly as before: no notices, the credential object on stdout', async () => {
    const r = await run(
      ['--json', 'add', 'anthropic', '--name', 'J', '--key-stdin'],
      env(),
      `"${OPENAI}"`,
    )
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({ provider: 'anthropic', keyHint: 'wxyz' })
  })

  it('refuses a key that is only quotes and whitespace as empty', async () => {
    const r = await run(['--json', 'add', 'openai', '--name', 'E', '--key-stdin'], env(), ' "" \n')
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'validation' } })
  })
})
