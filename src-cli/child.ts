/** Runs a child process for `run` (DESIGN §9): stdio inherited, signals passed on. */
import { spawn } from 'node:child_process'
import os from 'node:os'
import { AppError } from '../src-main/errors'

/**
 * Signals a terminal or supervisor sends; forwarded to the child while it runs. SIGUSR1 is not
 * among them: the CLI keeps it as a no-op (src-cli/harden.ts).
 */
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2']

/** The shell convention for a process killed by a signal: 128 + its number (SIGKILL → 137). */
export function signalExitCode(signal: NodeJS.Signals): number {
  const n: unknown = Object.entries(os.constants.signals).find(([name]) => name === signal)?.[1]
  return 128 + (typeof n === 'number' ? n : 0)
}

/** Runs `argv` with `env`, stdio inherited; resolves with its exit code (128 + n for a signal). */
export function runChild(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    // Listening before the spawn: a signal that arrives as the child starts is passed on too.
    let child: ReturnType<typeof spawn> | null = null
    const forward = (sig: NodeJS.Signals) => child?.kill(sig)
    for (const sig of FORWARDED) process.on(sig, forward)
    child = spawn(argv[0]!, argv.slice(1), { env, stdio: 'inherit' })
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
      resolve(code ?? (signal ? signalExitCode(signal) : 1))
    })
  })
}
