/**
 * The offline-setup flow for one recommended model (DESIGN §8): pull it (live progress), register
 * it on the Ollama credential (connect creates that credential when missing), make it the default
 * for its slot, and run a first test prompt. Each step's state is shown; a failed step stops the
 * flow with its error next to it. No cloud key is needed at any step.
 */
import { useCallback, useState } from 'react'
import type {
  DefaultSlotName,
  ErrorBody,
  ErrorCode,
  ModelType,
  RecommendedModel,
} from '../../../../src-preload/contract'
import { api, ApiError, unwrap } from '../../../lib/api'
import { errorBodyOf } from '../../../lib/errors'
import { useLocalStore } from '../../../stores/use-local-store'
import { installedNameFor } from '../format'

export const SETUP_STEPS = ['pull', 'register', 'default', 'test'] as const
export type SetupStep = (typeof SETUP_STEPS)[number]
export type StepState = 'pending' | 'running' | 'done' | 'skipped' | 'failed'

export interface SetupFlow {
  model: string
  type: ModelType
  slot: DefaultSlotName
  steps: Record<SetupStep, StepState>
  jobId: string | null
  error: { step: SetupStep; body: ErrorBody } | null
  /** What the first test produced: a reply, or the embedding's dimensions. */
  reply: string | null
  dimensions: number | null
  latencyMs: number | null
  finished: boolean
}

/** The default slot a model of this type fills. */
export function slotForType(type: ModelType): DefaultSlotName {
  const table: Record<ModelType, DefaultSlotName> = {
    language: 'chat',
    embedding: 'embedding',
    text_to_speech: 'textToSpeech',
    speech_to_text: 'speechToText',
  }
  return table[type]
}

/** Runs the flow; `flow` is null until a model is chosen. */
export function useSetupFlow(baseUrl: string) {
  const [flow, setFlow] = useState<SetupFlow | null>(null)
  const pullAndWait = useLocalStore((s) => s.pullAndWait)

  const run = useCallback(
    async (rec: RecommendedModel, makeDefault: boolean) => {
      const slot = slotForType(rec.type)
      let current: SetupFlow = {
        model: rec.name,
        type: rec.type,
        slot,
        steps: {
          pull: rec.installed ? 'skipped' : 'running',
          register: 'pending',
          default: 'pending',
          test: 'pending',
        },
        jobId: null,
        error: null,
        reply: null,
        dimensions: null,
        latencyMs: null,
        finished: false,
      }
      const update = (
        patch: Partial<SetupFlow>,
        steps: Partial<Record<SetupStep, StepState>> = {},
      ) => {
        current = { ...current, ...patch, steps: { ...current.steps, ...steps } }
        setFlow(current)
      }
      setFlow(current)
      let step: SetupStep = 'pull'
      try {
        if (!rec.installed) {
          const final = await pullAndWait(baseUrl, rec.name, (jobId) => update({ jobId }))
          if (final.error)
            throw new ApiError({ code: final.error.code, message: final.error.message })
          update({}, { pull: 'done' })
        }

        step = 'register'
        update({}, { register: 'running' })
        const installed = await unwrap(api().local.ollamaList({ baseUrl }))
        const name = installedNameFor(rec.name, installed)
        const model = installed.find((m) => m.name === name)
        if (!model)
          throw new ApiError({
            code: 'not_found',
            message: 'not installed',
            params: { model: rec.name },
          })
        const conn = await unwrap(
          api().local.connect({
            baseUrl,
            models: [{ id: model.name, type: model.type }],
            autoAssignDefaults: false,
          }),
        )
        const registered = (
          await unwrap(api().models.list({ credentialId: conn.credentialId }))
        ).find((m) => m.name === model.name)
        if (!registered)
          throw new ApiError({
            code: 'not_found',
            message: 'not registered',
            params: { model: model.name },
          })
        void useLocalStore.getState().loadCredentials()
        update({ type: model.type, slot: slotForType(model.type) }, { register: 'done' })

        step = 'default'
        if (makeDefault) {
          update({}, { default: 'running' })
          await unwrap(
            api().defaults.set({ slot: slotForType(model.type), modelId: registered.id }),
          )
          update({}, { default: 'done' })
        } else {
          update({}, { default: 'skipped' })
        }

        step = 'test'
        update({}, { test: 'running' })
        const test = await unwrap(api().models.test({ modelId: registered.id }))
        // A failed test carries one of the non-`ok` codes, which are all error codes.
        if (!test.ok) throw new ApiError({ code: test.code as ErrorCode, message: test.message })
        update(
          {
            reply: test.result?.reply ?? null,
            dimensions: test.result?.dimensions ?? null,
            latencyMs: test.latencyMs,
            finished: true,
          },
          { test: 'done' },
        )
      } catch (err) {
        update({ error: { step, body: errorBodyOf(err) }, finished: true }, { [step]: 'failed' })
      }
    },
    [baseUrl, pullAndWait],
  )

  return { flow, run, reset: () => setFlow(null) }
}
