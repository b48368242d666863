import type {
  ConnectionTestView,
  ProviderFormView,
} from '../../../src-preload/contract/credentials'
import type { AppContext } from '../../app-context'
import { AppError } from '../../errors'
import { catalogView } from '../../providers/catalog'
import { guideView } from '../../providers/guides'
import type { ConnectionTestResult } from '../../services/connection-tests'
import type { DomainHandlers } from './types'

/** The catalog as the add / edit forms need it (no env vars, adapters or static model lists). */
function providerForms(): ProviderFormView[] {
  return catalogView().map((p) => ({
    id: p.id,
    displayName: p.displayName,
    modalities: p.modalities,
    fields: p.fields,
    defaultBaseUrl: p.defaultBaseUrl,
    docsUrl: p.docsUrl,
    local: p.local,
    guide: guideView(p.id),
  }))
}

/** A test result as IPC sends it (absent details become null, so the shape is stable). */
const toView = (r: ConnectionTestResult): ConnectionTestView => ({
  ...r,
  details: r.details ?? null,
})

/** Handlers of the `credentials:*` channels: thin calls into the credentials service. */
export function credentialsHandlers(app: AppContext): DomainHandlers<'credentials'> {
  const svc = app.credentials
  // One test-all run at a time per context; its controller lets `cancelTests` stop it.
  let run: AbortController | null = null
  return {
    'credentials:list': ({ provider }) => svc.list(provider ? { provider } : {}),
    'credentials:get': ({ id }) => svc.show(id),
    'credentials:create': (req) => svc.create(req),
    'credentials:update': ({ id, ...patch }) => svc.update(id, patch),
    'credentials:delete': ({ id }) => svc.delete(id),
    'credentials:setPrimary': ({ id }) => svc.setPrimary(id),
    'credentials:providers': () => providerForms(),
    'credentials:test': async ({ id }) => {
      const result = toView(await app.tests.testOne(id))
      app.emit('credentials:testResult', { result })
      return result
    },
    'credentials:testAll': async ({ concurrency }) => {
      if (run) throw new AppError('conflict', 'A test of every credential is already running.')
      const controller = new AbortController()
      run = controller
      try {
        const all = await app.tests.testAll({
          concurrency: concurrency ?? 8,
          signal: controller.signal,
          onResult: (r) => app.emit('credentials:testResult', { result: toView(r) }),
        })
        return { ...all, results: all.results.map(toView) }
      } finally {
        run = null
      }
    },
    'credentials:cancelTests': () => {
      const active = run
      active?.abort()
      return { cancelled: Boolean(active) }
    },
    'credentials:lastTests': async () => ({ ...(await app.store.read()).lastTests }),
  }
}
