/**
 * The local server probe table (src-main/local/probes.ts) against an in-memory target: which
 * kind each server's own answer identifies, in the table's priority order; how each kind's
 * listing reads into models and a server state; and that any JSON a port answers (hostile or
 * broken) is read without a throw into well-formed models. Detection over real sockets is
 * tests/integration/local/detect.test.ts; the answers here are the documented shapes cited
 * in tests/fixtures/local-servers.ts, trimmed to the fields the probes read.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { serverKinds, type ServerKind } from '../../../src-preload/contract/local'
import { MODEL_TYPE_NAMES } from '../../../src-preload/contract/model-types'
import {
  credentialBaseUrl,
  DEFAULT_PORTS,
  kindForPort,
  PROBES,
  providerForKind,
  type JsonAnswer,
  type ProbeContext,
} from '../../../src-main/local/probes'

type Routes = Record<string, JsonAnswer>

/** A target answering `routes` (GET and POST alike; anything else is a refused request). */
function target(routes: Routes): ProbeContext & { posts: unknown[] } {
  const posts: unknown[] = []
  return {
    baseUrl: 'http://127.0.0.1:9',
    posts,
    get: async (path) => routes[path] ?? null,
    post: async (path, body) => {
      posts.push(body)
      const answer = routes[`POST ${path}`]
      return typeof answer === 'function' ? null : (answer ?? null)
    },
    classify: (name) => (/embed/i.test(name) ? 'embedding' : 'language'),
  }
}
const ok = (json: unknown): JsonAnswer => ({ status: 200, json })
const probe = (kind: ServerKind) => PROBES.find((p) => p.kind === kind)!

/** The first kind that identifies the target, as detection asks them. */
async function identify(routes: Routes) {
  for (const p of PROBES) {
    const id = await p.identify(target(routes))
    if (id) return { kind: p.kind, ...id }
  }
  return null
}

const models = (ids: Record<string, unknown>[]) => ok({ object: 'list', data: ids })

describe('identification', () => {
  it('names each server by its own endpoint', async () => {
    // KoboldCpp also emulates Ollama's /api/version: its own endpoint is asked first.
    expect(
      await identify({
        '/api/extra/version': ok({ result: 'KoboldCpp', version: '1.80' }),
        '/api/version': ok({ version: '0.5.0' }),
      }),
    ).toEqual({ kind: 'koboldcpp', version: '1.80' })
    expect(await identify({ '/api/version': ok({ version: '0.12.3' }) })).toEqual({
      kind: 'ollama',
      version: '0.12.3',
    })
    // llama.cpp serves /v1/models too, generic OpenAI would also match: llama.cpp wins.
    expect(
      await identify({
        '/props': ok({ total_slots: 1, build_info: 'b6000' }),
        '/v1/models': models([{ id: 'qwen' }]),
      }),
    ).toEqual({ kind: 'llamacpp', version: 'b6000' })
    expect(
      await identify({
        '/v1/models': models([{ id: 'm', owned_by: 'vllm' }]),
        '/version': ok({ version: '0.9.1' }),
      }),
    ).toEqual({ kind: 'vllm', version: '0.9.1' })
    expect(await identify({ '/.well-known/localai.json': ok({ version: 'v3.1' }) })).toEqual({
      kind: 'localai',
      version: 'v3.1',
    })
    expect(await identify({ '/system': ok({ backends: [] }) })).toMatchObject({ kind: 'localai' })
    expect(
      await identify({ '/v1/internal/model/info': ok({ model_name: 'x', lora_names: [] }) }),
    ).toMatchObject({ kind: 'textgen' })
    expect(await identify({ '/v1/models': models([{ id: 'm' }]) })).toMatchObject({
      kind: 'openai_compatible',
    })
  })

  it('tells LM Studio from a generic OpenAI listing by its native fields', async () => {
    expect(
      await identify({ '/api/v0/models': models([{ id: 'q', state: 'not-loaded' }]) }),
    ).toMatchObject({ kind: 'lmstudio' })
    // An empty native listing is LM Studio with nothing downloaded.
    expect(await identify({ '/api/v0/models': models([]) })).toMatchObject({ kind: 'lmstudio' })
    // A server answering any path with an OpenAI listing is not LM Studio.
    expect(
      await identify({
        '/api/v0/models': models([{ id: 'q' }]),
        '/v1/models': models([{ id: 'q' }]),
      }),
    ).toMatchObject({ kind: 'openai_compatible' })
  })

  it('reads oMLX loading its models (503) as starting, not absent', async () => {
    const loading = { status: 503, json: { status: 'loading', default_model: null } }
    expect(await identify({ '/health': loading })).toEqual({
      kind: 'omlx',
      version: null,
      starting: true,
    })
    expect(await identify({ '/health': ok({ status: 'healthy', default_model: 'm' }) })).toEqual({
      kind: 'omlx',
      version: null,
    })
    // Another server's /health without oMLX's fields is not oMLX.
    expect(await identify({ '/health': ok({ status: 'ok' }) })).toBeNull()
  })

  it('calls a server that wants a key on /v1/models generic OpenAI, and a 500 nothing', async () => {
    expect(await identify({ '/v1/models': { status: 401, json: {} } })).toMatchObject({
      kind: 'openai_compatible',
    })
    expect(await identify({ '/v1/models': { status: 500, json: models([]) } })).toBeNull()
    expect(await identify({})).toBeNull()
  })
})

