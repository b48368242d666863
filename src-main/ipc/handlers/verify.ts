import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/** Handlers of the `verify:*` channels; the runs are src-main/services/verify-model.ts. */
export function verifyHandlers(app: AppContext): DomainHandlers<'verify'> {
  return {
    'verify:start': ({ credentialId, modelId, prompt }) =>
      app.verify.start({ credentialId, modelId, ...(prompt !== undefined ? { prompt } : {}) }),
    'verify:cancel': ({ runId }) => ({ cancelled: app.verify.cancel(runId) }),
    'verify:takeOpenRequest': () => ({ request: app.verify.takeOpenRequest() }),
  }
}
