/**
 * The `switchboard` command (DESIGN §9): global flags, command lookup from the registry, flag
 * parsing, one JSON document on stdout with --json, human text otherwise, and the exit codes.
 */
import type { AppContext } from '../src-main/app-context'
import { AppError, toErrorBody } from '../src-main/errors'
import { errorFields } from '../src-main/log/logger'
import { scrubAll } from '../src-main/secrets/scrub'
import type { ErrorParams } from '../src-preload/contract'
import type { CliCommand, CliIo, ParsedCommand } from './command'
import { EXIT, exitCodeFor } from './exit-codes'
import { jsonForTerminal, safeLines, safeText } from './safe-text'
import { commands as defaultCommands } from './registry'

export interface RunOptions {
  version: string
  commands?: CliCommand[]
}

/** Finds the command named by the leading positionals (longest names first). */
function findCommand(words: string[], table: CliCommand[]): [CliCommand, number] | null {
  for (const size of [3, 2, 1]) {
    const name = words.slice(0, size).join(' ')
    const cmd = table.find((c) => c.name === name)
    if (cmd && words.length >= size) return [cmd, size]
  }
  return null
}

/** The full help text, generated from the command table. */
export function helpText(table: CliCommand[]): string {
  const lines = table.map((c) => `  ${`${c.name} ${c.usage}`.trim()}\n      ${c.summary}`)
  return [
    'Usage: switchboard [--json] <command> [flags]',
    '',
    'Keeps your AI-provider credentials safe on this machine and hands them to scripts.',
    '',
    'Commands:',
    ...lines,
    '',
    'Global flags:',
    '  --json       print exactly one JSON document on stdout',
    '  --help, -h   show help (also: switchboard <command> --help)',
    '  --version    print the version',
    '',
    'Secrets are read from stdin (--key-stdin), never from arguments.',
    'Exit codes: 0 ok, 1 failed, 2 usage or validation error, 3 vault locked or wrong key.',
    "Data directory: SWITCHBOARD_HOME, else the app's own (e.g. ~/.config/Switchboard).",
  ].join('\n')
}

function commandHelp(cmd: CliCommand): string {
  return `Usage: switchboard [--json] ${cmd.name} ${cmd.usage}`.trimEnd() + `\n\n${cmd.summary}`
}

/**
 * parseArgs' refusal in one line. A value starting with `-` after a flag (`--name -x`) is refused
 * as ambiguous (it may be a forgotten value); node's own hint names the form that carries any
 * text, `--name=-x`, so it is kept.
 */
function usageProblem(err: unknown): string {
  const lines = (err instanceof Error ? err.message : String(err)).split('\n')
  const hint = lines.find((l) => l.startsWith('To specify an option argument starting with a dash'))
  return hint ? `${lines[0]} ${hint}` : lines[0]!
}

/** Runs one invocation; resolves with the exit code. Never throws. */
export async function runCli(
  argv: string[],
  io: Omit<CliIo, 'json'>,
  options: RunOptions,
): Promise<number> {
  const table = options.commands ?? defaultCommands
  const dash = argv.indexOf('--')
  const head = dash >= 0 ? argv.slice(0, dash) : argv
  const rest = dash >= 0 ? argv.slice(dash + 1) : []
  const json = head.includes('--json')
  const args = head.filter((a) => a !== '--json')
  // Human output never lets a name or a server's text drive the terminal; JSON stays exact JSON.
  const fullIo: CliIo = {
    ...io,
    json,
    raw: io.out,
    out: json ? io.out : (t) => io.out(safeLines(t)),
    err: (t) => io.err(safeLines(t)),
  }

  const fail = (
    code: Parameters<typeof exitCodeFor>[0],
    message: string,
    exit: number,
    params?: ErrorParams,
  ) => {
    // `params` (field, reason …) let scripts tell one refusal from another; never a secret.
    if (json)
      fullIo.out(jsonForTerminal({ error: params ? { code, message, params } : { code, message } }))
    else fullIo.err(`switchboard: ${safeText(message)}`)
    return exit
  }

  if (args.includes('--version')) {
    fullIo.out(json ? jsonForTerminal({ version: options.version }) : options.version)
    return EXIT.ok
  }
  const words = args.filter((a) => !a.startsWith('-'))
  const wantsHelp = args.includes('--help') || args.includes('-h')
  const found = findCommand(words, table)
  if (!found) {
    if (wantsHelp || words.length === 0) {
      const text = helpText(table)
      if (wantsHelp) {
        fullIo.out(text)
        return EXIT.ok
      }
      fullIo.err(text)
      return fail('validation', 'no command given', EXIT.usage)
    }
    return fail('validation', `unknown command "${words[0]}" (see switchboard --help)`, EXIT.usage)
  }
  const [cmd, size] = found
  if (wantsHelp) {
    fullIo.out(commandHelp(cmd))
    return EXIT.ok
  }
  // Drop the command words (they are the first `size` non-flag arguments).
  let dropped = 0
  const cmdArgs = args.filter((a) =>
    dropped < size && !a.startsWith('-') ? (dropped++, false) : true,
  )
  let parsed: ParsedCommand
  try {
    parsed = cmd.parse(cmdArgs)
  } catch (err) {
    return fail(
      'validation',
      `${usageProblem(err)} (see switchboard ${cmd.name} --help)`,
      EXIT.usage,
    )
  }
  const [min, max] = cmd.positionals ?? [0, 0]
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    return fail(
      'validation',
      `wrong number of arguments: ${commandHelp(cmd).split('\n')[0]}`,
      EXIT.usage,
    )
  }

  // A holder, not a `let`: the context is made inside a closure, which narrowing cannot see.
  const made: { app?: AppContext } = {}
  try {
    // The app context pulls in the services, SDKs, undici and the zod schemas: loaded only now
    // that a command runs, so `--help`, `--version` and usage errors start fast (issue 17).
    const { createAppContext, dataFolder } = await import('../src-main/app-context')
    const outcome = await parsed.run({
      rest,
      io: fullIo,
      app: () =>
        (made.app ??= createAppContext({
          home: dataFolder(io.env),
          env: io.env,
          version: options.version,
          logName: 'cli.log',
        })),
    })
    if (json) {
      if (!cmd.printsItself) fullIo.out(jsonForTerminal(outcome.value ?? null))
    } else outcome.human(fullIo)
    return outcome.exitCode
  } catch (err) {
    // The secrets this run handled are scrubbed from the message, the debug stack and the log.
    const secrets = made.app?.vault.known.list() ?? []
    const body = toErrorBody(err, secrets)
    const exit = err instanceof AppError ? exitCodeFor(body.code) : EXIT.failed
    if (!(err instanceof AppError)) {
      made.app?.log.for('cli').error(`${cmd.name} failed`, errorFields(err))
      if (io.env.SWITCHBOARD_DEBUG)
        fullIo.err(scrubAll(String(err instanceof Error ? (err.stack ?? err) : err), secrets))
    }
    return fail(body.code, body.message, exit, body.params)
  }
}
