import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `defaults:*` channels. */
export function defaultsHandlers(_app: AppContext): DomainHandlers<'defaults'> {
  return {}
}
