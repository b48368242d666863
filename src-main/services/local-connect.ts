/**
 * Connect's needs (local/connect.ts `ConnectDeps`) met by the app's services: the credential is
 * made and found by the credentials service, models are discovered and registered by the models
 * service, empty slots filled by the defaults service. A service module (services may use local/,
 * not the other way round), so the composition root only wires (issue 13).
 */
import { AppError } from '../errors'
import type { ConnectDeps } from '../local/connect'
import type { CredentialsService } from './credentials'
import type { DefaultsService } from './defaults'
import type { ModelsService } from './models'

/** The services connect uses. */
export interface ConnectServices {
  credentials: Pick<CredentialsService, 'create' | 'delete' | 'list'>
  models: Pick<ModelsService, 'discover' | 'register'>
  defaults: Pick<DefaultsService, 'autoAssign'>
}

/** Connect's dependencies over the services. */
export function connectDepsFrom({ credentials, models, defaults }: ConnectServices): ConnectDeps {
  return {
    createCredential: (i) =>
      credentials.create({
        provider: i.provider,
        name: i.name,
        baseUrl: i.baseUrl,
        ...(i.apiKey ? { apiKey: i.apiKey } : {}),
      }),
    // Discovery answers its error as a value; connect needs it thrown (a wrong key undoes the create).
    discoverModels: async (id) => {
      const found = await models.discover(id)
      if (found.error) {
        throw new AppError(found.error.code, found.error.message, found.error.params)
      }
      return found.models.map((m) => ({ id: m.name, type: m.type }))
    },
    removeCredential: async (id) => {
      await credentials.delete(id)
    },
    registerModels: async (id, list) => {
      const r = await models.register(id, list)
      return { created: r.created.length, existing: r.existing.length }
    },
    autoAssignDefaults: async () => (await defaults.autoAssign()).assigned.map((a) => a.slot),
    // The same server connected twice reuses its credential (same provider and base URL).
    findCredential: async (provider, baseUrl) =>
      (await credentials.list({ provider })).find((c) => c.baseUrl === baseUrl) ?? null,
  }
}
