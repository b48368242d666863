/**
 * The single table of providers (DESIGN §5). Forms, CLI flags, env migration, env export,
 * adapters and docs all read this table; nothing else keeps a provider list.
 */
import { AppError } from '../errors'
import type {
  CatalogEntry,
  CredentialField,
  EnvVars,
  FieldSpec,
  ProviderId,
  StaticModel,
} from './catalog-types'
import type { ModelType } from '../../src-preload/contract/models-shared'

const ALL: ModelType[] = ['language', 'embedding', 'speech_to_text', 'text_to_speech']

const optional = (field: CredentialField, placeholder?: string): FieldSpec =>
  placeholder ? { field, required: false, placeholder } : { field, required: false }
const required = (field: CredentialField, placeholder?: string): FieldSpec =>
  placeholder ? { field, required: true, placeholder } : { field, required: true }

/** Key required, base URL an optional override (most cloud providers). */
const keyAndOverride = (defaultBaseUrl: string): FieldSpec[] => [
  required('apiKey'),
  optional('baseUrl', defaultBaseUrl),
]

/** One required key variable filling `apiKey`, plus optional base-URL variables. */
const keyEnv = (keyVar: string, baseVars: string[] = []): EnvVars => ({
  required: [keyVar],
  ...(baseVars.length ? { optional: baseVars } : {}),
  map: Object.fromEntries([[keyVar, 'apiKey'], ...baseVars.map((v) => [v, 'baseUrl'])]),
})

const models = (type: ModelType, names: string[]): StaticModel[] =>
  names.map((name) => ({ name, type }))

// Static lists for providers without a usable listing API (checked against the providers'
// model pages: docs.voyageai.com, elevenlabs.io/docs/overview/models,
// developers.deepgram.com/docs/tts-models + /docs/models, cloud.google.com Vertex model list).
const VOYAGE_MODELS = models('embedding', [
  'voyage-3.5',
  'voyage-3.5-lite',
  'voyage-3-large',
  'voyage-code-3',
  'voyage-context-3',
  'voyage-multimodal-3',
  'voyage-finance-2',
  'voyage-law-2',
  'voyage-multilingual-2',
  'voyage-3',
  'voyage-3-lite',
])

const ELEVENLABS_MODELS = [
  ...models('text_to_speech', [
    'eleven_v3',
    'eleven_multilingual_v2',
    'eleven_flash_v2_5',
    'eleven_flash_v2',
    'eleven_turbo_v2_5',
    'eleven_turbo_v2',
  ]),
  ...models('speech_to_text', ['scribe_v2', 'scribe_v1']),
]

const DEEPGRAM_MODELS = [
  ...models(
    'text_to_speech',
    [
      'thalia',
      'andromeda',
      'helena',
      'apollo',
      'arcas',
      'aries',
      'asteria',
      'athena',
      'atlas',
      'hera',
      'hermes',
      'luna',
      'orion',
      'zeus',
    ].map((voice) => `aura-2-${voice}-en`),
  ),
  ...models('speech_to_text', ['nova-3', 'nova-2', 'whisper-large', 'whisper-medium']),
]

const VERTEX_MODELS = [
  ...models('language', [
    'gemini-2.5-pro',
    'gemini-2.5-flash',
    'gemini-2.5-flash-lite',
    'gemini-2.0-flash-001',
    'gemini-2.0-flash-lite-001',
  ]),
  ...models('embedding', [
    'gemini-embedding-001',
    'text-embedding-005',
    'text-multilingual-embedding-002',
  ]),
  // Vertex names its Gemini TTS models without "preview" (cloud.google.com/text-to-speech/docs/
  // gemini-tts), unlike the Gemini API's gemini-2.5-flash-preview-tts.
  ...models('text_to_speech', ['gemini-2.5-flash-tts', 'gemini-2.5-pro-tts']),
]

/**
 * DashScope keys belong to one region and answer 401 anywhere else
 * (alibabacloud.com/help/en/model-studio/base-url): the region picks the base URL and key page.
 */
