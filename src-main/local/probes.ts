/**
 * The one table of local server kinds (DESIGN §8): each kind's default port, the endpoint that
 * identifies it, and how its models are read. Detection asks every kind about every target, so
 * a port that hosts something unexpected (8080 is llama.cpp or LocalAI) is identified, not
 * assumed. Order matters: servers that emulate others' APIs (KoboldCpp and llama.cpp speak
 * Ollama's and OpenAI's too) come before the kinds they imitate; generic OpenAI is last.
 */
import type { LocalModel, ServerKind, ServerState } from '../../src-preload/contract/local'
import type { ClassifyByName } from '../providers/classify'
import {
  isImageGenerator,
  typeFromLmStudio,
  typeFromOllamaCapabilities,
} from '../providers/reported-type'
import { count, obj, str } from './json-fields'

/** A JSON answer; null when the request failed (refused, timeout, reset). */
export type JsonAnswer = { status: number; json: unknown } | null

/** What a probe may do against one target; every call shares the sweep's deadline. */
export interface ProbeContext {
  baseUrl: string
  /** GET a path (memoized per target, so two kinds asking `/v1/models` cost one request). */
  get(path: string): Promise<JsonAnswer>
  post(path: string, body: unknown): Promise<JsonAnswer>
  classify: ClassifyByName
}

export interface Identity {
  version: string | null
  /** The server said it is still starting (oMLX loading its pinned models). */
  starting?: boolean
}

export interface Listing {
  models: LocalModel[]
  state: ServerState
}

export interface ServerProbe {
  kind: ServerKind
  /** The port the server listens on out of the box; null for the generic fallback. */
  defaultPort: number | null
  /** Resolves when the target answers this kind's own endpoint; null otherwise. */
  identify(p: ProbeContext): Promise<Identity | null>
  /** The server's models with types and loaded state. */
  list(p: ProbeContext): Promise<Listing>
}

const ok = (a: JsonAnswer): a is { status: number; json: unknown } =>
  !!a && a.status >= 200 && a.status < 300
const authFailed = (a: JsonAnswer) => !!a && (a.status === 401 || a.status === 403)

/** `data` of an OpenAI-style list answer, or null. */
function openAiList(a: JsonAnswer): Record<string, unknown>[] | null {
  if (!ok(a)) return null
  const data = obj(a.json)?.data
  return Array.isArray(data) ? data.map((d) => obj(d) ?? {}) : null
}

function byName(p: ProbeContext, id: string, extra: Partial<LocalModel> = {}): LocalModel {
  return { id, type: p.classify(id, 'openai_compatible'), typeSource: 'name', ...extra }
}

/** Models from `/v1/models`; `loaded` marks which are in memory (single-model servers: all). */
async function openAiModels(
  p: ProbeContext,
  loaded: (id: string, entry: Record<string, unknown>) => boolean | undefined,
): Promise<Listing> {
  const answer = await p.get('/v1/models')
  if (authFailed(answer)) return { models: [], state: 'auth_required' }
  const data = openAiList(answer)
  if (!data) return { models: [], state: 'listing_failed' }
  const models = data
    .filter((d) => str(d.id))
    .map((d) => {
      const id = d.id as string
      const ctx = count(d.max_model_len) ?? count(obj(d.meta)?.n_ctx_train)
      const l = loaded(id, d)
      return byName(p, id, {
        ...(l === undefined ? {} : { loaded: l }),
        ...(ctx ? { contextLength: ctx } : {}),
      })
    })
  return { models, state: models.length ? 'ready' : 'no_models' }
}

