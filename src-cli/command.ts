/**
 * What a CLI command is: a name (one or two words), its flags, a run function that returns a
 * JSON-able value (printed as-is with --json), and a human renderer for the same value.
 * `defineCommand` types each command end to end: its flag values come from its own flag table and
 * its renderer and exit code get exactly what its run returned.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { AppContext } from '../src-main/app-context'
import { AppError } from '../src-main/errors'
import { EXIT } from './exit-codes'
import { jsonForTerminal, safeDeep } from './safe-text'

export type FlagSpec = NonNullable<ParseArgsConfig['options']>

/** A `validation` error (exit code 2) naming the flag or argument at fault when there is one. */
export const invalid = (message: string, field?: string): AppError =>
  new AppError('validation', message, field ? { field } : undefined)

/** How every command's arguments are parsed: strict (unknown flags are usage errors). */
type ParseConfig<F extends FlagSpec> = {
  args: string[]
  options: F
  strict: true
  allowPositionals: true
}

/** The parsed values of flag table `F`: a string, a boolean or a list per flag; absent → undefined. */
export type FlagValues<F extends FlagSpec> = ReturnType<typeof parseArgs<ParseConfig<F>>>['values']

export interface CliIo {
  /**
   * Human text (and progress) goes to stderr; stdout carries the result. In human mode both
   * neutralise control and escape characters (src-cli/safe-text.ts).
   */
  out: (text: string) => void
  err: (text: string) => void
  /** stdout exactly as given: only for `env`, whose output is the secret values themselves. */
  raw?: (text: string) => void
  /** Reads all of stdin (for --key-stdin and passphrases). */
  readStdin: () => Promise<string>
  env: NodeJS.ProcessEnv
  json: boolean
}

/** What a command runs with besides its own arguments. */
export interface RunContext {
  /** Arguments after `--` (for `run`). */
  rest: string[]
  io: CliIo
  /** The app context, built on first use (commands like `providers` never open the store). */
  app: () => AppContext
}

export interface CommandInput<F extends FlagSpec = FlagSpec> extends RunContext {
  flags: FlagValues<F>
  positionals: string[]
}

/** A command as written: `F` its flag table, `R` what its run returns. */
export interface CommandDef<F extends FlagSpec, R> {
  /** `list`, `vault status`, `ollama pull` … */
  name: string
  /** Usage after the name, e.g. `<id> [--name N]`. */
  usage: string
  summary: string
  /** The flags, as node's parseArgs takes them (`{}` for none). */
  flags: F
  /** Positional arguments expected: [min, max]. */
  positionals?: [number, number]
  run: (input: CommandInput<F>) => Promise<R>
  /**
   * Prints the result for people (stderr/stdout as fits), given with every string made safe for
   * a terminal; defaults to pretty JSON.
   */
  human?: (result: R, io: CliIo) => void
  /** The --json document when it is not the result itself (a projection to DESIGN §9's shape). */
  json?: (result: R) => unknown
  /** The command prints its own --json line (a server that announces its URL, then runs). */
  printsItself?: boolean
  /** Exit code for a result that ran but did not succeed (a failed test → 1). */
  exitCode?: (result: R) => number
}

/** A finished run: the value for --json, the human rendering of it, and the exit code. */
export interface Outcome {
  value: unknown
  human: (io: CliIo) => void
  exitCode: number
}

/** The command's arguments, parsed: its positionals, and the run that uses them. */
export interface ParsedCommand {
  positionals: string[]
  run: (context: RunContext) => Promise<Outcome>
}

/** A command as the runner holds it (the command table): its types stay inside `parse`. */
export interface CliCommand {
  name: string
  usage: string
  summary: string
  flags: FlagSpec
  positionals?: [number, number]
  printsItself?: boolean
  /** Parses the arguments after the command's name; throws parseArgs' error on a usage error. */
  parse: (args: string[]) => ParsedCommand
}

/** A command with flags typed by its flag table and a result typed from run to renderer. */
export function defineCommand<const F extends FlagSpec, R>(def: CommandDef<F, R>): CliCommand {
  return {
    name: def.name,
    usage: def.usage,
    summary: def.summary,
    flags: def.flags,
    positionals: def.positionals,
    printsItself: def.printsItself,
    parse: (args) => {
      const config: ParseConfig<F> = {
        args,
        options: def.flags,
        strict: true,
        allowPositionals: true,
      }
      const { values, positionals } = parseArgs(config)
      return {
        positionals,
        run: async (context) => {
          const result = await def.run({ ...context, flags: values, positionals })
          return {
            value: def.json ? def.json(result) : result,
            human: (io) => {
              if (def.human) def.human(safeDeep(result), io)
              else if (result !== undefined) io.out(jsonForTerminal(result, 2))
            },
            exitCode: def.exitCode?.(result) ?? EXIT.ok,
          }
        },
      }
    },
  }
}
