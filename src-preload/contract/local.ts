/**
 * Channels of the local domain (DESIGN §8): detection of local model servers, one-click connect,
 * the Ollama library (list / pull with progress / remove / running models / unload / GGUF
 * import), recommended models for offline setup and the facts about this machine they need.
 */
import { z } from 'zod'
import { channel, event } from './define'
import type { ErrorCode } from './errors'
import { ModelType } from './models-shared'

/** Every kind of local server detection can identify. */
export const serverKinds = [
  'ollama',
  'lmstudio',
  'llamacpp',
  'vllm',
  'jan',
  'localai',
  'koboldcpp',
  'textgen',
  'omlx',
  'openai_compatible',
] as const
export const ServerKind = z.enum(serverKinds)
export type ServerKind = z.infer<typeof ServerKind>

/**
 * What a server is doing: `ready` (models usable), `nothing_loaded` (LM Studio running with
 * models downloaded but none loaded), `no_models` (running, nothing installed), `auth_required`
 * (answers, but wants a key: LM Studio with API tokens on, Jan), `starting` (up but still
 * loading its models: oMLX's `/health` answers 503 "loading"), `listing_failed` (identified,
 * listing broke).
 */
export type ServerState =
  'ready' | 'nothing_loaded' | 'no_models' | 'auth_required' | 'starting' | 'listing_failed'

/** One model a local server offers. */
export interface LocalModel {
  id: string
  type: ModelType
  /** `api`: the server said so (Ollama capabilities, LM Studio type); `name`: a name rule. */
  typeSource: 'api' | 'name'
  sizeBytes?: number
  loaded?: boolean
  family?: string
  quantization?: string
  parameterSize?: string
  contextLength?: number
}

/** Where a probe target came from. */
export type TargetSource = 'default' | 'ollama_host' | 'extra'

/** One server detection found. */
export interface DetectedServer {
  kind: ServerKind
  /** The server's root (`http://127.0.0.1:11434`), no API segment. */
  baseUrl: string
  version: string | null
  models: LocalModel[]
  state: ServerState
  source: TargetSource
  /** The provider a connect turns it into. */
  provider: 'ollama' | 'lmstudio' | 'openai_compatible'
  /** The base URL the credential gets (`/v1` appended for OpenAI-compatible servers). */
  credentialBaseUrl: string
}

/** `local:detect` result (also the CLI's `detect --json` before `credentialId` is added). */
export interface DetectResult {
  servers: DetectedServer[]
  elapsedMs: number
  /** How many targets were probed. */
  probed: number
}

/** `local:connect` result. */
export interface ConnectResult {
  credentialId: string
  provider: 'ollama' | 'lmstudio' | 'openai_compatible'
  /** Models registered now. */
  registered: number
  /** Models that were registered before (not created twice). */
  existing: number
  /** Default slots filled with this server's models. */
  defaultsAssigned: string[]
}

/** An installed Ollama model (`local:ollamaList`). */
export interface OllamaInstalledModel {
  name: string
  sizeBytes: number
  digest: string
  modifiedAt: string | null
  family: string | null
  parameterSize: string | null
  quantization: string | null
  /** From `/api/show` (`completion`, `embedding`, `vision`, `tools`, …); empty when unknown. */
  capabilities: string[]
  type: ModelType
}

/** A model Ollama holds in memory (`local:ollamaPs`). */
export interface OllamaRunningModel {
  name: string
  sizeBytes: number
  /** Bytes of the model in GPU memory; the rest is in system RAM. */
  sizeVramBytes: number
  expiresAt: string | null
  family: string | null
  parameterSize: string | null
  quantization: string | null
}

/** One progress report of a pull (`local:pullProgress`). */
export interface PullProgress {
  jobId: string
  model: string
  /** Ollama's status line (`pulling manifest`, `downloading …`, `verifying sha256 digest`, `success`). */
  status: string
  /** 0–100 over every layer seen so far; null before any size is known. */
  percent: number | null
  completedBytes: number
  totalBytes: number
  /** Average over the last few seconds; null until two samples exist. */
  bytesPerSecond: number | null
  etaSeconds: number | null
  /** Bytes that were already on disk when this pull started (Ollama resumed a partial download). */
  resumedBytes: number
  done: boolean
  error?: { code: ErrorCode; message: string }
  /** The Ollama server the pull runs against (set by the service). */
  baseUrl?: string
  /** Grows with every report of one job, so a snapshot and a live event can be ordered. */
  seq?: number
}

/** The steps of a GGUF import, in order; `done` and `failed` end it. */
export type ImportStage = 'hashing' | 'uploading' | 'creating' | 'done' | 'failed'