describe('listing', () => {
  it('reads Ollama tags with capabilities, running models, and leaves image models out', async () => {
    const t = target({
      '/api/tags': ok({
        models: [
          {
            name: 'llama3.2:3b',
            size: 2019393189,
            details: { family: 'llama', quantization_level: 'Q4_K_M', parameter_size: '3.2B' },
          },
          { model: 'nomic-embed-text:latest' },
          { name: 'flux-image' },
          { details: {} }, // no name: skipped
        ],
      }),
      '/api/ps': ok({ models: [{ name: 'llama3.2:3b' }] }),
      'POST /api/show': ok({ capabilities: ['completion', 'tools'] }),
    })
    // /api/show answers per model: route each body to its own capabilities.
    const caps: Record<string, string[]> = {
      'llama3.2:3b': ['completion', 'tools'],
      'nomic-embed-text:latest': ['embedding'],
      'flux-image': ['image'],
    }
    t.post = async (_path, body) => ok({ capabilities: caps[(body as { model: string }).model] })
    const listing = await probe('ollama').list(t)
    expect(listing).toEqual({
      state: 'ready',
      models: [
        {
          id: 'llama3.2:3b',
          type: 'language',
          typeSource: 'api',
          loaded: true,
          sizeBytes: 2019393189,
          family: 'llama',
          quantization: 'Q4_K_M',
          parameterSize: '3.2B',
        },
        { id: 'nomic-embed-text:latest', type: 'embedding', typeSource: 'api', loaded: false },
      ],
    })
  })

  it('falls back to the name rule when Ollama has no /api/show (older servers)', async () => {
    const listing = await probe('ollama').list(
      target({ '/api/tags': ok({ models: [{ name: 'mxbai-embed-large', size: -1 }] }) }),
    )
    // A negative size is no size.
    expect(listing.models).toEqual([
      { id: 'mxbai-embed-large', type: 'embedding', typeSource: 'name', loaded: false },
    ])
  })

  it('reads LM Studio types and loaded state; nothing loaded is its own state', async () => {
    const answer = (state: string) =>
      target({
        '/api/v0/models': models([
          { id: 'qwen2.5-7b', type: 'llm', state, arch: 'qwen2', max_context_length: 32768 },
          { id: 'text-embedding-nomic', type: 'embeddings', state: 'not-loaded' },
        ]),
      })
    const loaded = await probe('lmstudio').list(answer('loaded'))
    expect(loaded.state).toBe('ready')
    expect(loaded.models[0]).toEqual({
      id: 'qwen2.5-7b',
      type: 'language',
      typeSource: 'api',
      loaded: true,
      family: 'qwen2',
      contextLength: 32768,
    })
    expect((await probe('lmstudio').list(answer('not-loaded'))).state).toBe('nothing_loaded')
    expect((await probe('lmstudio').list(target({}))).state).toBe('listing_failed')
  })

  it('marks what LocalAI, text-generation-webui and llama.cpp say is loaded', async () => {
    const list = models([{ id: 'a' }, { id: 'b', status: { value: 'unloaded' } }])
    const localai = await probe('localai').list(
      target({ '/v1/models': list, '/system': ok({ loaded_models: [{ id: 'b' }] }) }),
    )
    expect(localai.models.map((m) => [m.id, m.loaded])).toEqual([
      ['a', false],
      ['b', true],
    ])
    const textgen = await probe('textgen').list(
      target({ '/v1/models': list, '/v1/internal/model/info': ok({ model_name: 'a' }) }),
    )
    expect(textgen.models.map((m) => m.loaded)).toEqual([true, false])
    // llama-server router mode reports status per model; a single model is always loaded.
    const llama = await probe('llamacpp').list(target({ '/v1/models': list }))
    expect(llama.models.map((m) => m.loaded)).toEqual([true, false])
  })

  it('reads context lengths (vLLM max_model_len, llama.cpp meta.n_ctx_train)', async () => {
    const listing = await probe('openai_compatible').list(
      target({
        '/v1/models': models([
          { id: 'v', max_model_len: 8192 },
          { id: 'l', meta: { n_ctx_train: 4096 } },
          { id: 'none' },
          { id: 'negative', max_model_len: -1, meta: { n_ctx_train: 2048 } },
        ]),
      }),
    )
    expect(listing.models.map((m) => m.contextLength)).toEqual([8192, 4096, undefined, 2048])
    expect(listing.models.every((m) => !('loaded' in m))).toBe(true)
  })

  it('says auth_required on 401/403, no_models on an empty list, listing_failed otherwise', async () => {
    const generic = probe('openai_compatible')
    expect(await generic.list(target({ '/v1/models': { status: 403, json: null } }))).toEqual({
      models: [],
      state: 'auth_required',
    })
    expect((await generic.list(target({ '/v1/models': models([]) }))).state).toBe('no_models')
    expect((await generic.list(target({ '/v1/models': ok({ data: 'x' }) }))).state).toBe(
      'listing_failed',
    )
    expect(
      (await probe('ollama').list(target({ '/api/tags': { status: 401, json: {} } }))).state,
    ).toBe('auth_required')
  })
})

