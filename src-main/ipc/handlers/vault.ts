import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `vault:*` channels. */
export function vaultHandlers(app: AppContext): DomainHandlers<'vault'> {
  return {
    'vault:status': () => app.vault.status(),
    'vault:rotate': async () => {
      const result = await app.vault.rotate()
      app.emit('credentials:changed', { reason: 'rotated', ids: [] })
      return result
    },
  }
}
