/**
 * The built `switchboard` command, run as a subprocess the way scripts run it: JSON shapes of
 * DESIGN §9, exit codes, secrets only from stdin and never in any output, and a real fake
 * provider behind `test` and `discover`.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, ensureBuilt } from '../../fixtures/built'
import { startOpenAiServer } from '../../fixtures/openai-server'

const KEY = 'sk-proj-cliTESTkey000000000000abcd'
const CREDENTIAL_KEYS = [
  'id',
  'provider',
  'name',
  'baseUrl',
  'endpoint',
  'apiVersion',
  'project',
  'location',
  'credentialsPath',
  'numCtx',
  'isPrimary',
  'hasKey',
  'keyHint',
  'modelCount',
  'status',
  'createdAt',
  'updatedAt',
]

interface Run {
  code: number
  stdout: string
  stderr: string
  json: unknown
}
const outputs: string[] = []

function cli(
  args: string[],
  opts: { stdin?: string; env?: Record<string, string | undefined>; home: string },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      SWITCHBOARD_HOME: opts.home,
      SWITCHBOARD_ENCRYPTION_KEY: 'cli test passphrase',
    }
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k]
      else env[k] = v
    }
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/switchboard.cjs'), ...args], {
      env,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      outputs.push(stdout, stderr)
      let json: unknown = undefined
      try {
        json = JSON.parse(stdout)
      } catch {
        /* human output */
      }
      resolve({ code: code ?? -1, stdout, stderr, json })
    })
    child.stdin.end(opts.stdin ?? '')
  })
}

let home: string
let server: Awaited<ReturnType<typeof startOpenAiServer>>
beforeAll(async () => {
  ensureBuilt()
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-cli-int-'))
  server = await startOpenAiServer({
    key: KEY,
    prefix: '/v1',
    // OpenAI's rate-limit headers (platform.openai.com/docs/guides/rate-limits, "Rate limits in
    // headers"): the test call carries them, `test --json` reports them (issue 12).
    headers: {
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '499',
      'x-ratelimit-reset-requests': '120ms',
    },
  })
}, 120_000)
afterAll(async () => {
  await server.close()
  // The key went in through stdin only: no command printed it, and no file holds it.
  for (const text of outputs) {
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'))
  }
  for (const f of fs.readdirSync(home)) {
    const p = path.join(home, f)
    if (fs.statSync(p).isFile()) expect(fs.readFileSync(p, 'utf8')).not.toContain(KEY)
  }
})

