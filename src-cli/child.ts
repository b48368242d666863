/** Runs a child process for `run` (DESIGN §9): stdio inherited, signals passed on. */
import { spawn } from 'node:child_process'
import { AppError } from '../src-main/errors'

/** Signals a terminal or supervisor sends; forwarded to the child while it runs. */
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** Runs `argv` with `env`, stdio inherited; resolves with its exit code (128 + n for a signal). */
export function runChild(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
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
