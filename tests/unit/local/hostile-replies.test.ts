/**
 * Local servers answering hostile JSON: detection (probes.ts through detect.ts `probeTarget`),
 * the Ollama library (ollama-library.ts with ollama-entries.ts, and
 * src-main/providers/ollama-error-body.ts under the SDK) and the pull tracker (pull-progress.ts)
 * get every documented answer with a few fields swapped for a value that cannot become text or
 * a number (tests/support/unconvertible.ts) or other junk. Detection still reports a server with
 * well-typed models, the library lists well-typed models or throws a coded AppError, and a pull
 * line of the wrong shape is ignored, never a TypeError.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { probeTarget } from '../../../src-main/local/detect'
import { createOllamaLibrary } from '../../../src-main/local/ollama-library'
import { PullTracker } from '../../../src-main/local/pull-progress'
import { classifyByName } from '../../../src-main/providers/classify'
import type { DetectedServer } from '../../../src-preload/contract/local'
import { OLLAMA } from '../providers/adapters/hostile-ollama-api'
import {
  CANNOT_CONVERT,
  LEAK,
  fakeFetch,
  near,
  world,
  type FakeApi,
} from '../providers/adapters/hostile-world'

const TYPES = ['language', 'embedding', 'text_to_speech', 'speech_to_text']
const openAiList = (extra: Record<string, unknown>) => ({
  object: 'list',
  data: [
    { id: 'qwen2.5-7b-instruct', object: 'model', created: 1700000000, ...extra },
    { id: 'nomic-embed-text', object: 'model', created: 1700000000, ...extra },
  ],
})
const OPENAI_ERROR = { error: { message: 'API key required', type: 'authentication_error' } }

/** Each kind's documented answers, as tests/fixtures/local-servers.ts and lmstudio-server.ts. */
const KINDS: Record<string, FakeApi> = {
  ollama: { error: OLLAMA.error, routes: { ...OLLAMA.routes } },
  // lmstudio-ai/docs 0_app/4_api/2_rest/v0.md, "GET /api/v0/models".
  lmstudio: {
    error: OPENAI_ERROR,
    routes: {
      '/api/v0/models': openAiList({
        type: 'llm',
        arch: 'qwen2',
        compatibility_type: 'gguf',
        quantization: 'Q4_K_M',
        state: 'loaded',
        max_context_length: 32768,
      }),
    },
  },
  // ggml-org/llama.cpp tools/server/README.md: `GET /props`, `/v1/models` with `meta.n_ctx_train`.
  llamacpp: {
    error: OPENAI_ERROR,
    routes: {
      '/props': {
        default_generation_settings: { n_ctx: 8192 },
        total_slots: 1,
        build_info: 'b5000',
      },
      '/v1/models': openAiList({ owned_by: 'llamacpp', meta: { n_ctx_train: 131072 } }),
    },
  },
  // vllm-project/vllm api_server.py `show_version`, protocol.py ModelCard (`max_model_len`).
  vllm: {
    error: OPENAI_ERROR,
    routes: {
      '/version': { version: '0.6.3' },
      '/v1/models': openAiList({ owned_by: 'vllm', max_model_len: 32768 }),
    },
  },
  // mudler/LocalAI: `/.well-known/localai.json` {version, endpoints}, `/system` {backends,
  // loaded_models}.
  localai: {
    error: OPENAI_ERROR,
    routes: {
      '/.well-known/localai.json': { version: 'v2.28.0', endpoints: { models: '/v1/models' } },
      '/system': { backends: ['llama-cpp'], loaded_models: [{ id: 'qwen2.5-7b-instruct' }] },
      '/v1/models': openAiList({}),
    },
  },
  // LostRuins/koboldcpp koboldcpp.py: `/api/extra/version` {result, version, protected}.
  koboldcpp: {
    error: OPENAI_ERROR,
    routes: {
      '/api/extra/version': { result: 'KoboldCpp', version: '1.80.3', protected: false },
      '/v1/models': openAiList({}),
    },
  },
  // oobabooga/text-generation-webui extensions/openai/script.py: `/v1/internal/model/info`.
  textgen: {
    error: OPENAI_ERROR,
    routes: {
      '/v1/internal/model/info': { model_name: 'qwen2.5-7b-instruct', lora_names: [] },
      '/v1/models': openAiList({}),
    },
  },
  // jundot/omlx omlx/server.py `health`: {status, default_model, engine_pool, mcp}.
  omlx: {
    error: OPENAI_ERROR,
    routes: {
      '/health': { status: 'healthy', default_model: 'qwen2.5-7b-instruct', mcp: null },
      '/v1/models': openAiList({ owned_by: 'omlx' }),
    },
  },
}

