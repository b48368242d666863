/**
 * Channels of the models domain (DESIGN §5, §9): discovery, registration, listing, removal and
 * the per-type model test. Response shapes here are what the CLI prints with `--json` too.
 */
import { z } from 'zod'
import { channel } from './define'
import type { ErrorCode, TestCode } from './errors'
import { ModelType } from './models-shared'

/** An id as stored (credential, model, job): short, printable, no whitespace. */
export const ModelsEntityId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/)

/** A provider's model id or Azure deployment name, as typed or discovered. */
export const ModelNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .refine(
    (s) => ![...s].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127),
    'control characters are not allowed',
  )

/** Most models one register call accepts (a big OpenRouter listing selected whole). */
export const MAX_REGISTER_ITEMS = 20_000

/** A registered model (DESIGN §9 model JSON, plus createdAt). */
export interface ModelView {
  id: string
  name: string
  provider: string
  type: ModelType
  credentialId: string
  createdAt: string
}

/** One entry of a discovery listing. */
export interface DiscoveredModelView {
  /** The registered model's id when registered (same name and type); else `discovered:<type>:<name>`. */
  id: string
  name: string
  type: ModelType
  registered: boolean
  /** Where the type came from: the API's metadata, a name rule, or the catalog's static list. */
  typeSource: 'api' | 'name' | 'static'
  displayName?: string
  contextLength?: number
  sizeBytes?: number
  loaded?: boolean
  /**
   * The default slots (`DefaultSlotName`s; named as strings because defaults.ts imports this
   * file) the provider's guide recommends this model for (issue 16); absent when none.
   */
  recommended?: string[]
}

/** `discover` result: the listing, or an error with an empty list (never a silent empty list). */
export interface DiscoverResult {
  credentialId: string
  provider: string
  models: DiscoveredModelView[]
  error: { code: ErrorCode; message: string; params?: Record<string, string | number> } | null
}

/** `register` result: what was created, and what already existed (not created twice). */
export interface RegisterResult {
  created: ModelView[]
  existing: ModelView[]
}

/** `unregister` result: the removed model and the default slots that pointed at it (now empty). */
export interface UnregisterResult {
  removed: ModelView
  clearedSlots: string[]
}

/** `model-test` result (DESIGN §5): a code per model type, with what the model produced. */
export interface ModelTestResult {
  modelId: string
  name: string
  provider: string
  type: ModelType
  ok: boolean
  code: TestCode
  message: string
  result?: { reply?: string; dimensions?: number; bytes?: number; transcript?: string }
  latencyMs: number
}

export const modelsChannels = {
  /** Lists the credential's models. `jobId` lets `models:cancel` abort it. */
  'models:discover': channel<DiscoverResult>()(
    z.object({ credentialId: ModelsEntityId, jobId: ModelsEntityId.optional() }).strict(),
  ),
  'models:register': channel<RegisterResult>()(
    z
      .object({
        credentialId: ModelsEntityId,
        models: z
          .array(z.object({ name: ModelNameSchema, type: ModelType }).strict())
          .min(1)
          .max(MAX_REGISTER_ITEMS),
      })
      .strict(),
  ),
  'models:list': channel<ModelView[]>()(
    z.object({ type: ModelType.optional(), credentialId: ModelsEntityId.optional() }).strict(),
  ),
  'models:unregister': channel<UnregisterResult>()(z.object({ modelId: ModelsEntityId }).strict()),
  /** Exercises one model by its type. `jobId` lets `models:cancel` abort it. */
  'models:test': channel<ModelTestResult>()(
    z.object({ modelId: ModelsEntityId, jobId: ModelsEntityId.optional() }).strict(),
  ),
  /** Aborts a running discover or test by its job id; `cancelled` is false when none ran. */
  'models:cancel': channel<{ cancelled: boolean }>()(z.object({ jobId: ModelsEntityId }).strict()),
}

// Discovery answers in one request (cancellable through `models:cancel`), so no progress events.
export const modelsEvents = {}