/** One progress report of a GGUF import (`local:importProgress`). */
export interface ImportProgress {
  jobId: string
  /** The model name it is imported as. */
  name: string
  stage: ImportStage
  /** 0–100 of the current stage (hashing, uploading); null while creating. */
  percent: number | null
  bytesDone: number
  totalBytes: number
  /** On `done`: false when the server already had the file, so nothing was uploaded. */
  uploaded?: boolean
  error?: { code: ErrorCode; message: string }
  baseUrl?: string
  seq?: number
}

/** A recommended model for offline setup, with what it needs. */
export interface RecommendedModel {
  /** The Ollama library tag (`llama3.2:3b`). */
  name: string
  displayName: string
  type: ModelType
  tier: 'small' | 'medium' | 'large'
  downloadBytes: number
  /** Approximate memory (RAM or VRAM) it needs at its default context. */
  memoryBytes: number
  description: string
  /** True when it fits this machine's RAM and free disk. */
  fits: boolean
  /** Why it does not fit. */
  tooBigFor: ('ram' | 'disk')[]
  /** The best fitting pick of its type. */
  suggested: boolean
  installed: boolean
}

/** Facts about this machine (`local:machine`), for filtering and install instructions. */
export interface MachineInfo {
  platform: string
  arch: string
  osRelease: string
  totalRamBytes: number
  freeRamBytes: number
  /** Free bytes on the disk that holds the models (the home directory's disk); null if unknown. */
  freeDiskBytes: number | null
  diskPath: string
  /** Where to get a local server for this OS. */
  install: { ollama: string; lmstudio: string; command: string | null }
}

export interface RecommendedResult {
  machine: MachineInfo
  models: RecommendedModel[]
}

const HttpUrl = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((s) => /^https?:\/\//i.test(s), 'only http and https')

/** An Ollama model name: `name[:tag]`, optional namespace/host, no whitespace. */
export const OllamaModelName = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/)

const Base = z.object({ baseUrl: HttpUrl.optional() })

export const localChannels = {
  'local:detect': channel<DetectResult>()(
    z.object({ timeoutMs: z.number().int().min(50).max(5000).optional() }).strict(),
  ),
  /** The most recent sweep (the app runs one at start-up); null before the first. */
  'local:lastDetection': channel<DetectResult | null>()(z.object({}).strict()),
  'local:connect': channel<ConnectResult>()(
    z
      .object({
        baseUrl: HttpUrl,
        name: z.string().trim().min(1).max(128).optional(),
        /** Register only these (default: every model the server lists). */
        models: z
          .array(z.object({ id: z.string().min(1).max(256), type: ModelType }).strict())
          .max(5000)
          .optional(),
        autoAssignDefaults: z.boolean().optional(),
        /** Secret: the key of a server that wants one (state `auth_required`). Trimmed. */
        apiKey: z.string().trim().min(1).max(8192).optional(),
      })
      .strict(),
  ),
  'local:ollamaList': channel<OllamaInstalledModel[]>()(Base.strict()),
  'local:ollamaPull': channel<{ jobId: string }>()(
    Base.extend({ model: OllamaModelName }).strict(),
  ),
  'local:ollamaCancelPull': channel<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().min(1).max(64) }).strict(),
  ),
  'local:ollamaRemove': channel<{ removed: true }>()(
    Base.extend({ model: OllamaModelName }).strict(),
  ),
  'local:ollamaPs': channel<OllamaRunningModel[]>()(Base.strict()),
  'local:ollamaUnload': channel<{ unloaded: true }>()(
    Base.extend({ model: OllamaModelName }).strict(),
  ),
  'local:recommended': channel<RecommendedResult>()(Base.strict()),
  /** Running pulls with their latest progress, and pulls that ended in the last minutes. */
  'local:activePulls': channel<PullProgress[]>()(z.object({}).strict()),
  /** Checks the file, then imports it in the background (`local:importProgress` events). */
  'local:importGguf': channel<{ jobId: string }>()(
    Base.extend({
      path: z.string().min(1).max(4096),
      name: OllamaModelName,
    }).strict(),
  ),
  'local:cancelImport': channel<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().min(1).max(64) }).strict(),
  ),
  /** Running imports with their latest progress, and imports that ended in the last minutes. */
  'local:activeImports': channel<ImportProgress[]>()(z.object({}).strict()),
  'local:machine': channel<MachineInfo>()(z.object({}).strict()),
  'local:targets': channel<{ targets: string[] }>()(z.object({}).strict()),
  'local:addTarget': channel<{ targets: string[] }>()(z.object({ baseUrl: HttpUrl }).strict()),
  'local:removeTarget': channel<{ targets: string[] }>()(z.object({ baseUrl: HttpUrl }).strict()),
}

export const localEvents = {
  /** Live progress of an Ollama pull started with `local:ollamaPull`. */
  'local:pullProgress': event<PullProgress>(),
  /** Live progress of a GGUF import started with `local:importGguf`. */
  'local:importProgress': event<ImportProgress>(),
}
