/**
 * fast-check over the credential ways in (issue 11): random credential inputs through IPC
 * `credentials:create` and CLI `add` flags, random and mutated backup files through import.
 * Properties: no crash, never `internal` for bad input, no store change on a refusal (store
 * bytes compared), and anything `add` accepted survives export → import unchanged (the original
 * bug: export wrote what add accepted and import refused it).
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src-cli/main'
import { CLI_FIELD_FLAGS } from '../../../src-preload/contract/credential-fields'
import { catalog } from '../../../src-main/providers/catalog'
import { sealBackup } from '../../../src-main/services/backup-envelope'
import { ipcHarness } from '../../support/ipc-harness'
import { snapshot } from '../vault/helpers'
import { tmpHome } from '../../support/home'

const MASTER = { SWITCHBOARD_ENCRYPTION_KEY: 'fuzz master passphrase' }
const PASSPHRASE = 'fuzz backup passphrase'
const CHEAP = { N: 1 << 14, r: 8, p: 1 }
const REFUSALS = ['validation', 'url_blocked']
const tmp = () => tmpHome('sb-fuzz-')

/** Text that mixes plausible values with the characters that break things. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '  ',
    'Work',
    'sk-fake-fuzz-000000000001234',
    'a\u001b[2Jb',
    'x\u202Ey',
    'k\r\nX: 1',
    'n\u0000ul',
    '$(id)`id`',
    'n'.repeat(101),
    'k'.repeat(8193),
    '2024-10-21',
    'us-central1',
  ),
)
const urlish = fc.oneof(
  fc.constantFrom(
    'https://gw.example/v1',
    ' HTTPS://GW.Example.COM:443/v1/ ',
    'http://127.0.0.1:11434',
    'http://0x7f.1:1234/',
    'http://[::1]:8080/v1',
    'http://bücher.lan:11434',
    'http://169.254.169.254/',
    'http://[fd00:ec2::254]/',
    'http://metadata.google.internal/',
    'http://0.0.0.0:80',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://u:p@host/v1',
    'https://gw.exa\tmple/v1',
    `https://gw.example/${'p'.repeat(2100)}`,
  ),
  fc.webUrl(),
  nasty,
)
const providers = fc.constantFrom(...catalog.map((e) => e.id), 'nope')
const credentialInput = fc.record(
  {
    provider: providers,
    name: nasty,
    apiKey: fc.option(nasty, { nil: undefined }),
    baseUrl: fc.option(urlish, { nil: undefined }),
    endpoint: fc.option(urlish, { nil: undefined }),
    apiVersion: fc.option(nasty, { nil: undefined }),
    project: fc.option(nasty, { nil: undefined }),
    location: fc.option(nasty, { nil: undefined }),
    numCtx: fc.option(fc.oneof(fc.integer({ min: -10, max: 20_000_000 }), fc.double()), {
      nil: undefined,
    }),
    endpoints: fc.option(
      fc.dictionary(fc.constantFrom('language', 'embedding', 'speechToText', 'bogus'), urlish),
      { nil: undefined },
    ),
    allowInsecureHttp: fc.option(fc.boolean(), { nil: undefined }),
  },
  { requiredKeys: ['provider', 'name'] },
)

/** Inputs shaped like a provider's own form (so many are accepted), with nasty values mixed in. */
const keyish = fc.oneof(
  fc.string({
    minLength: 1,
    maxLength: 60,
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  }),
  nasty,
)
const plausible = fc.oneof(
  fc.record(
    {
      provider: fc.constantFrom('openai', 'anthropic', 'groq', 'openai_compatible'),
      name: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), nasty),
      apiKey: keyish,
      baseUrl: urlish,
    },
    { requiredKeys: ['provider', 'name', 'apiKey'] },
  ),
  fc.record(
    {
      provider: fc.constantFrom('ollama', 'lmstudio'),
      name: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), nasty),
      baseUrl: urlish,
      apiKey: keyish,
      numCtx: fc.oneof(fc.integer({ min: -5, max: 11_000_000 }), fc.double()),
    },
    { requiredKeys: ['provider', 'name'] },
  ),
)
const anyInput = fc.oneof(plausible, credentialInput)

const comparable = (v: Record<string, unknown>) => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = v
  return rest
}