function expectServer(s: DetectedServer | null): void {
  if (!s) return
  expect(s.version === null || typeof s.version === 'string').toBe(true)
  for (const m of s.models) {
    expect(typeof m.id === 'string' && m.id !== '').toBe(true)
    expect(TYPES).toContain(m.type)
    for (const k of ['family', 'quantization', 'parameterSize'] as const) {
      if (m[k] !== undefined) expect(typeof m[k]).toBe('string')
    }
    for (const k of ['sizeBytes', 'contextLength'] as const) {
      if (m[k] !== undefined) expect(Number.isFinite(m[k]) && m[k]! >= 0).toBe(true)
    }
    if (m.loaded !== undefined) expect(typeof m.loaded).toBe('boolean')
  }
}

const probe = (replies: Parameters<typeof fakeFetch>[0]) =>
  probeTarget(
    { baseUrl: 'http://127.0.0.1:9', source: 'extra' },
    {
      fetch: fakeFetch(replies, true),
      signal: new AbortController().signal,
      classify: classifyByName,
    },
  )

describe('local detection under hostile replies', () => {
  for (const [kind, api] of Object.entries(KINDS)) {
    it(`${kind}: a server with well-typed models, never a throw`, async () => {
      await fc.assert(
        fc.asyncProperty(world(api), async (replies) => expectServer(await probe(replies))),
        { numRuns: 120 },
      )
    })
  }

  it('an Ollama capability that cannot become text costs its type, not the whole listing', async () => {
    for (const bad of CANNOT_CONVERT) {
      const replies = Object.fromEntries(
        Object.entries(OLLAMA.routes).map(([k, body]) => [k, { status: 200, body }]),
      )
      replies['/api/show'] = { status: 200, body: { capabilities: ['completion', bad] } }
      const server = await probe(JSON.parse(JSON.stringify(replies)))
      expect(server?.state).toBe('ready')
      expect(server?.models.map((m) => m.id)).toEqual(['llama3.2:3b', 'nomic-embed-text:latest'])
    }
  })
})

const library = (replies: Parameters<typeof fakeFetch>[0]) =>
  createOllamaLibrary({ baseUrl: 'http://127.0.0.1:9', fetch: fakeFetch(replies, true) })

async function expectCoded<T>(run: () => Promise<T[]>, check: (item: T) => void): Promise<void> {
  let items: T[]
  try {
    items = await run()
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).message).not.toMatch(LEAK)
    return
  }
  items.forEach(check)
}

const textOrNull = (v: unknown) => v === null || typeof v === 'string'
const size = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0

describe('the Ollama library under hostile replies', () => {
  it('list and ps answer well-typed models or a coded AppError', async () => {
    await fc.assert(
      fc.asyncProperty(world(OLLAMA), async (replies) => {
        const lib = library(replies)
        await expectCoded(
          () => lib.list(),
          (m) => {
            expect(typeof m.name === 'string' && m.name !== '').toBe(true)
            expect(size(m.sizeBytes) && typeof m.digest === 'string').toBe(true)
            for (const v of [m.modifiedAt, m.family, m.parameterSize, m.quantization])
              expect(textOrNull(v)).toBe(true)
            expect(m.capabilities.every((c) => typeof c === 'string')).toBe(true)
            expect(TYPES).toContain(m.type)
          },
        )
        await expectCoded(
          () => lib.ps(),
          (m) => {
            expect(typeof m.name === 'string' && m.name !== '').toBe(true)
            expect(size(m.sizeBytes) && size(m.sizeVramBytes)).toBe(true)
            for (const v of [m.expiresAt, m.family, m.parameterSize, m.quantization])
              expect(textOrNull(v)).toBe(true)
          },
        )
      }),
      { numRuns: 150 },
    )
  })

  it('an error whose `error` cannot become text keeps its status (404 → not_found)', async () => {
    for (const bad of CANNOT_CONVERT) {
      const lib = library({ '/api/tags': { status: 404, body: { error: bad } } })
      const err = await lib.list().catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'not_found', params: { status: 404 } })
    }
  })
})

// docs/api.md "Pull a Model": `{status}` lines, then `{status, digest, total, completed}` per
// layer, then `{status: "success"}`.
const PULL_LINE = {
  status: 'pulling 8eeb52dfb3bb',
  digest: 'sha256:8eeb52dfb3bb9aefdf9d1ef24b3bdbcfbe82238798c4b918278320b6fcef18fe',
  total: 2142590208,
  completed: 241970,
}

describe('the pull tracker under hostile lines', () => {
  it('ignores a field of the wrong type and reports well-typed progress', () => {
    let t = 0
    const tracker = new PullTracker('job', 'llama3.2:3b', () => (t += 150))
    fc.assert(
      fc.property(near(PULL_LINE), (line) => {
        const p = tracker.update((line ?? {}) as Record<string, unknown>)
        expect(typeof p.status).toBe('string')
        for (const v of [p.completedBytes, p.totalBytes, p.resumedBytes])
          expect(Number.isFinite(v) && v >= 0).toBe(true)
        for (const v of [p.percent, p.bytesPerSecond, p.etaSeconds])
          expect(v === null || Number.isFinite(v)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
