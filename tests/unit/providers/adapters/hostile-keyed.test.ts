/**
 * The keyed adapters (anthropic.ts, google.ts with gemini-shapes.ts, cohere.ts, voyage.ts,
 * deepgram.ts, elevenlabs.ts over keyed.ts and http.ts) against hostile replies
 * (hostile-world.ts): a listing entry, page cursor, model-test answer or error body holding a
 * value that cannot become text or a number ends as a coded outcome or AppError, and discovery
 * lists only well-typed models.
 */
import { describe, it } from 'vitest'
import { anthropicAdapter } from '../../../../src-main/providers/adapters/anthropic'
import { cohereAdapter } from '../../../../src-main/providers/adapters/cohere'
import { deepgramAdapter } from '../../../../src-main/providers/adapters/deepgram'
import { elevenLabsAdapter } from '../../../../src-main/providers/adapters/elevenlabs'
import { googleAdapter } from '../../../../src-main/providers/adapters/google'
import { voyageAdapter } from '../../../../src-main/providers/adapters/voyage'
import type { ProviderAdapter } from '../../../../src-main/providers/adapter-types'
import type { ProviderId } from '../../../../src-main/providers/catalog-types'
import type { ModelType } from '../../../../src-preload/contract/models-shared'
import { assertAdapterCopes, credFor, type FakeApi } from './hostile-world'

const AUDIO = new Uint8Array([0xff, 0xf3, 0x44, 0xc4, 1, 2, 3, 4])

// docs.anthropic.com/en/api/models-list (`{data:[{type, id, display_name, created_at}],
// has_more, first_id, last_id}`), docs.anthropic.com/en/api/messages (content blocks) and
// docs.anthropic.com/en/api/errors (`{type:'error', error:{type, message}}`).
const ANTHROPIC: FakeApi = {
  error: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
  routes: {
    '/models': {
      data: [
        {
          type: 'model',
          id: 'claude-sonnet-4-5',
          display_name: 'Claude Sonnet 4.5',
          created_at: '2025-09-29T00:00:00Z',
          max_input_tokens: 200000,
        },
        { type: 'model', id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5' },
      ],
      has_more: true,
      first_id: 'claude-sonnet-4-5',
      last_id: 'claude-haiku-4-5',
    },
    '/messages': {
      id: 'msg_01',
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5',
      content: [{ type: 'text', text: 'OK' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 14, output_tokens: 4 },
    },
  },
}

// ai.google.dev/api/models#method:-models.list (`{models:[{name, displayName, inputTokenLimit,
// supportedGenerationMethods}], nextPageToken}`), ai.google.dev/api/generate-content
// (candidates → content → parts, `inlineData` for audio), ai.google.dev/api/embeddings
// (`{embedding:{values}}`), and cloud.google.com/apis/design/errors (the error envelope).
const GEMINI_ANSWER = {
  candidates: [
    {
      content: {
        role: 'model',
        parts: [{ text: 'OK' }, { inlineData: { mimeType: 'audio/L16;rate=24000', data: 'AAEC' } }],
      },
      finishReason: 'STOP',
    },
  ],
  usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 1 },
}
const GOOGLE: FakeApi = {
  error: {
    error: {
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      status: 'INVALID_ARGUMENT',
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }],
    },
  },
  routes: {
    '/models': {
      models: [
        {
          name: 'models/gemini-2.5-flash',
          displayName: 'Gemini 2.5 Flash',
          inputTokenLimit: 1048576,
          supportedGenerationMethods: ['generateContent', 'countTokens'],
        },
        {
          name: 'models/gemini-embedding-001',
          displayName: 'Gemini Embedding 001',
          supportedGenerationMethods: ['embedContent'],
        },
      ],
      nextPageToken: 'Ch9tb2RlbHMvZ2VtaW5p',
    },
    ':generateContent': GEMINI_ANSWER,
    ':embedContent': { embedding: { values: [0.013, -0.008, 0.021] } },
  },
}

// docs.cohere.com/reference/list-models (`{models:[{name, endpoints, context_length, …}],
// next_page_token}`), docs.cohere.com/reference/chat (v2 `message.content` blocks),
// docs.cohere.com/reference/embed (`embeddings.float`) and docs.cohere.com/reference/errors
// (`{message}`).
const COHERE: FakeApi = {
  error: { message: 'invalid api token' },
  routes: {
    '/v1/models': {
      models: [
        {
          name: 'command-a-03-2025',
          endpoints: ['generate', 'chat', 'summarize'],
          finetuned: false,
          context_length: 256000,
          default_endpoints: ['chat'],
        },
        { name: 'embed-v4.0', endpoints: ['embed'], context_length: 128000 },
      ],
      next_page_token: 'page-2',
    },
    '/v2/chat': {
      id: 'c14c80c3',
      finish_reason: 'COMPLETE',
      message: { role: 'assistant', content: [{ type: 'text', text: 'OK' }] },
      usage: { billed_units: { input_units: 5, output_units: 1 } },
    },
    '/v2/embed': {
      id: 'da6e531f',
      embeddings: { float: [[0.016296387, -0.008354187, -0.04699707]] },
      texts: ['this is a test.'],
    },
  },
}

