/** Wires the tray model to the app's services. */
import type { AppContext } from '../app-context'
import type { TrayModelDeps } from './tray-model'

/** The tray's data sources and actions over one app context. */
export function trayDepsFrom(_app: AppContext): Pick<TrayModelDeps, 'listCredentials' | 'testAll' | 'detectLocal'> {
  // Filled in as the credentials, connection-test and local services land.
  return {
    listCredentials: async () => [],
    testAll: async () => undefined,
    detectLocal: async () => 0,
  }
}
