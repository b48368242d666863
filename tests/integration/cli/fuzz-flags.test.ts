/**
 * Every CLI command's flags, fuzzed with fast-check (issue 11, "fuzz the ways in"). runCli, the
 * CLI's own main, runs in process over a temp data directory (cheaper than a process per run;
 * tests/integration/cli covers the built binary). A bad invocation exits 2 with exactly one JSON
 * error on stdout (`validation`), never 1 or `internal`, and leaves the store file's bytes alone.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliCommand } from '../../../src-cli/command'
import { runCli } from '../../../src-cli/main'
import { commands } from '../../../src-cli/registry'

let home: string
let storeFile: string
let credentialId: string

async function cli(argv: string[], stdin = '') {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    argv,
    {
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      readStdin: async () => stdin,
      env: {
        SWITCHBOARD_HOME: home,
        SWITCHBOARD_ENCRYPTION_KEY: 'fuzz passphrase',
        SWITCHBOARD_DETECT_DEFAULTS: '0',
        OLLAMA_HOST: 'http://127.0.0.1:9',
      },
    },
    { version: '0.0.0-fuzz' },
  )
  return { code, out, err }
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-cli-fuzz-'))
  const add = await cli(
    [
      '--json',
      'add',
      'openai_compatible',
      '--name',
      'Fuzz',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--key-stdin',
    ],
    'sk-fuzz-key-0000\n',
  )
  expect(add.code).toBe(0)
  credentialId = (JSON.parse(add.out[0]!) as { id: string }).id
  storeFile = path.join(home, 'switchboard.json')
})
afterAll(() => fs.rmSync(home, { recursive: true, force: true }))

/** Tokens the CLI reads before any command (help, version, JSON, the `--` separator). */
const GLOBAL = new Set(['-h', '--help', '--version', '--json', '--'])
const hostileValue = fc
  .oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      'x'.repeat(100_000),
      '',
      '__proto__',
      'constructor',
      'NaN',
      'Infinity',
      '-1',
      '1e999',
      'a\u0000b',
      '\u001b]0;pwned\u0007',
      '$(touch pwned)',
      'http://169.254.169.254/',
    ),
  )
  .filter((v) => !GLOBAL.has(v) && !v.startsWith('-'))

type FlagSpec = NonNullable<CliCommand['flags']>[string]
const flagsOf = (cmd: CliCommand) => Object.entries(cmd.flags ?? {}) as [string, FlagSpec][]

/** One token (or pair) that strict parsing must refuse, whatever else the command line holds. */
function malformed(cmd: CliCommand) {
  const strings = flagsOf(cmd).filter(([, s]) => s.type === 'string')
  const booleans = flagsOf(cmd).filter(([, s]) => s.type === 'boolean')
  const options: fc.Arbitrary<string[]>[] = [
    // a flag the command does not know
    fc
      .constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'no-such-flag', 'KEY')
      .map((f) => [`--${f}`]),
    fc.constantFrom('-z', '-Q', '-1').map((f) => [f]),
    fc
      .tuple(fc.constantFrom('bogus', 'apiKey', 'api-key'), hostileValue)
      .map(([f, v]) => [`--${f}=${v}`]),
  ]
  if (booleans.length) {
    options.push(
      fc
        .tuple(fc.constantFrom(...booleans.map(([n]) => n)), hostileValue)
        .map(([f, v]) => [`--${f}=${v}`]),
    )
  }
  if (strings.length) {
    // a string flag with its value missing (last on the line)
    options.push(fc.constantFrom(...strings.map(([n]) => n)).map((f) => [`--${f}`]))
  }
  return fc.oneof(...options)
}

/** Well-formed flags of the command, with hostile values. */
function wellFormed(cmd: CliCommand) {
  const specs = flagsOf(cmd)
  if (!specs.length) return fc.constant([] as string[])
  return fc
    .array(fc.tuple(fc.constantFrom(...specs), hostileValue), { maxLength: 4 })
    .map((pairs) =>
      pairs.flatMap(([[name, spec], v]) =>
        spec.type === 'boolean' ? [`--${name}`] : [`--${name}`, v],
      ),
    )
}

describe('CLI fuzz: malformed flags on every command', () => {
  it.each(commands.map((c) => [c.name, c] as const))('%s', async (_name, cmd) => {
    const [, max] = cmd.positionals ?? [0, 0]
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileValue, { maxLength: max }),
        wellFormed(cmd),
        malformed(cmd),
        async (positionals, good, bad) => {
          const before = fs.readFileSync(storeFile)
          const argv = ['--json', ...cmd.name.split(' '), ...positionals, ...good, ...bad]
          const r = await cli(argv)
          expect([argv.slice(0, 4).join(' '), r.code]).toEqual([argv.slice(0, 4).join(' '), 2])
          expect(r.out).toHaveLength(1)
          const doc = JSON.parse(r.out[0]!) as { error: { code: string; message: string } }
          expect(doc.error.code).toBe('validation')
          expect(doc.error.message.length).toBeLessThan(400)
          expect(fs.readFileSync(storeFile).equals(before)).toBe(true)
        },
      ),
      { numRuns: 25 },
    )
  })
})

/** Values the commands check themselves (after parsing): each must be a usage error too. */
const BAD_VALUES: [string, (v: string) => string[], string[]][] = [
  [
    'add --num-ctx',
    (v) => ['add', 'ollama', '--name', 'n', '--base-url', 'http://127.0.0.1:9', '--num-ctx', v],
    ['NaN', 'Infinity', '-1', '1e999', 'abc', '1.5', '0'],
  ],
  ['update --num-ctx', (v) => ['update', credentialId, '--num-ctx', v], ['NaN', '-5', 'x']],
  [
    'test --concurrency',
    (v) => ['test', '--all', '--concurrency', v],
    ['NaN', '0', '65', 'Infinity', '2.5'],
  ],
  ['models --type', (v) => ['models', '--type', v], ['chat', '__proto__', 'constructor', '']],
  ['env --format', (v) => ['env', '--format', v], ['yaml', '__proto__', 'constructor', '']],
  [
    'add <provider>',
    (v) => ['add', v, '--name', 'n'],
    ['__proto__', 'constructor', 'toString', 'nope'],
  ],
  [
    'defaults set <slot>',
    (v) => ['defaults', 'set', v, 'none'],
    ['__proto__', 'constructor', 'chatty'],
  ],
]

describe('CLI fuzz: bad values the commands check', () => {
  it.each(BAD_VALUES)('%s', async (_label, argvFor, values) => {
    for (const v of values) {
      const before = fs.readFileSync(storeFile)
      const r = await cli(['--json', ...argvFor(v)])
      expect([v, r.code]).toEqual([v, 2])
      expect(JSON.parse(r.out[0]!)).toMatchObject({ error: { code: 'validation' } })
      expect(fs.readFileSync(storeFile).equals(before)).toBe(true)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
