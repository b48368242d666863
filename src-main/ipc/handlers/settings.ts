import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `settings:*` channels. */
export function settingsHandlers(_app: AppContext): DomainHandlers<'settings'> {
  return {}
}
