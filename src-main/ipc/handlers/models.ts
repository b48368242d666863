import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `models:*` channels. */
export function modelsHandlers(_app: AppContext): DomainHandlers<'models'> {
  return {}
}
