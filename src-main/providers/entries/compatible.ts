/** Any server that speaks OpenAI's or Anthropic's API: the user names the base URL. */
import { ALL, optional, required } from './define'
import type { ProviderSpec } from '../provider-spec'

export const compatibleProviders = [
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
] as const satisfies readonly ProviderSpec[]
