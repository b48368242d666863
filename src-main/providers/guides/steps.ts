/**
 * How to get a key, per provider (issue 16): short steps as i18n keys of the `guides`
 * namespace, with the sites they name as parameters. The key page itself is the catalog's
 * `docsUrl` (the link the add dialog already shows). Billing pages follow each provider's own
 * docs: OpenAI platform.openai.com/docs/quickstart, Anthropic docs.anthropic.com/en/api/getting-started,
 * Google ai.google.dev/gemini-api/docs/api-key, Azure learn.microsoft.com/azure/ai-services/openai/quickstart,
 * Vertex cloud.google.com/vertex-ai/docs/start/cloud-environment.
 */
import type { ProviderId } from '../catalog-types'
import type { GuideText } from './guide-types'

const s = (key: string, params?: Record<string, string>): GuideText =>
  params ? { key: `steps.${key}`, params } : { key: `steps.${key}` }

/** The usual three steps of a hosted provider with a key page. */
const keyPage = (site: string, billing?: string): GuideText[] => [
  s('signIn', { site }),
  s('createKey'),
  ...(billing ? [s('addBilling', { page: billing })] : []),
  s('copyOnce'),
]

/** Billing and credit pages (also used by troubleshooting; opened through the link allow list). */
export const BILLING_PAGES: Partial<Record<ProviderId, string>> = {
  openai: 'https://platform.openai.com/settings/organization/billing',
  anthropic: 'https://console.anthropic.com/settings/billing',
  openrouter: 'https://openrouter.ai/settings/credits',
  deepseek: 'https://platform.deepseek.com/top_up',
  xai: 'https://console.x.ai/',
  ppq: 'https://ppq.ai/api-docs',
  mistral: 'https://console.mistral.ai/billing/',
}

export const STEPS: Record<ProviderId, GuideText[]> = {
  openai: keyPage('platform.openai.com', BILLING_PAGES.openai),
  anthropic: keyPage('console.anthropic.com', BILLING_PAGES.anthropic),
  google: [s('signIn', { site: 'aistudio.google.com' }), s('googleProject'), s('copyOnce')],
  groq: keyPage('console.groq.com'),
  mistral: [...keyPage('console.mistral.ai', BILLING_PAGES.mistral), s('mistralWait')],
  deepseek: keyPage('platform.deepseek.com', BILLING_PAGES.deepseek),
  xai: keyPage('console.x.ai', BILLING_PAGES.xai),
  openrouter: keyPage('openrouter.ai', BILLING_PAGES.openrouter),
  dashscope: [s('pickRegion'), ...keyPage('Alibaba Cloud Model Studio')],
  minimax: keyPage('platform.minimax.io'),
  novita: keyPage('novita.ai'),
  ppq: keyPage('ppq.ai'),
  cohere: keyPage('dashboard.cohere.com'),
  voyage: keyPage('dash.voyageai.com'),
  elevenlabs: keyPage('elevenlabs.io'),
  deepgram: keyPage('console.deepgram.com'),
  ollama: [
    s('localInstall', { app: 'Ollama', site: 'ollama.com/download' }),
    s('ollamaPull'),
    s('localKeyOptional'),
  ],
  omlx: [
    s('localInstall', { app: 'oMLX', site: 'github.com/jundot/omlx' }),
    s('omlxServe'),
    s('localKeyOptional'),
  ],
  lmstudio: [
    s('localInstall', { app: 'LM Studio', site: 'lmstudio.ai' }),
    s('lmstudioServer'),
    s('localKeyOptional'),
  ],
  azure: [s('azureResource'), s('azureCopy'), s('azureDeployments')],
  vertex: [s('vertexProject'), s('vertexAccount'), s('vertexFile')],
  openai_compatible: [s('compatBaseUrl')],
  anthropic_compatible: [s('anthropicCompatBaseUrl')],
}
