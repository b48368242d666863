/**
 * The built `switchboard gateway …` commands and `run --gateway`, run as subprocesses
 * (DESIGN §14): JSON shapes, the token printed once, `serve` announcing its URL and stopping
 * cleanly on SIGTERM, and a child that reaches a fake upstream through the gateway holding only
 * its own token (revoked when it exits). These are the commands of src-cli/commands/gateway.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../fixtures/built'
import { startFakeUpstream, type FakeUpstream } from '../../fixtures/gateway-upstream'
import { tmpHome } from '../../support/home'

const MASTER = 'cli gateway test passphrase'
const KEY = 'sk-test-fake-cli-gateway-key-0000000000'

interface Run {
  code: number
  stdout: string
  stderr: string
  json: unknown
}

const baseEnv = (home: string) => ({
  PATH: process.env.PATH ?? '',
  SWITCHBOARD_HOME: home,
  SWITCHBOARD_ENCRYPTION_KEY: MASTER,
})

function cli(args: string[], home: string, stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/switchboard.cjs'), ...args], {
      env: baseEnv(home),
      cwd: home,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      let json: unknown
      try {
        json = JSON.parse(stdout)
      } catch {
        /* human output */
      }
      resolve({ code: code ?? -1, stdout, stderr, json })
    })
    child.stdin.end(stdin)
  })
}

let up: FakeUpstream | null = null
afterEach(async () => {
  await up?.close()
  up = null
})

beforeAll(() => {
  execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'ignore' })
}, 120_000)

async function homeWithModel(): Promise<string> {
  const home = tmpHome('sb-gw-cli-')
  up = await startFakeUpstream('openai', KEY)
  const added = await cli(
    ['--json', 'add', 'openai', '--name', 'Fake', '--base-url', up.url, '--key-stdin'],
    home,
    KEY,
  )
  expect(added.code).toBe(0)
  const id = (added.json as { id: string }).id
  expect(
    (await cli(['--json', 'register', id, '--model', 'gpt-4o-mini:language'], home)).code,
  ).toBe(0)
  return home
}

describe('switchboard gateway token', () => {
  it('add prints {id,name,token,models,rpm,expiresAt} once; list never shows a token', async () => {
    const home = tmpHome('sb-gw-cli-')
    const add = await cli(
      [
        '--json',
        'gateway',
        'token',
        'add',
        '--name',
        'My app',
        '--model',
        'gpt-4o-mini',
        '--model',
        'default:chat',
        '--rpm',
        '60',
        '--expires-in',
        '7d',
      ],
      home,
    )
    expect(add.code).toBe(0)
    const t = add.json as Record<string, unknown>
    expect(Object.keys(t)).toEqual(['id', 'name', 'token', 'models', 'rpm', 'expiresAt'])
    expect(t).toMatchObject({ name: 'My app', models: ['gpt-4o-mini', 'default:chat'], rpm: 60 })
    expect(String(t.token)).toMatch(/^sbg_[A-Za-z0-9_-]{43}$/)
    const days = (Date.parse(String(t.expiresAt)) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    const list = await cli(['--json', 'gateway', 'token', 'list'], home)
    expect(list.code).toBe(0)
    expect(list.stdout).not.toContain(String(t.token))
    expect(list.stdout).not.toContain('hash')
    expect((list.json as { id: string }[]).map((x) => x.id)).toEqual([t.id])
    // The store keeps only the hash.
    expect(fs.readFileSync(path.join(home, 'switchboard.json'), 'utf8')).not.toContain(
      String(t.token),
    )
    const bad = await cli(
      ['--json', 'gateway', 'token', 'add', '--name', 'x', '--expires-in', 'soon'],
      home,
    )
    expect(bad.code).toBe(2)
    expect((bad.json as { error: { code: string } }).error.code).toBe('validation')
    expect((await cli(['--json', 'gateway', 'token', 'remove', String(t.id)], home)).code).toBe(0)
    expect((await cli(['--json', 'gateway', 'token', 'remove', String(t.id)], home)).code).toBe(1)
    expect((await cli(['--json', 'gateway', 'token', 'list'], home)).json).toEqual([])
  })
})

describe('switchboard gateway serve', () => {
  it('--json --port 0 prints one line with the URL, serves, and stops cleanly on SIGTERM', async () => {
    const home = await homeWithModel()
    const token = (
      (await cli(['--json', 'gateway', 'token', 'add', '--name', 'serve test'], home)).json as {
        token: string
      }
    ).token
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/switchboard.cjs'), '--json', 'gateway', 'serve', '--port', '0'],
      { env: baseEnv(home) },
    )
    let stdout = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d
        if (stdout.includes('\n'))
          resolve((JSON.parse(stdout.split('\n')[0]!) as { url: string }).url)
      })
      child.on('exit', (code) => reject(new Error(`exited ${code}`)))
    })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    })
    expect(res.status).toBe(200)
    await res.text()
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    // Usage was flushed on the way out.
    const usage = await cli(['--json', 'gateway', 'usage'], home)
    expect(usage.json).toEqual([
      {
        tokenId: expect.any(String),
        name: 'serve test',
        model: 'openai/gpt-4o-mini',
        requests: 1,
        errors: 0,
        inputTokens: 11,
        outputTokens: 3,
      },
    ])
  })
})

describe('switchboard run --gateway', () => {
  it('gives the child the gateway URL and its own token (never the key), revoked on exit', async () => {
    const home = await homeWithModel()
    const script = `
      const e = process.env
      const r = await fetch(e.OPENAI_BASE_URL + '/chat/completions', { method: 'POST',
        headers: { authorization: 'Bearer ' + e.OPENAI_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [] }) })
      console.log(JSON.stringify({ status: r.status, base: e.OPENAI_BASE_URL, ant: e.ANTHROPIC_BASE_URL,
        same: e.OPENAI_API_KEY === e.ANTHROPIC_API_KEY, key: e.OPENAI_API_KEY, master: e.SWITCHBOARD_ENCRYPTION_KEY ?? null }))`
    const run = await cli(
      [
        'run',
        '--gateway',
        '--model',
        'gpt-4o-mini',
        '--',
        process.execPath,
        '--input-type=module',
        '-e',
        script,
      ],
      home,
    )
    expect(run.code).toBe(0)
    const seen = JSON.parse(run.stdout) as Record<string, unknown>
    expect(seen.status).toBe(200)
    expect(String(seen.base)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(String(seen.ant)).toBe(String(seen.base).replace(/\/v1$/, ''))
    expect(seen.same).toBe(true)
    expect(String(seen.key)).toMatch(/^sbg_/)
    expect(seen.master).toBeNull()
    expect(run.stdout + run.stderr).not.toContain(KEY)
    expect((await cli(['--json', 'gateway', 'token', 'list'], home)).json).toEqual([])
  })
})