const DASHSCOPE_REGIONS = [
  {
    id: 'cn-beijing',
    label: 'China (Beijing)',
    baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    docsUrl: 'https://bailian.console.aliyun.com/?tab=model#/api-key',
  },
  {
    id: 'ap-southeast-1',
    label: 'Singapore (international)',
    baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    docsUrl: 'https://modelstudio.console.alibabacloud.com/ap-southeast-1?tab=model#/api-key',
  },
  {
    id: 'us-east-1',
    label: 'US (Virginia)',
    baseUrl: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
    docsUrl: 'https://modelstudio.console.alibabacloud.com/us-east-1?tab=model#/api-key',
  },
]

/** Every provider, in display order (Open Notebook's order, LM Studio beside the local ones). */
export const catalog: readonly CatalogEntry[] = [
  {
    id: 'openai',
    displayName: 'OpenAI',
    modalities: ALL,
    envVars: keyEnv('OPENAI_API_KEY', ['OPENAI_BASE_URL']),
    fields: keyAndOverride('https://api.openai.com/v1'),
    defaultBaseUrl: 'https://api.openai.com/v1',
    versionSegment: '/v1',
    docsUrl: 'https://platform.openai.com/api-keys',
    testModel: 'gpt-4o-mini',
    apiShape: 'openai',
    discovery: 'api',
    speech: { route: 'openai', voice: 'alloy' },
    local: false,
  },
  {
    id: 'anthropic',
    displayName: 'Anthropic',
    modalities: ['language'],
    envVars: keyEnv('ANTHROPIC_API_KEY', ['ANTHROPIC_BASE_URL']),
    fields: keyAndOverride('https://api.anthropic.com/v1'),
    defaultBaseUrl: 'https://api.anthropic.com/v1',
    versionSegment: '/v1',
    docsUrl: 'https://console.anthropic.com/settings/keys',
    testModel: 'claude-haiku-4-5',
    apiShape: 'anthropic',
    discovery: 'api',
    local: false,
  },
  {
    id: 'google',
    displayName: 'Google AI (Gemini)',
    modalities: ALL,
    envVars: {
      required: [],
      anyOf: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
      optional: ['GEMINI_API_BASE_URL'],
      map: { GOOGLE_API_KEY: 'apiKey', GEMINI_API_KEY: 'apiKey', GEMINI_API_BASE_URL: 'baseUrl' },
    },
    fields: keyAndOverride('https://generativelanguage.googleapis.com/v1beta'),
    defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    versionSegment: '/v1beta',
    docsUrl: 'https://aistudio.google.com/app/apikey',
    testModel: 'gemini-flash-latest',
    apiShape: 'google',
    discovery: 'api',
    local: false,
  },
  {
    id: 'groq',
    displayName: 'Groq',
    modalities: ['language', 'speech_to_text', 'text_to_speech'],
    envVars: keyEnv('GROQ_API_KEY'),
    fields: keyAndOverride('https://api.groq.com/openai/v1'),
    defaultBaseUrl: 'https://api.groq.com/openai/v1',
    versionSegment: '/v1',
    docsUrl: 'https://console.groq.com/keys',
    testModel: 'llama-3.1-8b-instant',
    apiShape: 'openai',
    discovery: 'api',
    // Groq's Orpheus voices (console.groq.com/docs/text-to-speech); `alloy` is refused.
    speech: {
      route: 'openai',
      voice: 'autumn',
      voiceByModel: { 'canopylabs/orpheus-arabic-saudi': 'fahad' },
    },
    local: false,
  },
  {
    id: 'mistral',
    displayName: 'Mistral AI',
    modalities: ALL,
    envVars: keyEnv('MISTRAL_API_KEY'),
    fields: keyAndOverride('https://api.mistral.ai/v1'),
    defaultBaseUrl: 'https://api.mistral.ai/v1',
    versionSegment: '/v1',
    docsUrl: 'https://console.mistral.ai/api-keys/',
    testModel: 'mistral-small-latest',
    apiShape: 'openai',
    discovery: 'api',
    // A Voxtral preset voice (docs.mistral.ai/studio/audio/text-to-speech/quickstarts).
    speech: { route: 'mistral', voice: 'en_paul_neutral' },
    local: false,
  },
  {
    id: 'deepseek',
    displayName: 'DeepSeek',
    modalities: ['language'],
    envVars: keyEnv('DEEPSEEK_API_KEY', ['DEEPSEEK_BASE_URL']),
    fields: keyAndOverride('https://api.deepseek.com'),
    // DeepSeek serves the same API at the root and under /v1; the root is what its docs use.
    defaultBaseUrl: 'https://api.deepseek.com',
    docsUrl: 'https://platform.deepseek.com/api_keys',
    testModel: 'deepseek-chat',
    apiShape: 'openai',
    discovery: 'api',
    local: false,
  },
  {
    id: 'xai',
    displayName: 'xAI (Grok)',
    modalities: ['language', 'text_to_speech'],
    envVars: keyEnv('XAI_API_KEY', ['XAI_BASE_URL']),
    fields: keyAndOverride('https://api.x.ai/v1'),
    defaultBaseUrl: 'https://api.x.ai/v1',
    versionSegment: '/v1',
    docsUrl: 'https://console.x.ai/',
    testModel: 'grok-3-mini',
    apiShape: 'openai',
    discovery: 'api',
    speech: { route: 'xai', voice: 'eve' },
    local: false,
  },
  {
    id: 'openrouter',
    displayName: 'OpenRouter',
    modalities: ALL,
    envVars: keyEnv('OPENROUTER_API_KEY', ['OPENROUTER_BASE_URL']),
    fields: keyAndOverride('https://openrouter.ai/api/v1'),
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    versionSegment: '/v1',
    docsUrl: 'https://openrouter.ai/keys',
    testModel: 'openai/gpt-4o-mini',
    apiShape: 'openai',
    discovery: 'api',
    speech: { route: 'openai', voice: 'alloy' },
    local: false,
  },
  {
    id: 'dashscope',
    displayName: 'DashScope (Qwen)',
    modalities: ['language', 'embedding'],
    envVars: keyEnv('DASHSCOPE_API_KEY'),
    // The region (stored as `location`) picks the base URL and the key page; an override wins.
    fields: [
      required('apiKey'),
      {
        field: 'location',
        required: false,
        choices: DASHSCOPE_REGIONS.map((r) => ({
          value: r.id,
          label: r.label,
          docsUrl: r.docsUrl,
        })),
      },
      optional('baseUrl', 'https://dashscope.aliyuncs.com/compatible-mode/v1'),
    ],
    defaultBaseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    versionSegment: '/v1',
    docsUrl: 'https://www.alibabacloud.com/help/en/model-studio/get-api-key',
    testModel: 'qwen-plus',
    apiShape: 'openai',
    discovery: 'api',
    regions: DASHSCOPE_REGIONS,
    local: false,
  },
  {
    id: 'minimax',
    displayName: 'MiniMax',
    modalities: ['language'],
    envVars: keyEnv('MINIMAX_API_KEY'),
    fields: keyAndOverride('https://api.minimax.io/v1'),
    defaultBaseUrl: 'https://api.minimax.io/v1',
    versionSegment: '/v1',
    docsUrl: 'https://platform.minimax.io/user-center/basic-information/interface-key',
    testModel: 'MiniMax-M2',
    apiShape: 'openai',
    discovery: 'api',
    local: false,
  },
  {
    id: 'novita',
    displayName: 'Novita AI',
    modalities: ['language', 'embedding'],
    envVars: keyEnv('NOVITA_API_KEY'),
    // The reference lists models at GET https://api.novita.ai/openai/v1/models
    // (novita.ai/docs/api-reference/model-apis-llm-list-models).
    fields: keyAndOverride('https://api.novita.ai/openai/v1'),
    defaultBaseUrl: 'https://api.novita.ai/openai/v1',
    versionSegment: '/v1',
    docsUrl: 'https://novita.ai/settings/key-management',
    testModel: 'meta-llama/llama-3.1-8b-instruct',
    apiShape: 'openai',
    discovery: 'api',
    local: false,
  },
  {
    id: 'ppq',
    displayName: 'PayPerQ',
    modalities: ALL,
    envVars: keyEnv('PPQ_API_KEY'),
    fields: keyAndOverride('https://api.ppq.ai/v1'),
    defaultBaseUrl: 'https://api.ppq.ai/v1',
    versionSegment: '/v1',
    docsUrl: 'https://ppq.ai/api-docs',
    testModel: 'gpt-4o-mini',
    apiShape: 'openai',
    discovery: 'api',
    // Audio is served from another base than chat (ppq.ai/llms.txt); Deepgram Aura voices.
    audioBaseUrl: 'https://ppq.ai/api/v1',
    speech: { route: 'openai', voice: 'aura-2-apollo-en' },
    local: false,
  },
  {
    id: 'cohere',
    displayName: 'Cohere',
    modalities: ['language', 'embedding'],
    envVars: keyEnv('COHERE_API_KEY'),
    fields: keyAndOverride('https://api.cohere.com'),
    // Cohere versions per endpoint (/v1/models, /v2/chat), so the root carries no segment.
    defaultBaseUrl: 'https://api.cohere.com',
    docsUrl: 'https://dashboard.cohere.com/api-keys',
    testModel: 'command-r7b-12-2024',
    apiShape: 'cohere',
    discovery: 'api',
    local: false,
  },
  {
    id: 'voyage',
    displayName: 'Voyage AI',
    modalities: ['embedding'],
    envVars: keyEnv('VOYAGE_API_KEY'),
    fields: keyAndOverride('https://api.voyageai.com/v1'),
    defaultBaseUrl: 'https://api.voyageai.com/v1',
    versionSegment: '/v1',
    docsUrl: 'https://dash.voyageai.com/api-keys',
    testModel: 'voyage-3.5-lite',
    apiShape: 'voyage',
    discovery: 'static',
    staticModels: VOYAGE_MODELS,
    local: false,
  },
  {
    id: 'elevenlabs',
    displayName: 'ElevenLabs',
    modalities: ['text_to_speech', 'speech_to_text'],
    envVars: keyEnv('ELEVENLABS_API_KEY'),
    fields: keyAndOverride('https://api.elevenlabs.io/v1'),
    defaultBaseUrl: 'https://api.elevenlabs.io/v1',
    versionSegment: '/v1',
    docsUrl: 'https://elevenlabs.io/app/settings/api-keys',
    testModel: 'eleven_flash_v2_5',
    apiShape: 'elevenlabs',
    discovery: 'static',
    staticModels: ELEVENLABS_MODELS,
    local: false,
  },
  {
    id: 'deepgram',
    displayName: 'Deepgram',
    modalities: ['text_to_speech', 'speech_to_text'],
    envVars: keyEnv('DEEPGRAM_API_KEY'),
    fields: keyAndOverride('https://api.deepgram.com/v1'),
    defaultBaseUrl: 'https://api.deepgram.com/v1',
    versionSegment: '/v1',
    docsUrl: 'https://console.deepgram.com/',
    testModel: 'aura-2-thalia-en',
    apiShape: 'deepgram',
    discovery: 'static',
    staticModels: DEEPGRAM_MODELS,
    local: false,
  },
  {
    id: 'ollama',
    displayName: 'Ollama',
    modalities: ['language', 'embedding'],
    envVars: {
      required: ['OLLAMA_API_BASE'],
      optional: ['OLLAMA_API_KEY'],
      map: { OLLAMA_API_BASE: 'baseUrl', OLLAMA_API_KEY: 'apiKey' },
    },
    fields: [
      optional('baseUrl', 'http://localhost:11434'),
      optional('apiKey'),
      optional('numCtx', '8192'),
    ],
    // Ollama's native API lives under /api at the root; the root itself is the base URL.
    defaultBaseUrl: 'http://localhost:11434',
    docsUrl: 'https://ollama.com/download',
    testModel: null,
    apiShape: 'ollama',
    discovery: 'api',
    local: true,
  },
  {
    id: 'omlx',
    displayName: 'oMLX',
    modalities: ['language', 'embedding'],
    envVars: {
      required: ['OMLX_API_BASE'],
      optional: ['OMLX_API_KEY'],
      map: { OMLX_API_BASE: 'baseUrl', OMLX_API_KEY: 'apiKey' },
    },
    // oMLX serves on port 8000 by default (github.com/jundot/omlx README: `omlx serve`).
    fields: [optional('baseUrl', 'http://localhost:8000/v1'), optional('apiKey')],
    defaultBaseUrl: 'http://localhost:8000/v1',
    versionSegment: '/v1',
    docsUrl: 'https://github.com/jundot/omlx',
    testModel: null,
    apiShape: 'openai',
    discovery: 'api',
    local: true,
  },
  {
    id: 'lmstudio',
    displayName: 'LM Studio',
    modalities: ['language', 'embedding'],
    envVars: {
      required: ['LM_STUDIO_API_BASE'],
      optional: ['LM_STUDIO_API_KEY'],
      map: { LM_STUDIO_API_BASE: 'baseUrl', LM_STUDIO_API_KEY: 'apiKey' },
    },
    fields: [optional('baseUrl', 'http://localhost:1234/v1'), optional('apiKey')],
    defaultBaseUrl: 'http://localhost:1234/v1',
    versionSegment: '/v1',
    docsUrl: 'https://lmstudio.ai/docs/app/api',
    testModel: null,
    apiShape: 'lmstudio',
    discovery: 'api',
    local: true,
  },
  {
    id: 'azure',
    displayName: 'Azure OpenAI',
    modalities: ALL,
    envVars: {
      required: ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_VERSION'],
      optional: [
        'AZURE_OPENAI_ENDPOINT_LLM',
        'AZURE_OPENAI_ENDPOINT_EMBEDDING',
        'AZURE_OPENAI_ENDPOINT_STT',
        'AZURE_OPENAI_ENDPOINT_TTS',
      ],
      map: {
        AZURE_OPENAI_API_KEY: 'apiKey',
        AZURE_OPENAI_ENDPOINT: 'endpoint',
        AZURE_OPENAI_API_VERSION: 'apiVersion',
        AZURE_OPENAI_ENDPOINT_LLM: 'endpointLanguage',
        AZURE_OPENAI_ENDPOINT_EMBEDDING: 'endpointEmbedding',
        AZURE_OPENAI_ENDPOINT_STT: 'endpointSpeechToText',
        AZURE_OPENAI_ENDPOINT_TTS: 'endpointTextToSpeech',
      },
    },
    fields: [
      required('apiKey'),
      required('endpoint', 'https://my-resource.openai.azure.com'),
      required('apiVersion', '2024-10-21'),
      optional('endpointLanguage'),
      optional('endpointEmbedding'),
      optional('endpointSpeechToText'),
      optional('endpointTextToSpeech'),
    ],
    defaultBaseUrl: null,
    docsUrl:
      'https://portal.azure.com/#view/Microsoft_Azure_ProjectOxford/CognitiveServicesHub/~/OpenAI',
    testModel: null,
    apiShape: 'azure',
    discovery: 'deployments',
    local: false,
  },
  {
    id: 'vertex',
    displayName: 'Google Vertex AI',
    modalities: ['language', 'embedding', 'text_to_speech'],
    envVars: {
      required: ['VERTEX_PROJECT', 'VERTEX_LOCATION'],
      optional: ['GOOGLE_APPLICATION_CREDENTIALS'],
      map: {
        VERTEX_PROJECT: 'project',
        VERTEX_LOCATION: 'location',
        GOOGLE_APPLICATION_CREDENTIALS: 'credentialsPath',
      },
    },
    fields: [
      required('project', 'my-gcp-project'),
      required('location', 'us-central1'),
      optional('credentialsPath', '/path/to/service-account.json'),
    ],
    // The endpoint is derived from the location ({location}-aiplatform.googleapis.com/v1).
    defaultBaseUrl: null,
    docsUrl: 'https://cloud.google.com/vertex-ai/docs/start/cloud-environment',
    testModel: 'gemini-2.5-flash',
    apiShape: 'vertex',
    discovery: 'static',
    staticModels: VERTEX_MODELS,
    local: false,
  },
  {
    id: 'openai_compatible',
    displayName: 'OpenAI Compatible',
    modalities: ALL,
    envVars: {
      required: ['OPENAI_COMPATIBLE_BASE_URL'],
      optional: ['OPENAI_COMPATIBLE_API_KEY'],
      map: { OPENAI_COMPATIBLE_BASE_URL: 'baseUrl', OPENAI_COMPATIBLE_API_KEY: 'apiKey' },
    },
    fields: [required('baseUrl', 'https://api.example.com/v1'), optional('apiKey')],
    defaultBaseUrl: null,
    docsUrl: 'https://platform.openai.com/docs/api-reference/models/list',
    testModel: null,
    apiShape: 'openai',
    discovery: 'api',
    speech: { route: 'openai', voice: 'alloy' },
    local: false,
  },
  {
    id: 'anthropic_compatible',
    displayName: 'Anthropic Compatible',
    modalities: ['language'],
    envVars: {
      required: ['ANTHROPIC_COMPATIBLE_BASE_URL', 'ANTHROPIC_COMPATIBLE_API_KEY'],
      map: { ANTHROPIC_COMPATIBLE_BASE_URL: 'baseUrl', ANTHROPIC_COMPATIBLE_API_KEY: 'apiKey' },
    },
    fields: [required('baseUrl', 'https://api.example.com/anthropic'), required('apiKey')],
    defaultBaseUrl: null,
    versionSegment: '/v1',
    docsUrl: 'https://docs.anthropic.com/en/api/models-list',
    testModel: null,
    apiShape: 'anthropic',
    discovery: 'api',
    local: false,
  },
]

