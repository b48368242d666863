import type { AppContext } from '../../app-context'
import { fail } from '../../errors'
import type { DomainHandlers } from './types'

/**
 * Handlers of the `verify:*` channels (issue 16). The contract lands first so the renderer can
 * be built against it; until the streaming service is wired, a start answers `unsupported`.
 */
export function verifyHandlers(_app: AppContext): DomainHandlers<'verify'> {
  return {
    'verify:start': () => {
      throw fail.unsupported('The verification check is not available yet.')
    },
    'verify:cancel': () => ({ cancelled: false }),
    'verify:takeOpenRequest': () => ({ request: null }),
  }
}
