/**
 * `migrate-env`, `env`, `run`, `export`, `import` (DESIGN §9): provider keys from and to
 * environment variables, and encrypted backups. `env` prints secrets because that is what it is
 * for; `run` hands them to a child process and prints nothing; backups take their passphrase
 * from stdin, never from argv.
 */
import path from 'node:path'
import type { MigrateEnvResult } from '../../src-preload/contract'
import { defineCommand, invalid, type CliCommand, type CommandInput } from '../command'
import { runChild } from '../child'
import { plural } from '../format'
import { safeDeep } from '../safe-text'
import { runWithGateway } from './gateway'

const providerFlag = { provider: { type: 'string', multiple: true } } as const
const providersOf = (flags: { provider?: string[] }) => flags.provider ?? []

/** The passphrase piped on stdin (one trailing newline dropped; everything else is kept). */
async function readPassphrase(input: CommandInput): Promise<string> {
  const text = (await input.io.readStdin()).replace(/\r?\n$/, '')
  if (!text)
    throw invalid(
      'pipe the backup passphrase on stdin (it is never taken from arguments)',
      'passphrase',
    )
  return text
}

/** The file argument as an absolute path (relative ones are from the current directory). */
const fileArg = (input: CommandInput) => path.resolve(input.positionals[0]!)

function printMigration(r: MigrateEnvResult, out: (t: string) => void, dryRun: boolean) {
  const lines = [
    `${dryRun ? 'Would import' : 'Imported'}: ${r.migrated.join(', ') || 'none'}`,
    `Already imported: ${r.skipped.join(', ') || 'none'}`,
    `Not set in the environment: ${plural(r.notConfigured.length, 'provider')}`,
    ...r.errors.map((e) => `Failed: ${e.provider} (${e.code}) ${e.message}`),
  ]
  out(lines.join('\n'))
}

export const envCommands: CliCommand[] = [
  defineCommand({
    name: 'migrate-env',
    usage: '[--dry-run]',
    summary:
      'Import provider keys found in environment variables as credentials ("From environment")',
    flags: { 'dry-run': { type: 'boolean' } },
    run: async ({ flags, io, app }) => {
      const dryRun = Boolean(flags['dry-run'])
      const result = await app().envMigration.migrate({ dryRun })
      // Printed here because the wording depends on --dry-run, which `human` does not see.
      if (!io.json) printMigration(safeDeep(result), io.out, dryRun)
      return result
    },
    human: () => undefined,
    exitCode: (r) => (r.errors.length ? 1 : 0),
  }),
  defineCommand({
    name: 'env',
    usage: '[--provider P ...] [--format dotenv|shell|json]',
    summary:
      "Print the providers' environment variables (keys included) from each primary credential",
    flags: { ...providerFlag, format: { type: 'string' } },
    run: async ({ flags, io, app }) => {
      // Loaded here, not at the top: it pulls in the vault and the contract's schemas, which
      // `switchboard --help` must not pay for (issue 17).
      const { ENV_FORMATS, formatEnv } = await import('../../src-main/services/env-export')
      const wanted = flags.format ?? 'dotenv'
      const format = ENV_FORMATS.find((f) => f === wanted)
      if (!format) throw invalid('--format takes dotenv, shell or json', 'format')
      const vars = await app().envExport.variables(providersOf(flags))
      // Printed here because the rendering depends on --format, which `human` does not see.
      // Raw: the values are the point (a shell `eval`s them); dotenv refuses what it cannot carry.
      if (!io.json && Object.keys(vars).length) (io.raw ?? io.out)(formatEnv(vars, format))
      return vars
    },
    human: () => undefined,
  }),
  defineCommand({
    name: 'run',
    usage: '[--provider P ...] | --gateway [--model M ...] -- <command> [args]',
    summary:
      "Run a command with the providers' environment variables added (or, with --gateway, a gateway URL and a token of its own); exits with its code",
    flags: {
      ...providerFlag,
      gateway: { type: 'boolean' },
      model: { type: 'string', multiple: true },
    },
    run: async (input) => {
      const { flags, rest, io, app } = input
      if (!rest.length)
        throw invalid(
          'give the command after --, e.g. switchboard run -- python script.py',
          'command',
        )
      if (flags.gateway) {
        if (providersOf(flags).length)
          throw invalid('--provider hands out keys; --gateway never does: pick one', 'provider')
        return { exitCode: await runWithGateway(input) }
      }
      if (flags.model) throw invalid('--model goes with --gateway', 'model')
      const vars = await app().envExport.variables(providersOf(flags))
      // The child needs the provider keys, not the master passphrase that unlocks all of them.
      const { childEnvironment } = await import('../../src-main/services/env-export')
      return { exitCode: await runChild(rest, childEnvironment(io.env, vars)) }
    },
    human: () => undefined,
    exitCode: (r) => r.exitCode,
  }),
  defineCommand({
    name: 'export',
    usage: '<file> [--force]   (passphrase on stdin)',
    summary: 'Write an encrypted backup of credentials, models and defaults',
    flags: { force: { type: 'boolean' } },
    positionals: [1, 1],
    run: async (input) => {
      const file = fileArg(input)
      const passphrase = await readPassphrase(input)
      return input
        .app()
        .backup.exportTo(file, passphrase, { overwrite: Boolean(input.flags.force) })
    },
    human: (x, io) => {
      io.out(
        `Wrote ${x.path}: ${plural(x.credentials, 'credential')}, ${plural(x.models, 'model')}, ${plural(x.defaults, 'default')}` +
          (x.skippedUndecryptable
            ? ` (${plural(x.skippedUndecryptable, 'undecryptable credential')} left out)`
            : ''),
      )
    },
  }),
  defineCommand({
    name: 'import',
    usage: '<file>   (passphrase on stdin)',
    summary: 'Merge an encrypted backup into this store (existing credentials are kept)',
    flags: {},
    positionals: [1, 1],
    run: async (input) => {
      const file = fileArg(input)
      const passphrase = await readPassphrase(input)
      return input.app().backup.importFrom(file, passphrase)
    },
    human: (x, io) => {
      io.out(
        [
          `Credentials: ${x.credentialsImported} imported, ${x.credentialsSkipped} already here, ${x.credentialsRejected.length} rejected`,
          `Models: ${x.modelsImported} imported, ${x.modelsSkipped} already here`,
          `Defaults restored: ${x.defaultsRestored.join(', ') || 'none'}`,
          // Provider and name come neutralised from the service (no control or escape codes).
          ...x.credentialsRejected.map(
            (r) =>
              `Rejected #${r.index + 1} ${r.name ?? '(no name)'} (${r.provider ?? '?'}): ${r.code} ${r.message}`,
          ),
        ].join('\n'),
      )
    },
    // Some credentials were refused: the rest is imported, and scripts can tell.
    exitCode: (x) => (x.credentialsRejected.length ? 1 : 0),
  }),
]
