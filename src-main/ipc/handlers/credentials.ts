import type { ProviderFormView } from '../../../src-preload/contract/credentials'
import { TEST_ALL_CONCURRENCY } from '../../../src-preload/contract/test-all'
import type { AppContext } from '../../app-context'
import { catalogView } from '../../providers/catalog'
import { guideView } from '../../providers/guides'
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

/** Handlers of the `credentials:*` channels: thin calls into the credentials service. */
export function credentialsHandlers(app: AppContext): DomainHandlers<'credentials'> {
  const svc = app.credentials
  return {
    'credentials:list': ({ provider }) => svc.list(provider ? { provider } : {}),
    'credentials:listIfChanged': ({ since }) => svc.listIfChanged(since),
    'credentials:get': ({ id }) => svc.show(id),
    'credentials:create': (req) => svc.create(req),
    'credentials:update': ({ id, ...patch }) => svc.update(id, patch),
    'credentials:delete': ({ id }) => svc.delete(id),
    'credentials:deleteImpact': ({ id }) => svc.deleteImpact(id),
    'credentials:setPrimary': ({ id }) => svc.setPrimary(id),
    'credentials:providers': () => providerForms(),
    'credentials:test': ({ id }) => app.tests.testOne(id),
    // One run at a time, cancel and the result events are the service's (the tray uses it too).
    'credentials:testAll': ({ concurrency }) =>
      app.tests.testAll({ concurrency: concurrency ?? TEST_ALL_CONCURRENCY.default }),
    'credentials:cancelTests': () => ({ cancelled: app.tests.cancelAll() }),
    'credentials:lastTests': () => app.tests.lastResults(),
    'credentials:lastTestsIfChanged': ({ since }) => app.tests.lastResultsIfChanged(since),
  }
}