async function ollamaList(p: ProbeContext): Promise<Listing> {
  const [tags, ps] = await Promise.all([p.get('/api/tags'), p.get('/api/ps')])
  if (authFailed(tags)) return { models: [], state: 'auth_required' }
  const list = ok(tags) ? obj(tags.json)?.models : undefined
  if (!Array.isArray(list)) return { models: [], state: 'listing_failed' }
  const running = new Set(
    (ok(ps) && Array.isArray(obj(ps.json)?.models) ? (obj(ps.json)!.models as unknown[]) : [])
      .map((m) => str(obj(m)?.name) ?? str(obj(m)?.model))
      .filter(Boolean),
  )
  const models = await Promise.all(
    list.map(async (raw): Promise<LocalModel | null> => {
      const m = obj(raw)
      const id = str(m?.name) ?? str(m?.model)
      if (!m || !id) return null
      const details = obj(m.details) ?? {}
      const show = await p.post('/api/show', { model: id })
      const caps = ok(show) ? obj(show.json)?.capabilities : undefined
      if (isImageGenerator(caps)) return null
      const apiType = typeFromOllamaCapabilities(caps)
      const size = count(m.size)
      return {
        id,
        type: apiType ?? p.classify(id, 'ollama'),
        typeSource: apiType ? 'api' : 'name',
        loaded: running.has(id),
        ...(size !== undefined ? { sizeBytes: size } : {}),
        ...(str(details.family) ? { family: str(details.family) } : {}),
        ...(str(details.quantization_level)
          ? { quantization: str(details.quantization_level) }
          : {}),
        ...(str(details.parameter_size) ? { parameterSize: str(details.parameter_size) } : {}),
      }
    }),
  )
  const found = models.filter((m): m is LocalModel => m !== null)
  return { models: found, state: found.length ? 'ready' : 'no_models' }
}

async function lmStudioList(p: ProbeContext): Promise<Listing> {
  const data = openAiList(await p.get('/api/v0/models'))
  if (!data) return { models: [], state: 'listing_failed' }
  const models: LocalModel[] = data
    .filter((d) => str(d.id))
    .map((d) => {
      const id = d.id as string
      const apiType = typeFromLmStudio(d.type)
      const ctx = count(d.max_context_length)
      return {
        id,
        type: apiType ?? p.classify(id, 'lmstudio'),
        typeSource: apiType ? 'api' : 'name',
        loaded: d.state === 'loaded',
        ...(str(d.arch) ? { family: str(d.arch) } : {}),
        ...(str(d.quantization) ? { quantization: str(d.quantization) } : {}),
        ...(ctx ? { contextLength: ctx } : {}),
      }
    })
  const state: ServerState = !models.length
    ? 'no_models'
    : models.some((m) => m.loaded)
      ? 'ready'
      : 'nothing_loaded'
  return { models, state }
}

