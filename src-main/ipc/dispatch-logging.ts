/**
 * The dispatcher's logging half, wired the same way in the app and in the tests' IPC harness
 * (issue 13): a refused sender and a failed handler become lines of the `ipc` logger, and every
 * error message — in the answer and in the log — is scrubbed of the vault's known secrets.
 */
import type { AppContext } from '../app-context'
import { AppError } from '../errors'
import { errorFields } from '../log/logger'
import type { DispatcherOptions } from './dispatch'

/** Dispatcher options that log through `ctx.log` and scrub with `ctx.vault.known`. */
export function dispatchLogging(
  ctx: Pick<AppContext, 'log' | 'vault'>,
): Pick<DispatcherOptions, 'log' | 'knownSecrets' | 'onError'> {
  const log = ctx.log.for('ipc')
  return {
    log: (line) => log.warn(line),
    knownSecrets: () => ctx.vault.known.list(),
    // A coded outcome (not_found, conflict, a failed test …) is the user's business, not a fault:
    // it is logged only at debug, so a refused request still changes nothing in the data folder.
    onError: (channel, err) => {
      const expected = err instanceof AppError && err.code !== 'internal'
      log[expected ? 'debug' : 'error']('handler failed', { channel, ...errorFields(err) })
    },
  }
}
