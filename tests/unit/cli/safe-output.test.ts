/**
 * Human CLI output never lets user- or server-supplied text drive the terminal (issue 11
 * "Secrets"): escape sequences (window titles, screen rewrites), CR (overwriting a line),
 * newlines (forged table rows) and bidi overrides are shown as visible escapes; JSON output stays
 * exact JSON (the same value back from JSON.parse) with nothing raw a terminal would act on.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defineCommand, type CliCommand } from '../../../src-cli/command'
import { table } from '../../../src-cli/format'
import { runCli } from '../../../src-cli/main'
import { jsonForTerminal, safeText } from '../../../src-cli/safe-text'
import { createAppContext } from '../../../src-main/app-context'
import { STORE_FILE } from '../../../src-main/store/file-store'
import { tmpHome } from '../../support/home'
import { capturingIo } from '../../fixtures/cli-in-process'

/** Everything a terminal acts on, besides printable text. */
const ACTS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/
const ACTS_BESIDES_LINES =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/

const HOSTILE = [
  '\u001b]0;pwned\u0007', // set the terminal title
  '\u001b[2J\u001b[H', // clear the screen
  'real\rfake', // overwrite the line
  'x\nID  NAME  injected-row', // forge a table row
  'abc\u202etxt.exe', // right-to-left override
  '\u009b31m', // C1 CSI
  'tab\there',
]
const hostileArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 6 },
  )
  .map((p) => p.join(''))

const capture = (env: Record<string, string> = {}) =>
  capturingIo({ SWITCHBOARD_HOME: tmpHome('sb-safe-'), ...env })

describe('safeText', () => {
  it('leaves nothing a terminal acts on, and changes nothing else', () => {
    fc.assert(
      fc.property(hostileArb, (s) => {
        const out = safeText(s)
        expect(out).not.toMatch(ACTS)
        if (!ACTS.test(s)) expect(out).toBe(s)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('jsonForTerminal', () => {
  it('is exact JSON (parses back to the same value) with no raw control, bidi or C1 character', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileArb, fc.oneof(hostileArb, fc.array(hostileArb))), (v) => {
        const text = jsonForTerminal(v)
        expect(JSON.parse(text)).toEqual(v)
        expect(text).not.toMatch(ACTS)
      }),
      { numRuns: 500 },
    )
  })
})

describe('the CLI', () => {
  // One command, as every table-printing command does it: data in, a human renderer out.
  const table_: CliCommand[] = [
    defineCommand({
      name: 'names',
      usage: '',
      summary: 'prints names',
      flags: { name: { type: 'string' } },
      run: async ({ flags }) => [{ name: flags.name ?? '', note: 'ok' }],
      human: (r, io) => io.out(table([['NAME', 'NOTE'], ...r.map((x) => [x.name, x.note])])),
    }),
    defineCommand({
      name: 'boom',
      usage: '',
      summary: 'fails with server text',
      flags: { text: { type: 'string' } },
      run: async ({ flags }) => {
        const { AppError } = await import('../../../src-main/errors')
        throw new AppError('server_error', `the server said: ${flags.text ?? ''}`)
      },
    }),
  ]

  it('neutralises hostile names in human output and keeps them exact in JSON', async () => {
    await fc.assert(
      // `--name=<text>` carries any text, one starting with `-` too (`--name -x` is ambiguous:
      // see the next test).
      fc.asyncProperty(hostileArb, async (name) => {
        const human = capture()
        expect(
          await runCli(['names', `--name=${name}`], human.io, { version: '1', commands: table_ }),
        ).toBe(0)
        const text = human.out.join('\n')
        expect(text).not.toMatch(ACTS_BESIDES_LINES)
        expect(text.split('\n')).toHaveLength(2) // the header and one row, whatever the name holds
        const json = capture()
        await runCli(['--json', 'names', `--name=${name}`], json.io, {
          version: '1',
          commands: table_,
        })
        expect(JSON.parse(json.out.join(''))).toEqual([{ name, note: 'ok' }])
        expect(json.out.join('')).not.toMatch(ACTS)
      }),
      { numRuns: 200 },
    )
  })

  it('refuses a value starting with `-` after a flag as ambiguous and names the `--name=` form', async () => {
    const name = '-\u001b]0;pwned\u0007' // fast-check's counterexample (seed 1106330090)
    const refused = capture()
    expect(
      await runCli(['names', '--name', name], refused.io, { version: '1', commands: table_ }),
    ).toBe(2)
    expect(refused.err).toEqual([
      "switchboard: Option '--name' argument is ambiguous. To specify an option argument starting with a dash use '--name=-XYZ'. (see switchboard names --help)",
    ])
    const taken = capture()
    expect(
      await runCli(['--json', 'names', `--name=${name}`], taken.io, {
        version: '1',
        commands: table_,
      }),
    ).toBe(0)
    expect(JSON.parse(taken.out.join(''))).toEqual([{ name, note: 'ok' }])
  })

  it('neutralises server text in error messages (human and JSON)', async () => {
    for (const text of HOSTILE) {
      const human = capture()
      expect(
        await runCli(['boom', '--text', text], human.io, { version: '1', commands: table_ }),
      ).toBe(1)
      expect(human.err.join('\n')).not.toMatch(ACTS_BESIDES_LINES)
      expect(human.err).toHaveLength(1)
      expect(human.err[0]!.split('\n')).toHaveLength(1)
      const json = capture()
      await runCli(['--json', 'boom', '--text', text], json.io, { version: '1', commands: table_ })
      expect(json.out.join('')).not.toMatch(ACTS)
    }
  })

  it('`list` shows a stored name with escapes as visible text, one row per credential', async () => {
    const run = capture({ SWITCHBOARD_ENCRYPTION_KEY: 'safe output test passphrase' })
    const home = run.io.env.SWITCHBOARD_HOME
    const app = createAppContext({ home, env: run.io.env })
    await app.credentials.create({ provider: 'openai', name: 'plain', apiKey: 'sk-safe-000000001' })
    // A name as an older version, a backup or a hand edit may have stored it.
    const file = path.join(home, STORE_FILE)
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    data.credentials[0].name = '\u001b]0;owned\u0007evil\r\nopenai  FAKE  row\u202e'
    fs.writeFileSync(file, JSON.stringify(data))
    expect(await runCli(['list'], run.io, { version: '1' })).toBe(0)
    const text = run.out.join('\n')
    expect(text).not.toMatch(ACTS_BESIDES_LINES)
    expect(text.split('\n')).toHaveLength(2)
    expect(text).toContain('\\x1b]0;owned\\x07evil\\r\\nopenai  FAKE  row\\u202e')
    const json = capture(run.io.env)
    await runCli(['--json', 'list'], json.io, { version: '1' })
    expect((JSON.parse(json.out.join('')) as { name: string }[])[0]!.name).toBe(
      data.credentials[0].name,
    )
  })
})