/** The probe table, in identification priority order. */
export const PROBES: readonly ServerProbe[] = [
  {
    kind: 'koboldcpp',
    defaultPort: 5001,
    async identify(p) {
      const a = await p.get('/api/extra/version')
      const j = ok(a) ? obj(a.json) : null
      return j && j.result === 'KoboldCpp' ? { version: str(j.version) ?? null } : null
    },
    list: (p) => openAiModels(p, () => true),
  },
  {
    kind: 'lmstudio',
    defaultPort: 1234,
    async identify(p) {
      const data = openAiList(await p.get('/api/v0/models'))
      if (!data) return null
      const native =
        data.length === 0 || data.some((d) => 'state' in d || 'compatibility_type' in d)
      return native ? { version: null } : null
    },
    list: lmStudioList,
  },
  {
    kind: 'localai',
    defaultPort: 8080,
    async identify(p) {
      const [wk, sys] = await Promise.all([p.get('/.well-known/localai.json'), p.get('/system')])
      const j = ok(wk) ? obj(wk.json) : null
      if (j && (j.endpoints || j.version)) return { version: str(j.version) ?? null }
      const s = ok(sys) ? obj(sys.json) : null
      return s && Array.isArray(s.backends) ? { version: null } : null
    },
    async list(p) {
      const sys = await p.get('/system')
      const loadedIds = new Set(
        (ok(sys) && Array.isArray(obj(sys.json)?.loaded_models)
          ? (obj(sys.json)!.loaded_models as unknown[])
          : []
        ).map((m) => str(obj(m)?.id) ?? str(m)),
      )
      return openAiModels(p, (id) => loadedIds.has(id))
    },
  },
  {
    // oMLX (github.com/jundot/omlx): `omlx serve` listens on :8000; `GET /health` needs no key
    // and answers {status, default_model, engine_pool, mcp} — 200 "healthy", or 503 "loading"
    // while pinned models load (omlx/server.py `health`): that is starting, not absent.
    kind: 'omlx',
    defaultPort: 8000,
    async identify(p) {
      const a = await p.get('/health')
      const status = a?.status ?? 0
      if (!a || !((status >= 200 && status < 300) || status === 503)) return null
      const j = obj(a.json)
      if (!j || !('default_model' in j)) return null
      return {
        version: str(j.version) ?? null,
        ...(status === 503 || j.status === 'loading' ? { starting: true } : {}),
      }
    },
    list: (p) => openAiModels(p, () => undefined),
  },
  {
    kind: 'textgen',
    defaultPort: 5000,
    async identify(p) {
      const a = await p.get('/v1/internal/model/info')
      const j = ok(a) ? obj(a.json) : null
      return j && 'model_name' in j && 'lora_names' in j ? { version: null } : null
    },
    async list(p) {
      const info = obj((await p.get('/v1/internal/model/info'))?.json)
      const current = str(info?.model_name)
      return openAiModels(p, (id) => id === current)
    },
  },
  {
    kind: 'llamacpp',
    defaultPort: 8080,
    async identify(p) {
      const a = await p.get('/props')
      const j = ok(a) ? obj(a.json) : null
      if (!j || !('default_generation_settings' in j || 'total_slots' in j)) return null
      return { version: str(j.build_info) ?? null }
    },
    // llama-server serves the model it was started with: every listed model is loaded.
    list: (p) => openAiModels(p, (_id, d) => (d.status ? obj(d.status)?.value === 'loaded' : true)),
  },
  {
    kind: 'vllm',
    defaultPort: 8000,
    async identify(p) {
      const data = openAiList(await p.get('/v1/models'))
      if (!data?.some((d) => d.owned_by === 'vllm')) return null
      const v = await p.get('/version')
      return { version: (ok(v) && str(obj(v.json)?.version)) || null }
    },
    list: (p) => openAiModels(p, () => true),
  },
  {
    kind: 'ollama',
    defaultPort: 11434,
    async identify(p) {
      const a = await p.get('/api/version')
      const v = ok(a) ? str(obj(a.json)?.version) : undefined
      return v ? { version: v } : null
    },
    list: ollamaList,
  },
  {
    kind: 'openai_compatible',
    defaultPort: null,
    async identify(p) {
      const a = await p.get('/v1/models')
      return openAiList(a) || authFailed(a) ? { version: null } : null
    },
    list: (p) => openAiModels(p, () => undefined),
  },
]

/** The default port of each kind that has one (Jan has no endpoint of its own; see detect.ts). */
export const DEFAULT_PORTS: Readonly<Partial<Record<ServerKind, number>>> = {
  ...Object.fromEntries(PROBES.filter((p) => p.defaultPort).map((p) => [p.kind, p.defaultPort])),
  jan: 1337,
}

/**
 * What a server on a well-known port is when it only answers generic OpenAI routes, or only
 * answers 401: Jan has no endpoint of its own and always wants its key; LM Studio with API
 * tokens required (lmstudio.ai/docs/developer/core/authentication, LM Studio ≥ 0.4) answers 401
 * on every route, its own /api/v0 included.
 */
export function kindForPort(port: string): ServerKind | undefined {
  return port === '1337' ? 'jan' : port === '1234' ? 'lmstudio' : undefined
}

/** The provider a detected kind becomes on connect (DESIGN §8). */
export function providerForKind(kind: ServerKind): 'ollama' | 'lmstudio' | 'openai_compatible' {
  return kind === 'ollama' ? 'ollama' : kind === 'lmstudio' ? 'lmstudio' : 'openai_compatible'
}

/** The base URL a credential for this kind gets: Ollama's root, everyone else's `/v1`. */
export function credentialBaseUrl(kind: ServerKind, baseUrl: string): string {
  return kind === 'ollama' ? baseUrl : `${baseUrl}/v1`
}
