import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `setup:*` channels; the job is src-main/services/offline-setup.ts. */
export function setupHandlers(app: AppContext): DomainHandlers<'setup'> {
  return {
    'setup:offlineStart': ({ baseUrl, model, makeDefault }) =>
      app.offlineSetup.start({
        baseUrl,
        model,
        ...(makeDefault !== undefined ? { makeDefault } : {}),
      }),
    'setup:offlineCancel': ({ jobId }) => ({ cancelled: app.offlineSetup.cancel(jobId) }),
    'setup:offlineActive': () => app.offlineSetup.active(),
  }
}