// docs.voyageai.com/reference/embeddings-api (`{object, data:[{object, embedding, index}],
// model, usage}`; errors `{detail}`).
const VOYAGE: FakeApi = {
  error: { detail: 'Provided API key is invalid.' },
  routes: {
    '/embeddings': {
      object: 'list',
      data: [{ object: 'embedding', embedding: [0.0213, -0.0118, 0.0097], index: 0 }],
      model: 'voyage-3.5-lite',
      usage: { total_tokens: 5 },
    },
  },
}

// developers.deepgram.com/reference/get-projects (`{projects:[{project_id, name}]}`),
// developers.deepgram.com/reference/listen-file (results → channels → alternatives →
// transcript) and developers.deepgram.com/reference/errors (`{err_code, err_msg, request_id}`).
const DEEPGRAM: FakeApi = {
  error: { err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.', request_id: 'a1b2' },
  routes: {
    '/projects': {
      projects: [
        { project_id: '3f1e', name: 'Switchboard' },
        { project_id: '9c2a', name: 'Other' },
      ],
    },
    '/speak': AUDIO,
    '/listen': {
      metadata: { request_id: 'a1b2', duration: 1.2, channels: 1 },
      results: {
        channels: [
          {
            alternatives: [{ transcript: 'Hello from Switchboard.', confidence: 0.99, words: [] }],
          },
        ],
      },
    },
  },
}

// elevenlabs.io/docs/api-reference/models/list (a bare array), elevenlabs.io/docs/api-reference/
// speech-to-text/convert (`{language_code, text, words}`) and the `{detail:{status, message}}`
// error envelope (home-assistant/core#160414 quotes one).
const ELEVENLABS: FakeApi = {
  error: { detail: { status: 'invalid_api_key', message: 'Invalid API key' } },
  routes: {
    '/models': [
      {
        model_id: 'eleven_multilingual_v2',
        name: 'Eleven Multilingual v2',
        can_do_text_to_speech: true,
        can_do_voice_conversion: false,
      },
      {
        model_id: 'eleven_multilingual_sts_v2',
        name: 'Eleven Multilingual v2 (STS)',
        can_do_text_to_speech: false,
      },
    ],
    '/speech-to-text': { language_code: 'en', language_probability: 0.98, text: 'Hello.' },
    '/text-to-speech/JBFqnCBsd6RMkjVDRZzb': AUDIO,
  },
}

const models = (name: string, types: ModelType[]) => types.map((type) => ({ name, type }))

/** Each keyed adapter with its fake, the models it tests, and what the fake exercises. */
const CASES: [ProviderId, string, ProviderAdapter, FakeApi, string, ModelType[]][] = [
  [
    'anthropic',
    'listing pages, display names, the Messages answer',
    anthropicAdapter,
    ANTHROPIC,
    'claude-haiku-4-5',
    ['language'],
  ],
  [
    'google',
    'generation methods, page tokens, Gemini answers of every type',
    googleAdapter,
    GOOGLE,
    'gemini-2.5-flash',
    ['language', 'embedding', 'text_to_speech', 'speech_to_text'],
  ],
  [
    'cohere',
    'endpoints, page tokens, v2 chat and embed',
    cohereAdapter,
    COHERE,
    'command-a-03-2025',
    ['language', 'embedding'],
  ],
  ['voyage', 'the test embedding', voyageAdapter, VOYAGE, 'voyage-3.5-lite', ['embedding']],
  [
    'deepgram',
    'projects and the transcript',
    deepgramAdapter,
    DEEPGRAM,
    'nova-3',
    ['speech_to_text', 'text_to_speech'],
  ],
  [
    'elevenlabs',
    'the model array and the transcript',
    elevenLabsAdapter,
    ELEVENLABS,
    'scribe_v1',
    ['speech_to_text', 'text_to_speech'],
  ],
]

describe('keyed adapters under hostile replies', () => {
  it.each(CASES)('%s: %s', async (provider, _what, adapter, api, model, types) => {
    await assertAdapterCopes({
      provider,
      adapter,
      cred: credFor(provider),
      api,
      models: models(model, types),
    })
  })
})
