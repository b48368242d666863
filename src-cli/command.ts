/**
 * What a CLI command is: a name (one or two words), its flags, a run function that returns a
 * JSON-able value (printed as-is with --json), and a human renderer for the same value.
 */
import type { ParseArgsConfig } from 'node:util'
import type { AppContext } from '../src-main/app-context'

export type FlagSpec = NonNullable<ParseArgsConfig['options']>

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

export interface CommandInput {
  flags: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
  /** Arguments after `--` (for `run`). */
  rest: string[]
  io: CliIo
  /** The app context, built on first use (commands like `providers` never open the store). */
  app: () => AppContext
}

export interface CliCommand {
  /** `list`, `vault status`, `ollama pull` … */
  name: string
  /** Usage after the name, e.g. `<id> [--name N]`. */
  usage: string
  summary: string
  flags?: FlagSpec
  /** Positional arguments expected: [min, max]. */
  positionals?: [number, number]
  run: (input: CommandInput) => Promise<unknown>
  /** Prints the result for people (stderr/stdout as fits); defaults to pretty JSON. */
  human?: (result: unknown, io: CliIo) => void
  /** The command prints its own --json line (a server that announces its URL, then runs). */
  printsItself?: boolean
  /** Exit code for a result that ran but did not succeed (a failed test → 1). */
  exitCode?: (result: unknown) => number
}
