/**
 * The OpenAI-shaped adapter (openai.ts with its quirks, openai-listing.ts, openai-models.ts,
 * openai-model-test.ts, openai-speech.ts) and LM Studio's (lmstudio.ts) against hostile replies
 * (hostile-world.ts): whatever field of a listing, balance, key, completion or error body holds
 * a value that cannot become text or a number, the test is a coded outcome, discovery lists
 * well-typed models or throws a coded AppError, a model test is a coded outcome.
 */
import { describe, it } from 'vitest'
import { lmStudioAdapter } from '../../../../src-main/providers/adapters/lmstudio'
import { openAiAdapter } from '../../../../src-main/providers/adapters/openai'
import type { ProviderAdapter } from '../../../../src-main/providers/adapter-types'
import type { ProviderId } from '../../../../src-main/providers/catalog-types'
import type { ModelType } from '../../../../src-preload/contract/models-shared'
import { assertAdapterCopes, credFor, type FakeApi } from './hostile-world'

// platform.openai.com/docs/guides/error-codes (and api-reference "Errors"): the error object.
const OPENAI_ERROR = {
  error: {
    message: 'Incorrect API key provided: sk-hos***cdef.',
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_api_key',
  },
}

const AUDIO = new Uint8Array([0xff, 0xf3, 0x44, 0xc4, 1, 2, 3, 4])

/** The routes every OpenAI-shaped provider serves for model tests. */
const INFERENCE = {
  // platform.openai.com/docs/api-reference/chat/object
  '/chat/completions': {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1741569952,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 1, total_tokens: 13 },
  },
  // platform.openai.com/docs/api-reference/embeddings/object
  '/embeddings': {
    object: 'list',
    data: [{ object: 'embedding', index: 0, embedding: [0.0023, -0.0093, 0.0157] }],
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 5, total_tokens: 5 },
  },
  // platform.openai.com/docs/api-reference/audio/json-object
  '/audio/transcriptions': { text: 'Hello from Switchboard.' },
  // platform.openai.com/docs/api-reference/audio/createSpeech: the audio file content.
  '/audio/speech': AUDIO,
}

