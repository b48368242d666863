/**
 * `migrate-env`, `env`, `run`, `export`, `import` (DESIGN §9): provider keys from and to
 * environment variables, and encrypted backups. `env` prints secrets because that is what it is
 * for; `run` hands them to a child process and prints nothing; backups take their passphrase
 * from stdin, never from argv.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import type {
  BackupExportResult,
  BackupImportResult,
  MigrateEnvResult,
} from '../../src-preload/contract'
import { AppError } from '../../src-main/errors'
import { ENV_FORMATS, formatEnv, type EnvFormat } from '../../src-main/services/env-export'
import type { CliCommand, CommandInput } from '../command'
import { plural } from '../format'

const bad = (message: string, field?: string) =>
  new AppError('validation', message, field ? { field } : undefined)

const providerFlag = { provider: { type: 'string' as const, multiple: true } }
const providersOf = (flags: CommandInput['flags']) => (flags.provider as string[] | undefined) ?? []

/** The passphrase piped on stdin (one trailing newline dropped; everything else is kept). */
async function readPassphrase(input: CommandInput): Promise<string> {
  const text = (await input.io.readStdin()).replace(/\r?\n$/, '')
  if (!text)
    throw bad(
      'pipe the backup passphrase on stdin (it is never taken from arguments)',
      'passphrase',
    )
  return text
}

/** The file argument as an absolute path (relative ones are from the current directory). */
const fileArg = (input: CommandInput) => path.resolve(input.positionals[0]!)

/** Signals a terminal or supervisor sends; forwarded to the child while it runs. */
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** Runs `argv` with `env`, stdio inherited; resolves with its exit code (128 + n for a signal). */
function runChild(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { env, stdio: 'inherit' })
    const forward = (sig: NodeJS.Signals) => child.kill(sig)
    for (const sig of FORWARDED) process.on(sig, forward)
    const done = () => {
      for (const sig of FORWARDED) process.off(sig, forward)
    }
    child.on('error', (err: NodeJS.ErrnoException) => {
      done()
      reject(
        err.code === 'ENOENT'
          ? new AppError('not_found', `The command "${argv[0]!.slice(0, 200)}" was not found.`, {
              reason: 'command_not_found',
            })
          : new AppError('internal', `The command could not be started (${err.code ?? 'error'}).`),
      )
    })
    child.on('exit', (code, signal) => {
      done()
      const n = signal
        ? (({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ??
          0)
        : 0
      resolve(code ?? 128 + n)
    })
  })
}

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
  {
    name: 'migrate-env',
    usage: '[--dry-run]',
    summary:
      'Import provider keys found in environment variables as credentials ("From environment")',
    flags: { 'dry-run': { type: 'boolean' } },
    run: async ({ flags, io, app }) => {
      const dryRun = Boolean(flags['dry-run'])
      const result = await app().envMigration.migrate({ dryRun })
      // Printed here because the wording depends on --dry-run, which `human` does not see.
      if (!io.json) printMigration(result, io.out, dryRun)
      return result
    },
    human: () => undefined,
    exitCode: (r) => ((r as MigrateEnvResult).errors.length ? 1 : 0),
  },
  {
    name: 'env',
    usage: '[--provider P ...] [--format dotenv|shell|json]',
    summary:
      "Print the providers' environment variables (keys included) from each primary credential",
    flags: { ...providerFlag, format: { type: 'string' } },
    run: async ({ flags, io, app }) => {
      const format = (flags.format as string | undefined) ?? 'dotenv'
      if (!ENV_FORMATS.includes(format as EnvFormat))
        throw bad('--format takes dotenv, shell or json', 'format')
      const vars = await app().envExport.variables(providersOf(flags))
      // Printed here because the rendering depends on --format, which `human` does not see.
      if (!io.json && Object.keys(vars).length) io.out(formatEnv(vars, format as EnvFormat))
      return vars
    },
    human: () => undefined,
  },
  {
    name: 'run',
    usage: '[--provider P ...] -- <command> [args]',
    summary: "Run a command with the providers' environment variables added; exits with its code",
    flags: providerFlag,
    run: async ({ flags, rest, io, app }) => {
      if (!rest.length)
        throw bad('give the command after --, e.g. switchboard run -- python script.py', 'command')
      const vars = await app().envExport.variables(providersOf(flags))
      // The child needs the provider keys, not the master passphrase that unlocks all of them.
      const env: NodeJS.ProcessEnv = { ...io.env, ...vars }
      delete env.SWITCHBOARD_ENCRYPTION_KEY
      return { exitCode: await runChild(rest, env) }
    },
    human: () => undefined,
    exitCode: (r) => (r as { exitCode: number }).exitCode,
  },
  {
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
    human: (r, io) => {
      const x = r as BackupExportResult
      io.out(
        `Wrote ${x.path}: ${plural(x.credentials, 'credential')}, ${plural(x.models, 'model')}, ${plural(x.defaults, 'default')}` +
          (x.skippedUndecryptable
            ? ` (${plural(x.skippedUndecryptable, 'undecryptable credential')} left out)`
            : ''),
      )
    },
  },
  {
    name: 'import',
    usage: '<file>   (passphrase on stdin)',
    summary: 'Merge an encrypted backup into this store (existing credentials are kept)',
    positionals: [1, 1],
    run: async (input) => {
      const file = fileArg(input)
      const passphrase = await readPassphrase(input)
      return input.app().backup.importFrom(file, passphrase)
    },
    human: (r, io) => {
      const x = r as BackupImportResult
      io.out(
        [
          `Credentials: ${x.credentialsImported} imported, ${x.credentialsSkipped} already here`,
          `Models: ${x.modelsImported} imported, ${x.modelsSkipped} already here`,
          `Defaults restored: ${x.defaultsRestored.join(', ') || 'none'}`,
        ].join('\n'),
      )
    },
  },
]
