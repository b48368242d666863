import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { defineCommand, type CliCommand } from '../../../src-cli/command'
import { runCli } from '../../../src-cli/main'
import { tmpHome } from '../../support/home'
import { capturingIo } from '../../fixtures/cli-in-process'

const io = (stdin = '') => capturingIo({ SWITCHBOARD_HOME: tmpHome('sb-cli-') }, stdin)

const table: CliCommand[] = [
  defineCommand({
    name: 'ok',
    usage: '',
    summary: 'succeeds',
    flags: {},
    run: async () => ({ fine: true }),
    human: (_r, o) => o.out('fine'),
  }),
  defineCommand({
    name: 'echo',
    usage: '<word> [--loud]',
    summary: 'echoes',
    flags: { loud: { type: 'boolean' } },
    positionals: [1, 1],
    run: async ({ positionals, flags }) => ({
      word: flags.loud ? positionals[0]!.toUpperCase() : positionals[0],
    }),
  }),
  defineCommand({
    name: 'vault status',
    usage: '',
    summary: 'two words',
    flags: {},
    run: async () => 'two',
  }),
  defineCommand({
    name: 'locked',
    usage: '',
    summary: 'locked',
    flags: {},
    run: async () => {
      throw new AppError('vault_locked', 'The vault is locked.')
    },
  }),
  defineCommand({
    name: 'missing',
    usage: '',
    summary: 'not found',
    flags: {},
    run: async () => {
      throw new AppError('not_found', 'No credential sk-abcdefghijklmnop1234.')
    },
  }),
  defineCommand({
    name: 'crash',
    usage: '',
    summary: 'bug',
    flags: {},
    run: async () => {
      throw new Error('ENOENT /secret/path')
    },
  }),
  defineCommand({
    name: 'soft',
    usage: '',
    summary: 'ran, failed',
    flags: {},
    run: async () => ({ ok: false }),
    exitCode: (r) => (r.ok ? 0 : 1),
  }),
]
const opts = { version: '9.9.9', commands: table }

describe('switchboard CLI runner', () => {
  it('prints exactly one JSON document with --json, wherever the flag stands', async () => {
    for (const argv of [
      ['--json', 'echo', 'hi'],
      ['echo', 'hi', '--json'],
    ]) {
      const h = io()
      expect(await runCli(argv, h.io, opts)).toBe(0)
      expect(h.out).toHaveLength(1)
      expect(JSON.parse(h.out[0]!)).toEqual({ word: 'hi' })
      expect(h.err).toEqual([])
    }
  })

  it('uses the human renderer without --json', async () => {
    const h = io()
    expect(await runCli(['ok'], h.io, opts)).toBe(0)
    expect(h.out).toEqual(['fine'])
  })

  it('finds two-word commands and parses flags', async () => {
    const h = io()
    expect(await runCli(['--json', 'vault', 'status'], h.io, opts)).toBe(0)
    expect(JSON.parse(h.out[0]!)).toBe('two')
    const h2 = io()
    await runCli(['--json', 'echo', '--loud', 'hi'], h2.io, opts)
    expect(JSON.parse(h2.out[0]!)).toEqual({ word: 'HI' })
  })

  it('exits 2 with a validation error on usage mistakes', async () => {
    for (const argv of [['nope'], ['echo'], ['echo', 'a', 'b'], ['echo', 'a', '--unknown'], []]) {
      const h = io()
      expect(await runCli(['--json', ...argv], h.io, opts), argv.join(' ')).toBe(2)
      expect(JSON.parse(h.out.at(-1)!)).toMatchObject({ error: { code: 'validation' } })
    }
  })

  it('maps error codes to exit codes and never prints a secret or a stack', async () => {
    const locked = io()
    expect(await runCli(['--json', 'locked'], locked.io, opts)).toBe(3)
    expect(JSON.parse(locked.out[0]!)).toEqual({
      error: { code: 'vault_locked', message: 'The vault is locked.' },
    })
    const missing = io()
    expect(await runCli(['--json', 'missing'], missing.io, opts)).toBe(1)
    expect(missing.out[0]).not.toContain('sk-abcdefghijklmnop1234')
    const crash = io()
    expect(await runCli(['crash'], crash.io, opts)).toBe(1)
    expect(crash.err.join('\n')).not.toMatch(/ENOENT|secret|at /)
    const soft = io()
    expect(await runCli(['--json', 'soft'], soft.io, opts)).toBe(1)
  })

  it('prints help and the version', async () => {
    const h = io()
    expect(await runCli(['--help'], h.io, opts)).toBe(0)
    expect(h.out[0]).toContain('echo <word> [--loud]')
    const c = io()
    expect(await runCli(['echo', '--help'], c.io, opts)).toBe(0)
    expect(c.out[0]).toContain('Usage: switchboard [--json] echo <word> [--loud]')
    const v = io()
    expect(await runCli(['--version'], v.io, opts)).toBe(0)
    expect(v.out).toEqual(['9.9.9'])
  })
})