describe('fuzzing the credential ways in', () => {
  it('IPC create: never internal, nothing written on refusal; what it accepted round-trips export → import', async () => {
    const h = ipcHarness(tmp(), MASTER)
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(anyInput, async (input) => {
        const before = snapshot(h.home)
        const r = await h.call('credentials:create', input)
        if (r.ok) {
          accepted += 1
          return
        }
        expect(REFUSALS).toContain(r.error!.code)
        expect(snapshot(h.home)).toEqual(before)
      }),
      { numRuns: 150 },
    )
    expect(accepted).toBeGreaterThan(0)
    const file = path.join(tmp(), 'fuzz.json')
    await h.app.backup.exportTo(file, PASSPHRASE)
    const other = ipcHarness(tmp(), { SWITCHBOARD_ENCRYPTION_KEY: 'another master' })
    const im = await other.call('settings:importBackup', { path: file, passphrase: PASSPHRASE })
    expect(im.data.credentialsRejected).toEqual([])
    expect(im.data.credentialsImported + im.data.credentialsSkipped).toBe(accepted)
    const mine = (await h.app.credentials.list()).map(comparable)
    const theirs = (await other.app.credentials.list()).map(comparable)
    // Duplicates (same provider, name and key) import once; everything else is identical.
    for (const c of theirs) expect(mine).toContainEqual(c)
    for (const c of mine) expect(theirs).toContainEqual(c)
  }, 120_000)

  it('CLI add flags: exit 0/1/2, never internal, nothing written on refusal', async () => {
    const home = tmp()
    const flags = Object.keys(CLI_FIELD_FLAGS).filter((f) => f !== 'name')
    const argValue = fc.oneof(nasty, urlish).map((v) => v.split('\u0000').join('')) // argv has no NUL
    await fc.assert(
      fc.asyncProperty(
        providers,
        argValue,
        fc.dictionary(fc.constantFrom(...flags), argValue, { maxKeys: 4 }),
        fc.option(nasty, { nil: undefined }),
        async (provider, name, chosen, key) => {
          const args = ['add', provider, `--name=${name}`]
          for (const [flag, value] of Object.entries(chosen)) {
            args.push(flag === 'allow-insecure-http' ? `--${flag}` : `--${flag}=${value}`)
          }
          if (key !== undefined) args.push('--key-stdin')
          const before = snapshot(home)
          const out: string[] = []
          const code = await runCli(
            ['--json', ...args],
            {
              out: (t) => void out.push(t),
              err: () => undefined,
              readStdin: async () => key ?? '',
              env: { SWITCHBOARD_HOME: home, ...MASTER },
            },
            { version: 'fuzz' },
          )
          const json = JSON.parse(out.at(-1) ?? 'null')
          expect([0, 1, 2]).toContain(code)
          if (code === 0) return
          expect(REFUSALS).toContain(json.error.code)
          expect(snapshot(home)).toEqual(before)
        },
      ),
      { numRuns: 150 },
    )
  }, 120_000)

  it('random backup payloads: no crash, never internal; a refused file writes nothing', async () => {
    const h = ipcHarness(tmp(), MASTER)
    await h.call('credentials:create', { provider: 'ollama', name: 'seed' })
    const dir = tmp()
    const entry = fc.oneof(
      credentialInput.map((c) => ({ id: 'x', isPrimary: true, createdAt: 'then', ...c })),
      fc.jsonValue(),
    )
    const payload = fc.oneof(
      fc.record({
        credentials: fc.array(entry, { maxLength: 4 }),
        models: fc.array(fc.jsonValue(), { maxLength: 3 }),
        defaults: fc.record({ slots: fc.dictionary(fc.string(), fc.option(fc.string())) }),
      }),
      fc.jsonValue(),
    )
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const file = path.join(dir, 'p.json')
        fs.writeFileSync(file, await sealBackup(p as never, PASSPHRASE, 'now', CHEAP))
        const before = snapshot(h.home)
        const count = (await h.app.credentials.list()).length
        const r = await h.call('settings:importBackup', { path: file, passphrase: PASSPHRASE })
        if (r.ok) {
          expect((await h.app.credentials.list()).length).toBe(count + r.data.credentialsImported)
          return
        }
        expect(r.error!.code).toBe('validation')
        expect(snapshot(h.home)).toEqual(before)
      }),
      { numRuns: 40 },
    )
  }, 120_000)

  it('mutated backup headers: refused with a code (never internal), nothing written', async () => {
    const h = ipcHarness(tmp(), MASTER)
    const file = path.join(tmp(), 'valid.json')
    await h.app.credentials.create({ provider: 'ollama', name: 'seed' })
    await h.app.backup.exportTo(file, PASSPHRASE)
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'))
    const target = ipcHarness(tmp(), MASTER)
    const mutated = path.join(tmp(), 'mutated.json')
    const where = fc.constantFrom(
      ['format'],
      ['version'],
      ['createdAt'],
      ['kdf'],
      ['kdf', 'name'],
      ['kdf', 'salt'],
      ['kdf', 'N'],
      ['kdf', 'r'],
      ['kdf', 'p'],
      ['cipher', 'iv'],
      ['cipher', 'tag'],
      ['data'],
    )
    const value = fc.oneof(
      fc.jsonValue(),
      fc.integer(),
      fc.constantFrom(2 ** 20, 2 ** 31, -1, 0, 1.5, 32, 1e308),
    )
    await fc.assert(
      fc.asyncProperty(where, value, async (at, v) => {
        const copy = structuredClone(doc)
        let cur = copy
        for (const k of at.slice(0, -1)) cur = cur[k]
        cur[at.at(-1)!] = v
        fs.writeFileSync(mutated, JSON.stringify(copy))
        const before = snapshot(target.home)
        const r = await target.call('settings:importBackup', {
          path: mutated,
          passphrase: PASSPHRASE,
        })
        // A mutation may leave the file intact (same value): then it imports.
        if (r.ok) return
        expect(['validation', 'unsupported']).toContain(r.error!.code)
        expect(snapshot(target.home)).toEqual(before)
      }),
      { numRuns: 60 },
    )
  }, 120_000)
})
