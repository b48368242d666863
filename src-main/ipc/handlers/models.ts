import type { AppContext } from '../../app-context'
import { AppError } from '../../errors'
import type { DomainHandlers } from './types'

/** Handlers of the `models:*` channels. Discover and test run as cancellable jobs when given a jobId. */
export function modelsHandlers(app: AppContext): DomainHandlers<'models'> {
  const jobs = new Map<string, AbortController>()

  const asJob = async <T>(jobId: string | undefined, run: (signal?: AbortSignal) => Promise<T>) => {
    if (!jobId) return run()
    if (jobs.has(jobId))
      throw new AppError('conflict', 'A job with this id is already running.', { jobId })
    const controller = new AbortController()
    jobs.set(jobId, controller)
    try {
      return await run(controller.signal)
    } finally {
      jobs.delete(jobId)
    }
  }

  return {
    'models:discover': ({ credentialId, jobId }) =>
      asJob(jobId, (signal) => app.models.discover(credentialId, signal)),
    'models:register': ({ credentialId, models }) => app.models.register(credentialId, models),
    'models:list': (filter) => app.models.list(filter),
    'models:unregister': ({ modelId }) => app.models.unregister(modelId),
    'models:test': ({ modelId, jobId }) =>
      asJob(jobId, (signal) => app.models.modelTest(modelId, signal)),
    'models:cancel': ({ jobId }) => {
      const controller = jobs.get(jobId)
      controller?.abort()
      return { cancelled: Boolean(controller) }
    },
  }
}
