import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `updates:*` channels: the state machine does the work. */
export function updatesHandlers(app: AppContext): DomainHandlers<'updates'> {
  return {
    'updates:status': () => app.updates.status(),
    'updates:check': () => app.updates.check(),
    'updates:restart': () => ({ restarting: app.updates.restart() }),
  }
}
