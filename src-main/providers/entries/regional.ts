/** Regional and reseller clouds: DashScope (per-region keys), MiniMax, Novita, PayPerQ, Cohere. */
import { ALL, keyAndOverride, keyEnv, optional, required } from './define'
import type { ProviderSpec } from '../provider-spec'

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

export const regionalProviders = [
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
] as const satisfies readonly ProviderSpec[]
