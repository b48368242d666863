import type { AppContext } from '../../app-context'
import type { Handlers } from '../dispatch'
import { appHandlers } from './app'
import { credentialsHandlers } from './credentials'
import { defaultsHandlers } from './defaults'
import { gatewayHandlers } from './gateway'
import { localHandlers } from './local'
import { modelsHandlers } from './models'
import { settingsHandlers } from './settings'
import { vaultHandlers } from './vault'
import { updatesHandlers } from './updates'
import { cliHandlers } from './cli'
import { dialogHandlers } from './dialog'
import { homeHandlers } from './home'
import { setupHandlers } from './setup'
import { verifyHandlers } from './verify'

/** Every channel's handler, built over one app context. */
export function createHandlers(app: AppContext): Handlers {
  return {
    ...appHandlers(app),
    ...credentialsHandlers(app),
    ...vaultHandlers(app),
    ...modelsHandlers(app),
    ...defaultsHandlers(app),
    ...localHandlers(app),
    ...settingsHandlers(app),
    ...gatewayHandlers(app),
    ...updatesHandlers(app),
    ...cliHandlers(app),
    ...dialogHandlers(app),
    ...homeHandlers(app),
    ...setupHandlers(app),
    ...verifyHandlers(app),
  }
}