describe('switchboard CLI (built binary)', () => {
  let id = ''

  it('adds a credential with the key from stdin and prints the credential object', async () => {
    const r = await cli(
      ['--json', 'add', 'openai', '--name', 'CLI key', '--base-url', server.url, '--key-stdin'],
      { stdin: `  ${KEY}\n`, home },
    )
    expect(r.code).toBe(0)
    expect(Object.keys(r.json as object)).toEqual(CREDENTIAL_KEYS)
    expect(r.json).toMatchObject({
      provider: 'openai',
      name: 'CLI key',
      hasKey: true,
      keyHint: 'abcd',
      isPrimary: true,
      status: 'ok',
      modelCount: 0,
      numCtx: null,
    })
    id = (r.json as { id: string }).id
  })

  it('lists, shows and updates only what was given', async () => {
    const list = await cli(['--json', 'list'], { home })
    expect(list.code).toBe(0)
    expect(list.json).toHaveLength(1)
    const show = await cli(['--json', 'show', id], { home })
    expect(show.json).toEqual((list.json as unknown[])[0])
    const upd = await cli(['--json', 'update', id, '--name', 'Renamed'], { home })
    expect(upd.json).toMatchObject({ name: 'Renamed', keyHint: 'abcd', baseUrl: server.url })
  })

  it('tests the credential against the provider: ok exits 0 with the test JSON', async () => {
    const r = await cli(['--json', 'test', id], { home })
    expect(r.code).toBe(0)
    expect(Object.keys(r.json as object).sort()).toEqual([
      'code',
      'credentialId',
      'latencyMs',
      'limits',
      'message',
      'ok',
      'provider',
    ])
    expect(r.json).toMatchObject({
      credentialId: id,
      provider: 'openai',
      ok: true,
      code: 'ok',
      limits: { remaining: 499, limit: 500, resetAt: expect.any(String), credit: null },
    })
  })

  it('test --all prints {results, elapsedMs}', async () => {
    const r = await cli(['--json', 'test', '--all'], { home })
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({
      results: [{ credentialId: id, ok: true }],
      elapsedMs: expect.any(Number),
    })
  })

  it('discovers, registers, lists models and sets defaults', async () => {
    const d = await cli(['--json', 'discover', id], { home })
    expect(d.code).toBe(0)
    expect(d.json).toMatchObject({ credentialId: id, provider: 'openai', error: null })
    const names = (d.json as { models: { name: string; type: string }[] }).models.map(
      (m) => `${m.name}:${m.type}`,
    )
    expect(names).toEqual(
      expect.arrayContaining([
        'gpt-4o-mini:language',
        'text-embedding-3-small:embedding',
        'whisper-1:speech_to_text',
      ]),
    )
    const reg = await cli(
      [
        '--json',
        'register',
        id,
        '--model',
        'gpt-4o-mini',
        '--model',
        'text-embedding-3-small:embedding',
      ],
      { home },
    )
    expect(reg.code).toBe(0)
    expect((reg.json as { created: unknown[] }).created).toHaveLength(2)
    const again = await cli(['--json', 'register', id, '--model', 'GPT-4O-MINI:language'], { home })
    expect(again.json).toMatchObject({ created: [], existing: [{ name: 'gpt-4o-mini' }] })
    const models = await cli(['--json', 'models', '--type', 'language'], { home })
    expect(models.json).toEqual([
      {
        id: expect.any(String),
        name: 'gpt-4o-mini',
        provider: 'openai',
        type: 'language',
        credentialId: id,
      },
    ])
    const auto = await cli(['--json', 'defaults', 'auto'], { home })
    expect(auto.code).toBe(0)
    const defaults = await cli(['--json', 'defaults'], { home })
    expect(Object.keys(defaults.json as object).sort()).toEqual([
      'chat',
      'embedding',
      'largeContext',
      'speechToText',
      'textToSpeech',
      'tools',
      'transformation',
    ])
    expect(defaults.json).toMatchObject({
      chat: (models.json as { id: string }[])[0]!.id,
      textToSpeech: null,
    })
  })

  it('human discover marks the models the provider guide recommends; --json keeps §9', async () => {
    const d = await cli(['discover', id], { home })
    expect(d.code).toBe(0)
    const rows = d.stdout.trim().split('\n')
    expect(rows[0]).toMatch(/^NAME\s+TYPE\s+REGISTERED\s+RECOMMENDED FOR$/)
    const row = (name: string) => rows.find((r) => r.startsWith(`${name} `)) ?? ''
    // recommended.ts (openai): gpt-4o-mini is the listed pick for chat, transformation, tools;
    // text-embedding-3-small for embedding; whisper-1 for speechToText.
    expect(row('gpt-4o-mini')).toMatch(/★ chat, transformation, tools$/)
    expect(row('text-embedding-3-small')).toMatch(/★ embedding$/)
    expect(row('whisper-1')).toMatch(/★ speechToText$/)
    expect(d.stderr).toContain('3 recommended')
    const j = await cli(['--json', 'discover', id], { home })
    for (const m of (j.json as { models: object[] }).models)
      expect(Object.keys(m)).toEqual(['id', 'name', 'type', 'registered'])
  })

  it('a 401 during discovery prints the error and exits 1', async () => {
    const bad = await cli(
      ['--json', 'add', 'openai', '--name', 'Bad', '--base-url', server.url, '--key-stdin'],
      { stdin: 'sk-wrong-key-000000000000', home },
    )
    const badId = (bad.json as { id: string }).id
    const d = await cli(['--json', 'discover', badId], { home })
    expect(d.code).toBe(1)
    expect(d.json).toMatchObject({ models: [], error: { code: 'auth_invalid' } })
    const t = await cli(['--json', 'test', badId], { home })
    expect(t.code).toBe(1)
    expect(t.json).toMatchObject({ ok: false, code: 'auth_invalid' })
    expect((await cli(['--json', 'remove', badId], { home })).code).toBe(0)
  })

  it('exits 2 on usage and validation errors, changing nothing', async () => {
    const before = fs.readFileSync(path.join(home, 'switchboard.json'), 'utf8')
    for (const args of [
      ['add', 'nonsense', '--name', 'x'],
      ['add', 'openai'],
      ['frobnicate'],
      ['show'],
      ['defaults', 'set', 'nope', 'none'],
      ['models', '--type', 'pictures'],
    ]) {
      const r = await cli(['--json', ...args], { home })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.json, args.join(' ')).toMatchObject({
        error: { code: 'validation', message: expect.any(String) },
      })
    }
    expect(fs.readFileSync(path.join(home, 'switchboard.json'), 'utf8')).toBe(before)
  })

  it('exits 1 for a missing credential', async () => {
    const r = await cli(['--json', 'show', 'no-such-id'], { home })
    expect(r.code).toBe(1)
    expect(r.json).toMatchObject({ error: { code: 'not_found' } })
  })

  it('with a wrong master key, metadata commands work and secret commands exit 3', async () => {
    const env = { SWITCHBOARD_ENCRYPTION_KEY: 'not the right passphrase' }
    const list = await cli(['--json', 'list'], { home, env })
    expect(list.code).toBe(0)
    expect((list.json as { status: string }[])[0]!.status).toBe('decryption_error')
    expect((await cli(['--json', 'models'], { home, env })).code).toBe(0)
    expect((await cli(['--json', 'defaults'], { home, env })).code).toBe(0)
    const t = await cli(['--json', 'test', id], { home, env })
    expect(t.code).toBe(3)
    expect(t.json).toMatchObject({ error: { code: 'vault_wrong_key' } })
  })

  it('with no master key anywhere, adding a secret exits 3 and writes nothing', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-cli-locked-'))
    const env = { SWITCHBOARD_ENCRYPTION_KEY: undefined, DBUS_SESSION_BUS_ADDRESS: undefined }
    const r = await cli(['--json', 'add', 'openai', '--name', 'x', '--key-stdin'], {
      stdin: KEY,
      home: fresh,
      env,
    })
    expect(r.code).toBe(3)
    expect(r.json).toMatchObject({ error: { code: 'vault_locked' } })
    expect(fs.existsSync(path.join(fresh, 'switchboard.json'))).toBe(false)
    const status = await cli(['--json', 'vault', 'status'], { home: fresh, env })
    expect(status.code).toBe(3)
    expect(status.json).toMatchObject({ state: 'locked', source: null })
  })

  it('prints providers from the catalog and the vault status', async () => {
    const p = await cli(['--json', 'providers'], { home })
    expect((p.json as { id: string }[]).map((x) => x.id)).toHaveLength(23)
    const v = await cli(['--json', 'vault', 'status'], { home })
    expect(v.json).toMatchObject({ state: 'unlocked', source: 'env' })
  })

  it('removes a credential with its models and the slots that used them', async () => {
    const r = await cli(['--json', 'remove', id], { home })
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({
      id,
      deletedModels: 2,
      clearedSlots: expect.arrayContaining(['chat', 'embedding']),
    })
    expect((await cli(['--json', 'list'], { home })).json).toEqual([])
  })
})
