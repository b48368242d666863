import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `vault:*` channels. */
export function vaultHandlers(_app: AppContext): DomainHandlers<'vault'> {
  return {}
}
