import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `defaults:*` channels. */
export function defaultsHandlers(app: AppContext): DomainHandlers<'defaults'> {
  return {
    'defaults:get': () => app.defaults.get(),
    'defaults:set': ({ slot, modelId }) => app.defaults.set(slot, modelId),
    'defaults:autoAssign': () => app.defaults.autoAssign(),
  }
}
