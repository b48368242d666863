/**
 * Offline setup as one use case in main (DESIGN §8, issue 13: multi-step use cases run in main):
 * pull a model on an Ollama server (skipped when it is installed), register it on that server's
 * credential (connect creates it when missing), make it the default for its slot, and run a first
 * test prompt. Each change of a step goes out as `setup:offlineProgress`; the Local page and the
 * first-run screen only show it. A failed step stops the job with its coded error; cancel aborts
 * the pull or the test in flight. No cloud key is needed at any step.
 */
import { randomUUID } from 'node:crypto'
import type { DefaultSlotName } from '../../src-preload/contract/defaults'
import type { ErrorCode } from '../../src-preload/contract/errors'
import type {
  ConnectResult,
  OllamaInstalledModel,
  PullProgress,
} from '../../src-preload/contract/local'
import type { ModelTestResult, ModelView } from '../../src-preload/contract/models'
import { slotOfType } from '../../src-preload/contract/model-types'
import type { ModelType } from '../../src-preload/contract/models-shared'
import type { OfflineSetupProgress, OfflineSetupStep } from '../../src-preload/contract/setup'
import { AppError } from '../errors'
import { createJobRegistry } from '../local/job-registry'
import { bundledModels, installedNameFor } from '../local/recommended'
import type { Emit } from '../platform'

/** What the job needs from the other services (wired in app-context.ts; fakes never needed). */
export interface OfflineSetupDeps {
  emit: Emit
  listInstalled: (baseUrl: string) => Promise<OllamaInstalledModel[]>
  pull: (model: string, baseUrl: string) => { jobId: string; finished: Promise<PullProgress> }
  cancelPull: (jobId: string) => boolean
  connect: (
    baseUrl: string,
    o: { models: { id: string; type: ModelType }[]; autoAssignDefaults: false },
  ) => Promise<ConnectResult>
  listModels: (credentialId: string) => Promise<ModelView[]>
  setDefault: (slot: DefaultSlotName, modelId: string) => Promise<unknown>
  testModel: (modelId: string, signal: AbortSignal) => Promise<ModelTestResult>
  keepEndedMs?: number
  now?: () => number
}

export interface StartOptions {
  baseUrl: string
  model: string
  makeDefault?: boolean
}

export interface OfflineSetupService {
  start(o: StartOptions): { jobId: string }
  cancel(jobId: string): boolean
  active(): OfflineSetupProgress[]
  /** Resolves with a job's final report (tests and the CLI wait on it). */
  finished(jobId: string): Promise<OfflineSetupProgress>
}

/** The type a bundled model has, before Ollama can tell (it is not pulled yet). */
const bundledType = (name: string): ModelType =>
  bundledModels().find((m) => m.name === name)?.type ?? 'language'

/** A job's first report: every step pending, the type and slot the bundled list expects. */
function initialReport(jobId: string, o: StartOptions): OfflineSetupProgress {
  const type = bundledType(o.model)
  return {
    jobId,
    model: o.model,
    baseUrl: o.baseUrl,
    type,
    slot: slotOfType(type),
    steps: { pull: 'pending', register: 'pending', default: 'pending', test: 'pending' },
    pullJobId: null,
    credentialId: null,
    modelId: null,
    error: null,
    reply: null,
    dimensions: null,
    latencyMs: null,
    finished: false,
  }
}

