import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `local:*` channels. */
export function localHandlers(_app: AppContext): DomainHandlers<'local'> {
  return {}
}