const byId = new Map<string, CatalogEntry>(catalog.map((e) => [e.id, e]))

/** Every provider id, in display order. */
export const providerIds: readonly ProviderId[] = catalog.map((e) => e.id)

/** True when `id` names a provider of the catalog. */
export function isProviderId(id: string): id is ProviderId {
  return byId.has(id)
}

/** The catalog entry of a provider; unknown ids fail with AppError('validation'). */
export function getProvider(id: string): CatalogEntry {
  const entry = byId.get(id)
  if (!entry) {
    throw new AppError('validation', `Unknown provider "${id.slice(0, 40)}".`, {
      field: 'provider',
      provider: id.slice(0, 40),
    })
  }
  return entry
}

/** The hosts of every docs link (https), for the external-link allow list. */
export function docsHosts(): string[] {
  const urls = catalog.flatMap((e) => [e.docsUrl, ...(e.regions ?? []).map((r) => r.docsUrl)])
  return [...new Set(urls.map((u) => new URL(u).hostname.toLowerCase()))]
}

/** The region a credential's `location` names (the provider's first region when unset). */
export function regionOf(entry: CatalogEntry, location: string | null | undefined) {
  const regions = entry.regions ?? []
  return regions.find((r) => r.id === location?.trim()) ?? regions[0] ?? null
}

/** One provider as the CLI `providers` JSON and the renderer see it: plain data only. */
export interface ProviderView extends Omit<CatalogEntry, 'staticModels'> {
  staticModels: StaticModel[]
  /** Which fields hold secrets (never echoed back). */
  secretFields: CredentialField[]
}

/** The catalog as plain JSON-safe data (deep copies; no functions, no shared references). */
export function catalogView(): ProviderView[] {
  return catalog.map((e) => ({
    ...structuredClone(e),
    staticModels: structuredClone(e.staticModels ?? []),
    secretFields: e.fields.filter((f) => f.field === 'apiKey').map((f) => f.field),
  }))
}
