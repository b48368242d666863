import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `cli:*` channels: the PATH installer does the work. */
export function cliHandlers(app: AppContext): DomainHandlers<'cli'> {
  return {
    'cli:status': () => app.cliInstaller.status(),
    'cli:install': ({ elevate }) => app.cliInstaller.install({ elevate }),
  }
}
