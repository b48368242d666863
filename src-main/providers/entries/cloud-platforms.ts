/** The enterprise clouds: Azure OpenAI (deployments) and Google Vertex AI (project + location). */
import { ALL, models, optional, required } from './define'
import type { ProviderSpec } from '../provider-spec'

// Vertex has no listing we can use with a key alone: a static list (cloud.google.com Vertex
// model list).
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

export const cloudPlatformProviders = [
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
] as const satisfies readonly ProviderSpec[]
