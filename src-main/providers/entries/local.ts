/** Local model servers: no key needed, loopback base URLs expected. */
import { optional } from './define'
import type { ProviderSpec } from '../provider-spec'

export const localProviders = [
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
] as const satisfies readonly ProviderSpec[]
