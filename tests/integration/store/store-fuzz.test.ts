/**
 * Fuzzing the store file (issue 11): random JSON, mutations of a real store, random bytes. Every
 * CLI command either works or answers a coded error — `store_corrupt` for a file that is not a
 * store — never `internal`, never a crash; and a set-aside copy holds the original bytes exactly.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src-cli/main'
import { STORE_FILE } from '../../../src-main/store/file-store'
import { setup, tmpHome } from '../vault/helpers'

const PASS = 'fuzz passphrase'
let base: Record<string, unknown>
let ids: string[] = []

beforeAll(async () => {
  // A real store: sealed keys, a model, a default slot, a last test result.
  const home = tmpHome()
  const { credentials, store } = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: PASS } })
  const a = await credentials.create({ provider: 'openai', name: 'A', apiKey: 'sk-fuzz-000000001' })
  const b = await credentials.create({ provider: 'ollama', name: 'B', baseUrl: 'http://x:11434' })
  await store.update((d) => {
    d.models.push({
      id: 'm1',
      name: 'gpt-x',
      provider: 'openai',
      type: 'language',
      credentialId: a.id,
      createdAt: d.credentials[0]!.createdAt,
    })
    d.defaults.slots.chat = 'm1'
    d.lastTests[a.id] = {
      code: 'ok',
      message: 'fine',
      at: d.credentials[0]!.createdAt,
      latencyMs: 3,
    }
  })
  ids = [a.id, b.id]
  base = JSON.parse(fs.readFileSync(path.join(home, STORE_FILE), 'utf8'))
})

/** Every path (keys and indexes) inside a JSON value. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!v || typeof v !== 'object') return [prefix]
  const out = [prefix]
  for (const [k, child] of Object.entries(v)) {
    out.push(...paths(child, [...prefix, Array.isArray(v) ? Number(k) : k]))
  }
  return out
}

/** `base` with the value at one path replaced (or deleted when `value` is undefined). */
function mutate(pathIndex: number, value: unknown): string {
  const doc = structuredClone(base)
  const all = paths(doc)
  const at = all[pathIndex % all.length]!
  if (!at.length) return JSON.stringify(value ?? null)
  let parent = doc as Record<string | number, unknown>
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>
  const last = at[at.length - 1]!
  if (value === undefined) delete parent[last]
  else parent[last] = value
  return JSON.stringify(doc, null, 2)
}

const commands = (): string[][] => [
  ['list'],
  ['models'],
  ['defaults'],
  ['show', ids[0]!],
  ['update', ids[1]!, '--name', 'Renamed'],
  ['remove', ids[0]!],
  ['add', 'groq', '--name', 'Fresh', '--key-stdin'],
  ['defaults', 'auto'],
  ['vault', 'status'],
  ['env', '--format', 'json'],
]

async function check(bytes: Buffer, command: number, withKey: boolean) {
  const home = tmpHome()
  const file = path.join(home, STORE_FILE)
  fs.writeFileSync(file, bytes)
  const args = commands()[command % commands().length]!
  const out: string[] = []
  const env: NodeJS.ProcessEnv = { SWITCHBOARD_HOME: home, SWITCHBOARD_KEYCHAIN_SERVICE: 'none' }
  if (withKey) env.SWITCHBOARD_ENCRYPTION_KEY = PASS
  const code = await runCli(
    ['--json', ...args],
    {
      out: (t) => out.push(t),
      err: () => undefined,
      readStdin: async () => 'gsk_fuzz_key_0123456789',
      env,
    },
    { version: '0.0.0-fuzz' },
  )
  const body = JSON.parse(out.join('') || 'null') as { error?: { code: string; message: string } }
  const label = `${args.join(' ')} on ${bytes.toString('utf8').slice(0, 300)}`
  expect(body?.error?.code, label).not.toBe('internal')
  expect(code, label).not.toBe(undefined)
  const copies = fs.readdirSync(home).filter((n) => n.startsWith(`${STORE_FILE}.corrupt-`))
  if (body?.error?.code === 'store_corrupt') {
    expect(copies, label).toHaveLength(1)
    expect(body.error.message, label).toContain(path.join(home, copies[0]!))
  }
  // Whatever was set aside is the file exactly as it was.
  for (const c of copies)
    expect(fs.readFileSync(path.join(home, c)).equals(bytes), label).toBe(true)
  fs.rmSync(home, { recursive: true, force: true })
}

const command = fc.nat({ max: 1000 })
// FUZZ_RUNS=500 for a deeper run by hand; the default keeps npm test quick.
const RUNS = Number(process.env.FUZZ_RUNS) || 40

describe('store file fuzz', () => {
  it('mutated real stores: every command works or reports a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
        command,
        fc.boolean(),
        async (at, value, cmd, withKey) => check(Buffer.from(mutate(at, value)), cmd, withKey),
      ),
      { numRuns: RUNS * 2 },
    )
  }, 120_000)

  it('random JSON documents: every command works or reports store_corrupt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), command, async (doc, cmd) =>
        check(Buffer.from(JSON.stringify(doc)), cmd, false),
      ),
      { numRuns: RUNS },
    )
  }, 120_000)

  it('random bytes: set aside byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), command, async (b, cmd) =>
        check(Buffer.from(b), cmd, false),
      ),
      { numRuns: RUNS },
    )
  }, 120_000)
})
