/**
 * Channels of the setup domain: the offline setup (DESIGN §8: pull a recommended model, register
 * it, make it a default, run a first test prompt) as one job in main. The renderer starts it,
 * shows the `setup:offlineProgress` events and may cancel it; it never sequences the steps itself
 * (issue 13: multi-step use cases run in main).
 */
import { z } from 'zod'
import { channel, event } from './define'
import type { DefaultSlotName } from './defaults'
import type { ErrorCode } from './errors'
import { OllamaModelName } from './local'
import type { ModelType } from './models-shared'

/** The steps of an offline setup, in order. */
export const offlineSetupSteps = ['pull', 'register', 'default', 'test'] as const
export type OfflineSetupStep = (typeof offlineSetupSteps)[number]
export type OfflineStepState = 'pending' | 'running' | 'done' | 'skipped' | 'failed'

/** One report of an offline setup job (`setup:offlineProgress`; also `setup:offlineActive`). */
export interface OfflineSetupProgress {
  jobId: string
  /** The model as asked for (`llama3.2:3b`). */
  model: string
  /** The Ollama server's root. */
  baseUrl: string
  type: ModelType
  /** The default slot the model fills (or would fill). */
  slot: DefaultSlotName
  steps: Record<OfflineSetupStep, OfflineStepState>
  /** The pull's own job (its `local:pullProgress` events carry the bytes); null when none. */
  pullJobId: string | null
  /** Set once registered. */
  credentialId: string | null
  modelId: string | null
  error: {
    step: OfflineSetupStep
    code: ErrorCode
    message: string
    params?: Record<string, string | number>
  } | null
  /** What the first test produced: a reply, or the embedding's dimensions. */
  reply: string | null
  dimensions: number | null
  latencyMs: number | null
  /** True once the job ended (every step done or skipped, or one failed, or cancelled). */
  finished: boolean
  /** Grows with every report of one job, so a snapshot and a live event can be ordered. */
  seq?: number
}

const HttpUrl = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((s) => /^https?:\/\//i.test(s), 'only http and https')

export const setupChannels = {
  /** Starts an offline setup of one model on an Ollama server; progress arrives as events. */
  'setup:offlineStart': channel<{ jobId: string }>()(
    z
      .object({
        baseUrl: HttpUrl,
        model: OllamaModelName,
        /** Make it the default for its slot (default true). */
        makeDefault: z.boolean().optional(),
      })
      .strict(),
  ),
  'setup:offlineCancel': channel<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().min(1).max(64) }).strict(),
  ),
  /** Running setups and those that ended in the last minutes, with their latest report. */
  'setup:offlineActive': channel<OfflineSetupProgress[]>()(z.object({}).strict()),
}

export const setupEvents = {
  'setup:offlineProgress': event<OfflineSetupProgress>(),
}
