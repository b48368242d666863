/**
 * `defineCommand` (src-cli/command.ts): a command's flags are typed by its own flag table, its
 * renderer and exit code get exactly what its run returned, and the renderer sees every string
 * made safe for a terminal while --json gets the value as it is.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { defineCommand, type CliIo, type RunContext } from '../../../src-cli/command'

const io = (lines: string[]): CliIo => ({
  out: (t) => void lines.push(t),
  err: (t) => void lines.push(`err: ${t}`),
  readStdin: async () => '',
  env: {},
  json: false,
})
const context = (lines: string[]): RunContext => ({
  rest: [],
  io: io(lines),
  app: () => {
    throw new Error('not needed')
  },
})

describe('defineCommand', () => {
  const cmd = defineCommand({
    name: 'greet',
    usage: '<who> [--loud] [--tag T ...] [--note N]',
    summary: 'greets',
    flags: {
      loud: { type: 'boolean' },
      tag: { type: 'string', multiple: true },
      note: { type: 'string' },
    },
    positionals: [1, 1],
    run: async ({ flags, positionals }) => {
      expectTypeOf(flags.loud).toEqualTypeOf<boolean | undefined>()
      expectTypeOf(flags.tag).toEqualTypeOf<string[] | undefined>()
      expectTypeOf(flags.note).toEqualTypeOf<string | undefined>()
      const who = positionals[0]!
      return { text: flags.loud ? who.toUpperCase() : who, tags: flags.tag ?? [] }
    },
    human: (r, o) => {
      expectTypeOf(r).toEqualTypeOf<{ text: string; tags: string[] }>()
      o.out(`${r.text} ${r.tags.join(',')}`)
    },
    exitCode: (r) => (r.tags.length ? 1 : 0),
  })

  it('parses its flags and hands the run typed values', async () => {
    const parsed = cmd.parse(['ada', '--loud', '--tag', 'a', '--tag=b'])
    expect(parsed.positionals).toEqual(['ada'])
    const lines: string[] = []
    const outcome = await parsed.run(context(lines))
    expect(outcome.value).toEqual({ text: 'ADA', tags: ['a', 'b'] })
    expect(outcome.exitCode).toBe(1)
    outcome.human(io(lines))
    expect(lines).toEqual(['ADA a,b'])
  })

  it('throws parseArgs’ error for an unknown flag or a missing value (a usage error)', () => {
    expect(() => cmd.parse(['ada', '--shout'])).toThrow(/Unknown option '--shout'/)
    expect(() => cmd.parse(['ada', '--note'])).toThrow(/argument missing/)
  })

  it('gives the renderer safe strings and --json the exact value', async () => {
    const outcome = await cmd.parse(['\u001b]0;t\u0007x']).run(context([]))
    expect(outcome.value).toEqual({ text: '\u001b]0;t\u0007x', tags: [] })
    expect(outcome.exitCode).toBe(0)
    const lines: string[] = []
    outcome.human(io(lines))
    expect(lines).toEqual(['\\x1b]0;t\\x07x '])
  })

  it('prints pretty JSON when a command has no renderer', async () => {
    const bare = defineCommand({
      name: 'bare',
      usage: '',
      summary: '',
      flags: {},
      run: async () => ({ a: 1 }),
    })
    const lines: string[] = []
    const outcome = await bare.parse([]).run(context(lines))
    outcome.human(io(lines))
    expect(lines).toEqual(['{\n  "a": 1\n}'])
    expect(outcome.exitCode).toBe(0)
  })
})