describe('hostile answers', () => {
  // A listed item: the fields the readers look at, each any JSON value, any of them absent.
  const item = fc.record(
    Object.fromEntries(
      [
        'id',
        'name',
        'model',
        'owned_by',
        'state',
        'type',
        'arch',
        'quantization',
        'status',
        'meta',
        'max_model_len',
        'max_context_length',
        'size',
        'details',
      ].map((k) => [k, fc.oneof(fc.string({ minLength: 1 }), fc.jsonValue())]),
    ),
    { requiredKeys: [] },
  )
  const anyAnswer: fc.Arbitrary<JsonAnswer> = fc.oneof(
    fc.constant(null),
    fc.record({
      status: fc.constantFrom(200, 200, 401, 403, 404, 500, 503),
      json: fc.oneof(
        fc.jsonValue(),
        // Shapes close to the real ones, with wrong types inside.
        fc.record({ data: fc.array(item) }),
        fc.record({ models: fc.array(item), loaded_models: fc.array(item) }),
        fc.dictionary(
          fc.constantFrom('result', 'version', 'default_model', 'status', 'capabilities'),
          fc.jsonValue(),
        ),
      ),
    }),
  )
  const paths = [
    '/api/extra/version',
    '/api/v0/models',
    '/.well-known/localai.json',
    '/system',
    '/health',
    '/v1/internal/model/info',
    '/props',
    '/v1/models',
    '/version',
    '/api/version',
    '/api/tags',
    '/api/ps',
    'POST /api/show',
  ]
  const routes = fc.record(
    Object.fromEntries(paths.map((p) => [p, anyAnswer])) as Record<
      string,
      fc.Arbitrary<JsonAnswer>
    >,
  )

  it('every kind identifies and lists any answers without a throw, into well-formed models', async () => {
    let listed = 0
    await fc.assert(
      fc.asyncProperty(routes, async (r) => {
        for (const p of PROBES) {
          const id = await p.identify(target(r))
          if (id) expect(id.version === null || typeof id.version === 'string').toBe(true)
          const listing = await p.list(target(r))
          listed += listing.models.length
          for (const m of listing.models) {
            expect(typeof m.id).toBe('string')
            expect(m.id).not.toBe('')
            expect(MODEL_TYPE_NAMES).toContain(m.type)
            // A size or context shown to the user is a count: never negative or zero.
            if (m.contextLength !== undefined) expect(m.contextLength).toBeGreaterThan(0)
            if (m.sizeBytes !== undefined) expect(m.sizeBytes).toBeGreaterThanOrEqual(0)
          }
          if (listing.models.length === 0) expect(listing.state).not.toBe('ready')
        }
      }),
      { numRuns: 150 },
    )
    // The runs reached the model readers, not only the refusals.
    expect(listed).toBeGreaterThan(0)
  })
})

describe('the kind table', () => {
  it('has a default port for every kind but the generic one, and Jan on 1337', () => {
    expect(DEFAULT_PORTS).toMatchObject({ ollama: 11434, lmstudio: 1234, jan: 1337, vllm: 8000 })
    expect(DEFAULT_PORTS.openai_compatible).toBeUndefined()
    // Every kind but Jan (OpenAI routes only) has a probe of its own.
    expect(PROBES.map((p) => p.kind).sort()).toEqual(serverKinds.filter((k) => k !== 'jan').sort())
  })

  it('names the kind a bare 401 or OpenAI-only answer means on a well-known port', () => {
    expect(kindForPort('1337')).toBe('jan')
    expect(kindForPort('1234')).toBe('lmstudio')
    expect(kindForPort('11434')).toBeUndefined()
  })

  it('connects Ollama and LM Studio as themselves, the rest as OpenAI-compatible at /v1', () => {
    expect(providerForKind('ollama')).toBe('ollama')
    expect(providerForKind('lmstudio')).toBe('lmstudio')
    expect(providerForKind('vllm')).toBe('openai_compatible')
    expect(credentialBaseUrl('ollama', 'http://h:11434')).toBe('http://h:11434')
    expect(credentialBaseUrl('llamacpp', 'http://h:8080')).toBe('http://h:8080/v1')
  })
})
