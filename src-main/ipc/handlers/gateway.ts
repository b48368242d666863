import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `gateway:*` channels (DESIGN §14); the service does the work. */
export function gatewayHandlers(app: AppContext): DomainHandlers<'gateway'> {
  return {
    'gateway:status': () => app.gateway.status(),
    'gateway:setEnabled': ({ enabled, port }) => app.gateway.setEnabled(enabled, port),
    'gateway:tokens': () => app.gateway.listTokens(),
    'gateway:createToken': (req) => app.gateway.createToken(req),
    'gateway:removeToken': ({ id }) => app.gateway.removeToken(id),
    'gateway:usage': () => app.gateway.usage(),
    'gateway:limits': () => app.gateway.limits(),
    'gateway:models': () => app.gateway.models(),
  }
}
