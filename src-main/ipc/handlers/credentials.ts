import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `credentials:*` channels. */
export function credentialsHandlers(_app: AppContext): DomainHandlers<'credentials'> {
  return {}
}
