import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `home:*` channels (issue 16); the work is in src-main/services/overview.ts. */
export function homeHandlers(app: AppContext): DomainHandlers<'home'> {
  return {
    'home:overview': () => app.overview.get(),
  }
}
