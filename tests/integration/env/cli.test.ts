/**
 * The built `switchboard` command for migrate-env, env, run, export and import, run as a
 * subprocess the way scripts run it: DESIGN §9 JSON shapes, exit codes (0 / 1 / 2 / 3), `env`
 * output that reads back through `sh`, `run` handing the key to the child only, and backups whose
 * passphrase comes from stdin. These are the commands of src-cli/commands/env (passphrase from
 * stdin with one newline dropped, file arguments made absolute), and `run` goes through
 * src-cli/child (the child's exit code back, a missing command as not_found).
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../fixtures/built'
import { leakForms, tmpDir } from './helpers'

const MASTER = 'cli env test passphrase'
const KEY = `sk-it's "a" key with spaces $HOME ${'$'}(id) 0000`
const GEMINI = 'AIzaCliGeminiKey000000000000000007'
const BACKUP_PASS = 'cli backup passphrase'

interface Run {
  code: number
  stdout: string
  stderr: string
  json: unknown
}

function cli(
  args: string[],
  opts: { home: string; stdin?: string; env?: Record<string, string | undefined> },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      SWITCHBOARD_HOME: opts.home,
      SWITCHBOARD_ENCRYPTION_KEY: MASTER,
    }
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k]
      else env[k] = v
    }
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/switchboard.cjs'), ...args], {
      env,
      cwd: opts.home,
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
    child.stdin.end(opts.stdin ?? '')
  })
}

beforeAll(() => {
  // Only the CLI bundle is needed here; building it alone keeps this file fast.
  execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'ignore' })
}, 120_000)

describe('switchboard migrate-env', () => {
  it('--json prints exactly the four lists; --dry-run writes nothing; a second run skips', async () => {
    const home = tmpDir('sb-env-cli-')
    const env = { OPENAI_API_KEY: KEY, GEMINI_API_KEY: GEMINI }
    const dry = await cli(['--json', 'migrate-env', '--dry-run'], { home, env })
    expect(dry.code).toBe(0)
    expect(Object.keys(dry.json as object)).toEqual([
      'migrated',
      'skipped',
      'notConfigured',
      'errors',
    ])
    expect(dry.json).toMatchObject({ migrated: ['openai', 'google'], skipped: [], errors: [] })
    expect(fs.existsSync(path.join(home, 'store.json'))).toBe(false)
    expect(fs.readdirSync(home).filter((f) => !f.startsWith('.'))).toEqual([])

    const real = await cli(['--json', 'migrate-env'], { home, env })
    expect(real.json).toMatchObject({ migrated: ['openai', 'google'] })
    const again = await cli(['--json', 'migrate-env'], { home, env })
    expect(again.json).toMatchObject({ migrated: [], skipped: ['openai', 'google'] })
    const human = await cli(['migrate-env', '--dry-run'], { home, env })
    expect(human.stdout).toContain('Would import: none')
    expect(human.stdout).toContain('Already imported: openai, google')
    for (const r of [dry, real, again, human]) {
      for (const f of [...leakForms(KEY), ...leakForms(GEMINI)])
        expect(r.stdout + r.stderr).not.toContain(f)
    }
  })

  it('a locked vault exits 3 with vault_locked; a per-provider failure exits 1', async () => {
    const home = tmpDir('sb-env-cli-')
    const locked = await cli(['--json', 'migrate-env'], {
      home,
      env: { OPENAI_API_KEY: KEY, SWITCHBOARD_ENCRYPTION_KEY: undefined },
    })
    expect(locked.code).toBe(3)
    expect(locked.json).toMatchObject({ error: { code: 'vault_locked' } })
    expect(fs.readdirSync(home).filter((f) => !f.startsWith('.'))).toEqual([])
    const failing = await cli(['--json', 'migrate-env'], {
      home,
      env: { OLLAMA_API_BASE: 'not a url' },
    })
    expect(failing.code).toBe(1)
    expect(failing.json).toMatchObject({
      migrated: [],
      errors: [{ provider: 'ollama', code: 'validation' }],
    })
  })
})

describe('switchboard env / run', () => {
  let home = ''
  beforeAll(async () => {
    home = tmpDir('sb-env-cli-')
    await cli(['add', 'openai', '--name', 'Main', '--key-stdin'], { home, stdin: KEY })
    await cli(['add', 'google', '--name', 'G', '--key-stdin'], { home, stdin: GEMINI })
  }, 60_000)

  it('dotenv (default), shell and json formats; shell reads back through sh eval', async () => {
    // This key holds a single quote: no dotenv spelling is safe to source and reads back in every
    // parser, so dotenv (the default) refuses it by name, printing nothing of it.
    const dotenv = await cli(['env', '--provider', 'openai'], { home })
    expect(dotenv.code).toBe(2)
    expect(dotenv.stdout).toBe('')
    expect(dotenv.stderr).toContain('OPENAI_API_KEY cannot be written in dotenv format safely')
    for (const f of leakForms(KEY)) expect(dotenv.stdout + dotenv.stderr).not.toContain(f)
    const gemini = await cli(['env', '--provider', 'google'], { home })
    expect(gemini.code).toBe(0)
    expect(gemini.stdout.split('\n')[0]).toBe(`GOOGLE_API_KEY='${GEMINI}'`)
    const json = await cli(['env', '--format', 'json'], { home })
    expect(JSON.parse(json.stdout)).toEqual({
      OPENAI_API_KEY: KEY,
      GOOGLE_API_KEY: GEMINI,
      GEMINI_API_KEY: GEMINI,
    })
    const global = await cli(['--json', 'env', '--provider', 'google'], { home })
    expect(global.json).toEqual({ GOOGLE_API_KEY: GEMINI, GEMINI_API_KEY: GEMINI })
    const shell = await cli(['env', '--format', 'shell'], { home })
    const back = execFileSync('sh', ['-c', 'eval "$SB"; printf %s "$OPENAI_API_KEY"'], {
      env: { PATH: process.env.PATH, SB: shell.stdout },
      encoding: 'utf8',
    })
    expect(back).toBe(KEY)
  })

  it('env: bad format → 2, unknown provider → 2, no credential → 1, locked → 3, wrong key → 3', async () => {
    expect((await cli(['env', '--format', 'yaml'], { home })).code).toBe(2)
    expect((await cli(['--json', 'env', '--provider', 'nope'], { home })).json).toMatchObject({
      error: { code: 'validation' },
    })
    const missing = await cli(['--json', 'env', '--provider', 'anthropic'], { home })
    expect([missing.code, (missing.json as { error: { code: string } }).error.code]).toEqual([
      1,
      'not_found',
    ])
    const locked = await cli(['--json', 'env'], {
      home,
      env: { SWITCHBOARD_ENCRYPTION_KEY: undefined },
    })
    expect([locked.code, (locked.json as { error: { code: string } }).error.code]).toEqual([
      3,
      'vault_locked',
    ])
    const wrong = await cli(['env'], {
      home,
      env: { SWITCHBOARD_ENCRYPTION_KEY: 'not the master key' },
    })
    expect(wrong.code).toBe(3)
    expect(wrong.stdout).toBe('')
  })

  it('run: the child sees the variables, its exit code comes back, the CLI prints nothing of the key', async () => {
    const out = path.join(home, 'child-saw.txt')
    const r = await cli(
      [
        'run',
        '--provider',
        'openai',
        '--',
        'sh',
        '-c',
        'printf %s "$OPENAI_API_KEY" > "$1"; printf "[%s]" "${SWITCHBOARD_ENCRYPTION_KEY:-none}"; exit 7',
        'sh',
        out,
      ],
      { home },
    )
    expect(r.code).toBe(7)
    expect(fs.readFileSync(out, 'utf8')).toBe(KEY)
    // The child's own stdout is inherited (it printed the master passphrase's absence); the
    // CLI added nothing, and neither output carries the key.
    expect(r.stdout).toBe('[none]')
    expect(r.stderr).toBe('')
    for (const f of leakForms(KEY)) expect(r.stdout + r.stderr).not.toContain(f)
    expect((await cli(['run', '--', 'sh', '-c', 'exit 0'], { home })).code).toBe(0)
    expect((await cli(['run', '--', 'sh', '-c', 'test -n "$GEMINI_API_KEY"'], { home })).code).toBe(
      0,
    )
    expect(
      (
        await cli(['run', '--provider', 'openai', '--', 'sh', '-c', 'test -z "$GEMINI_API_KEY"'], {
          home,
        })
      ).code,
    ).toBe(0)
  })

  it('run: no command → 2; a missing command → 1; locked vault → 3 and the child never starts', async () => {
    expect((await cli(['run'], { home })).code).toBe(2)
    const missing = await cli(['--json', 'run', '--', 'no-such-command-sb'], { home })
    expect([missing.code, (missing.json as { error: { code: string } }).error.code]).toEqual([
      1,
      'not_found',
    ])
    const marker = path.join(home, 'started')
    const locked = await cli(['run', '--', 'sh', '-c', `touch "${marker}"`], {
      home,
      env: { SWITCHBOARD_ENCRYPTION_KEY: undefined },
    })
    expect(locked.code).toBe(3)
    expect(fs.existsSync(marker)).toBe(false)
  })
})

describe('switchboard export / import', () => {
  it('round trip into a fresh home with the passphrase from stdin; wrong passphrase → 2, nothing written', async () => {
    const home = tmpDir('sb-env-cli-')
    await cli(['add', 'openai', '--name', 'Main', '--key-stdin'], { home, stdin: KEY })
    const ex = await cli(['--json', 'export', 'backup.json'], { home, stdin: `${BACKUP_PASS}\n` })
    expect(ex.code).toBe(0)
    const file = path.join(home, 'backup.json')
    expect(ex.json).toEqual({
      path: file,
      credentials: 1,
      models: 0,
      defaults: 0,
      skippedUndecryptable: 0,
    })
    const text = fs.readFileSync(file, 'utf8')
    for (const f of [...leakForms(KEY), ...leakForms(BACKUP_PASS)]) expect(text).not.toContain(f)
    const exists = await cli(['--json', 'export', 'backup.json'], { home, stdin: BACKUP_PASS })
    expect([exists.code, (exists.json as { error: { code: string } }).error.code]).toEqual([
      1,
      'conflict',
    ])
    expect(
      (await cli(['export', 'backup.json', '--force'], { home, stdin: BACKUP_PASS })).code,
    ).toBe(0)
    expect((await cli(['export', 'other.json'], { home })).code).toBe(2) // no passphrase on stdin

    const fresh = tmpDir('sb-env-cli-')
    const wrong = await cli(['--json', 'import', file], {
      home: fresh,
      stdin: 'not the passphrase',
      env: { SWITCHBOARD_ENCRYPTION_KEY: 'fresh master' },
    })
    expect(wrong.code).toBe(2)
    expect((wrong.json as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/passphrase is wrong/),
    })
    expect(fs.readdirSync(fresh).filter((f) => !f.startsWith('.'))).toEqual([])
    const im = await cli(['--json', 'import', file], {
      home: fresh,
      stdin: `${BACKUP_PASS}\n`,
      env: { SWITCHBOARD_ENCRYPTION_KEY: 'fresh master' },
    })
    expect(im.code).toBe(0)
    expect(im.json).toEqual({
      credentialsImported: 1,
      credentialsSkipped: 0,
      credentialsRejected: [],
      modelsImported: 0,
      modelsSkipped: 0,
      defaultsRestored: [],
    })
    const env = await cli(['env', '--format', 'json'], {
      home: fresh,
      env: { SWITCHBOARD_ENCRYPTION_KEY: 'fresh master' },
    })
    expect(JSON.parse(env.stdout)).toEqual({ OPENAI_API_KEY: KEY })
    for (const r of [ex, exists, wrong, im])
      for (const f of [...leakForms(KEY), ...leakForms(BACKUP_PASS)])
        expect(r.stdout + r.stderr).not.toContain(f)
  })
})
