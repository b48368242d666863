import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `local:*` channels (DESIGN §8); the work is in src-main/local/service.ts. */
export function localHandlers(app: AppContext): DomainHandlers<'local'> {
  const local = app.local
  return {
    'local:detect': ({ timeoutMs }) => local.detect(timeoutMs ? { timeoutMs } : {}),
    'local:lastDetection': () => local.lastDetection(),
    'local:connect': ({ baseUrl, name, models, autoAssignDefaults, apiKey }) =>
      local.connect(baseUrl, {
        ...(name ? { name } : {}),
        ...(apiKey ? { apiKey } : {}),
        ...(models ? { models } : {}),
        ...(autoAssignDefaults !== undefined ? { autoAssignDefaults } : {}),
      }),
    'local:ollamaList': ({ baseUrl }) => local.ollama(baseUrl).list(),
    'local:ollamaPull': ({ model, baseUrl }) => local.startPull(model, baseUrl),
    'local:ollamaCancelPull': ({ jobId }) => ({ cancelled: local.cancelPull(jobId) }),
    'local:ollamaRemove': async ({ model, baseUrl }) => {
      await local.ollama(baseUrl).remove(model)
      return { removed: true as const }
    },
    'local:ollamaPs': ({ baseUrl }) => local.ollama(baseUrl).ps(),
    'local:ollamaUnload': async ({ model, baseUrl }) => {
      await local.ollama(baseUrl).unload(model)
      return { unloaded: true as const }
    },
    'local:recommended': ({ baseUrl }) => local.recommended(baseUrl),
    'local:activePulls': () => local.activePulls(),
    'local:importGguf': ({ path, name, baseUrl }) => local.startImport(path, name, baseUrl),
    'local:cancelImport': ({ jobId }) => ({ cancelled: local.cancelImport(jobId) }),
    'local:activeImports': () => local.activeImports(),
    'local:machine': () => local.machine(),
    'local:targets': async () => ({ targets: await local.targets.list() }),
    'local:addTarget': async ({ baseUrl }) => ({ targets: await local.targets.add(baseUrl) }),
    'local:removeTarget': async ({ baseUrl }) => ({ targets: await local.targets.remove(baseUrl) }),
  }
}