// platform.openai.com/docs/api-reference/models/list, plus the cursor fields of OpenAI's paged
// lists (platform.openai.com/docs/api-reference/files/list: first_id, last_id, has_more).
const OPENAI: FakeApi = {
  error: OPENAI_ERROR,
  routes: {
    '/models': {
      object: 'list',
      data: [
        { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
        { id: 'text-embedding-3-small', object: 'model', created: 1705948997, owned_by: 'system' },
      ],
      first_id: 'gpt-4o-mini',
      last_id: 'text-embedding-3-small',
      has_more: false,
    },
    ...INFERENCE,
  },
}

// openrouter.ai/docs/api-reference/list-available-models (`architecture` modalities, context
// length) and openrouter.ai/docs/api-reference/limits (`GET /key`).
const OPENROUTER: FakeApi = {
  error: { error: { code: 401, message: 'No auth credentials found' } },
  routes: {
    '/models': {
      data: [
        {
          id: 'openai/gpt-4o-mini',
          name: 'OpenAI: GPT-4o-mini',
          context_length: 128000,
          architecture: {
            input_modalities: ['text', 'image'],
            output_modalities: ['text'],
            tokenizer: 'GPT',
          },
        },
        {
          id: 'openai/whisper-1',
          name: 'OpenAI: Whisper',
          architecture: { input_modalities: ['audio'], output_modalities: ['transcription'] },
        },
      ],
      links: { next: null },
    },
    '/embeddings/models': {
      data: [
        {
          id: 'openai/text-embedding-3-small',
          name: 'OpenAI: Text Embedding 3 Small',
          context_length: 8192,
          architecture: { input_modalities: ['text'], output_modalities: ['embeddings'] },
        },
      ],
    },
    '/key': {
      data: { label: 'sk-or-v1-0d2…', limit: 100, usage: 12.5, limit_remaining: 87.5 },
    },
    ...INFERENCE,
  },
}

// docs.mistral.ai/api/#tag/models (`capabilities`, `max_context_length`) and
// docs.mistral.ai/studio/audio/text-to-speech/generate-speech (`{audio_data}`, base64).
const MISTRAL: FakeApi = {
  error: OPENAI_ERROR,
  routes: {
    '/models': {
      object: 'list',
      data: [
        {
          id: 'mistral-small-latest',
          object: 'model',
          owned_by: 'mistralai',
          capabilities: { completion_chat: true, function_calling: true, vision: false },
          name: 'mistral-small-2503',
          max_context_length: 131072,
          type: 'base',
        },
        {
          id: 'voxtral-mini-transcribe',
          capabilities: { completion_chat: false, audio_transcription: true },
        },
      ],
    },
    '/audio/speech': { audio_data: 'SUQzBAAAAAAAI1RTU0U=' },
    '/chat/completions': INFERENCE['/chat/completions'],
  },
}

// api-docs.deepseek.com/api/get-user-balance
const DEEPSEEK: FakeApi = {
  error: OPENAI_ERROR,
  routes: {
    '/models': OPENAI.routes['/models'],
    '/user/balance': {
      is_available: true,
      balance_infos: [
        { currency: 'CNY', total_balance: '110.00', granted_balance: '10.00' },
        { currency: 'USD', total_balance: '15.00', topped_up_balance: '15.00' },
      ],
    },
  },
}

// ppq.ai/api-docs: `POST /credits/balance` → {balance}.
const PPQ: FakeApi = {
  error: OPENAI_ERROR,
  routes: { '/models': OPENAI.routes['/models'], '/credits/balance': { balance: 12.34 } },
}

// LM Studio's REST API (lmstudio-ai/docs 0_app/4_api/2_rest/v0.md, "GET /api/v0/models"), and
// its OpenAI-compatible `/v1/models` when the native one is missing.
const LMSTUDIO: FakeApi = {
  error: { error: 'Unexpected endpoint or method. (GET /api/v0/models)' },
  routes: {
    '/api/v0/models': {
      object: 'list',
      data: [
        {
          id: 'qwen2-vl-7b-instruct',
          object: 'model',
          type: 'vlm',
          publisher: 'mlx-community',
          arch: 'qwen2_vl',
          compatibility_type: 'mlx',
          quantization: '4bit',
          state: 'not-loaded',
          max_context_length: 32768,
        },
        {
          id: 'text-embedding-nomic-embed-text-v1.5',
          object: 'model',
          type: 'embeddings',
          state: 'loaded',
          max_context_length: 2048,
        },
      ],
    },
    '/v1/models': OPENAI.routes['/models'],
    ...INFERENCE,
  },
}

const ALL_TYPES: ModelType[] = ['language', 'embedding', 'text_to_speech', 'speech_to_text']
const models = (name: string, types: ModelType[]) => types.map((type) => ({ name, type }))

/** What a case changes from the default: no key, the models it tests, more runs. */
interface Options {
  keyless?: boolean
  models?: { name: string; type: ModelType }[]
  numRuns?: number
}

/** Each provider on these adapters, what its fake exercises, and its options. */
const CASES: [ProviderId, string, ProviderAdapter, FakeApi, Options][] = [
  [
    'openai',
    'test, discovery and every model test stay coded',
    openAiAdapter,
    OPENAI,
    { models: models('gpt-4o-mini', ALL_TYPES), numRuns: 80 },
  ],
  [
    'openai_compatible',
    'an unknown server without a key',
    openAiAdapter,
    OPENAI,
    { keyless: true },
  ],
  [
    'openrouter',
    'listing metadata, the embeddings listing and the /key credit',
    openAiAdapter,
    OPENROUTER,
    {},
  ],
  [
    'mistral',
    'capabilities and the JSON speech answer',
    openAiAdapter,
    MISTRAL,
    { models: models('voxtral-mini-tts-latest', ['text_to_speech']) },
  ],
  ['deepseek', 'the balance after a good test', openAiAdapter, DEEPSEEK, {}],
  ['ppq', 'the balance key test', openAiAdapter, PPQ, {}],
  [
    'lmstudio',
    'the native listing and its OpenAI fallback',
    lmStudioAdapter,
    LMSTUDIO,
    { keyless: true, models: models('qwen2-vl-7b-instruct', ['language', 'embedding']) },
  ],
]

describe('OpenAI-shaped adapters under hostile replies', () => {
  it.each(CASES)('%s: %s', async (provider, _what, adapter, api, o) => {
    await assertAdapterCopes({
      provider,
      adapter,
      cred: credFor(provider, o.keyless ? { apiKey: null } : {}),
      api,
      ...(o.models ? { models: o.models } : {}),
      ...(o.numRuns ? { numRuns: o.numRuns } : {}),
    })
  })
})