export function createOfflineSetup(deps: OfflineSetupDeps): OfflineSetupService {
  const jobs = createJobRegistry<OfflineSetupProgress>((p) => p.finished, {
    ...(deps.keepEndedMs !== undefined ? { keepEndedMs: deps.keepEndedMs } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  })
  const waiters = new Map<string, (p: OfflineSetupProgress) => void>()
  const pullOf = new Map<string, string>()

  const run = async (jobId: string, o: StartOptions, signal: AbortSignal) => {
    let current = initialReport(jobId, o)
    const report = (
      patch: Partial<OfflineSetupProgress>,
      steps: Partial<OfflineSetupProgress['steps']> = {},
    ) => {
      current = { ...current, ...patch, steps: { ...current.steps, ...steps } }
      const stamped = jobs.update(current)
      if (stamped) deps.emit('setup:offlineProgress', stamped)
      if (current.finished) {
        waiters.get(jobId)?.(stamped ?? current)
        waiters.delete(jobId)
      }
    }
    const stopIfCancelled = () => {
      if (signal.aborted) throw new AppError('cancelled', 'The setup was cancelled.')
    }
    let step: OfflineSetupStep = 'pull'
    try {
      // 1. pull, unless Ollama has it already
      let installed = await deps.listInstalled(o.baseUrl)
      if (installedNameFor(o.model, installed)) {
        report({}, { pull: 'skipped' })
      } else {
        const pull = deps.pull(o.model, o.baseUrl)
        pullOf.set(jobId, pull.jobId)
        report({ pullJobId: pull.jobId }, { pull: 'running' })
        const final = await pull.finished
        pullOf.delete(jobId)
        if (final.error) throw new AppError(final.error.code, final.error.message)
        report({}, { pull: 'done' })
        installed = await deps.listInstalled(o.baseUrl)
      }
      stopIfCancelled()

      // 2. register on the server's credential (created by connect when missing)
      step = 'register'
      report({}, { register: 'running' })
      const name = installedNameFor(o.model, installed)
      const model = installed.find((m) => m.name === name)
      if (!model) throw new AppError('not_found', 'not installed', { model: o.model })
      const conn = await deps.connect(o.baseUrl, {
        models: [{ id: model.name, type: model.type }],
        autoAssignDefaults: false,
      })
      const registered = (await deps.listModels(conn.credentialId)).find(
        (m) => m.name === model.name,
      )
      if (!registered) throw new AppError('not_found', 'not registered', { model: model.name })
      report(
        {
          type: model.type,
          slot: slotOfType(model.type),
          credentialId: conn.credentialId,
          modelId: registered.id,
        },
        { register: 'done' },
      )
      stopIfCancelled()

      // 3. the default for its slot
      step = 'default'
      if (o.makeDefault ?? true) {
        report({}, { default: 'running' })
        await deps.setDefault(slotOfType(model.type), registered.id)
        report({}, { default: 'done' })
      } else {
        report({}, { default: 'skipped' })
      }
      stopIfCancelled()

      // 4. a first test prompt (or one embedding)
      step = 'test'
      report({}, { test: 'running' })
      const test = await deps.testModel(registered.id, signal)
      // A failed test carries one of the non-`ok` codes, which are all error codes.
      if (!test.ok) throw new AppError(test.code as ErrorCode, test.message)
      report(
        {
          reply: test.result?.reply ?? null,
          dimensions: test.result?.dimensions ?? null,
          latencyMs: test.latencyMs,
          finished: true,
        },
        { test: 'done' },
      )
    } catch (err) {
      const e = signal.aborted
        ? new AppError('cancelled', 'The setup was cancelled.')
        : err instanceof AppError
          ? err
          : new AppError('internal', 'The setup failed.')
      report(
        {
          error: {
            step,
            code: e.code as ErrorCode,
            message: e.message,
            ...(e.params ? { params: e.params as Record<string, string | number> } : {}),
          },
          finished: true,
        },
        { [step]: 'failed' },
      )
    }
  }

  return {
    start(o) {
      const jobId = randomUUID()
      const first = initialReport(jobId, o)
      const signal = jobs.start(first)
      void run(jobId, o, signal)
      return { jobId }
    },

    cancel(jobId) {
      const pull = pullOf.get(jobId)
      if (pull) deps.cancelPull(pull)
      return jobs.cancel(jobId)
    },

    active: () => jobs.list(),

    finished(jobId) {
      const known = jobs.list().find((p) => p.jobId === jobId)
      if (known?.finished) return Promise.resolve(known)
      return new Promise((resolve) => waiters.set(jobId, resolve))
    },
  }
}
