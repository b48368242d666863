/**
 * Embedding and speech specialists without a usable listing API: their models are static lists
 * (checked against the providers' model pages: docs.voyageai.com,
 * elevenlabs.io/docs/overview/models, developers.deepgram.com/docs/tts-models + /docs/models).
 */
import { keyAndOverride, keyEnv, models } from './define'
import type { ProviderSpec } from '../provider-spec'

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

export const audioEmbeddingProviders = [
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
] as const satisfies readonly ProviderSpec[]
