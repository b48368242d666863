/** Wires the tray model to the app's services. */
import type { AppContext } from '../app-context'
import { getProvider } from '../providers/catalog'
import type { TrayModelDeps } from './tray-model'

/** The tray's data sources and actions over one app context. */
export function trayDepsFrom(
  app: AppContext,
): Pick<
  TrayModelDeps,
  'listCredentials' | 'testAll' | 'detectLocal' | 'gatewayStatus' | 'chatDefault'
> {
  return {
    listCredentials: async () => {
      const [creds, lastTests] = await Promise.all([
        app.credentials.list(),
        app.tests.lastResults(),
      ])
      return creds.map((c) => {
        const last = lastTests[c.id]
        return {
          id: c.id,
          name: c.name,
          providerName: safeName(c.provider),
          last: last ? { code: last.code, at: last.at } : null,
        }
      })
    },
    testAll: (onResult) =>
      app.tests.testAll({
        onResult: (r) => onResult({ credentialId: r.credentialId, code: r.code }),
      }),
    detectLocal: async () => (await app.local.detect()).servers.length,
    chatDefault: async () => {
      const [defaults, models] = await Promise.all([app.defaults.get(), app.models.list()])
      const modelId = defaults.slots.chat.modelId
      const model = modelId ? models.find((m) => m.id === modelId) : undefined
      return model ? { credentialId: model.credentialId, modelId: model.id } : null
    },
    gatewayStatus: async () => {
      const s = await app.gateway.status()
      return { running: s.running, url: s.url }
    },
  }
}

function safeName(provider: string): string {
  try {
    return getProvider(provider).displayName
  } catch {
    return provider
  }
}
