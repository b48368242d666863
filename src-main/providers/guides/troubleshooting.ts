/**
 * What a failed test usually means for each provider, and the fix (issue 16): one line per test
 * code or failure reason where the provider has something specific to say. The generic hint of
 * each code (`apiKeys:hints.*`) is shown as before; these lines add the provider's own advice.
 * Sources: the providers' error docs (platform.openai.com/docs/guides/error-codes,
 * docs.anthropic.com/en/api/errors, ai.google.dev/gemini-api/docs/troubleshooting,
 * alibabacloud.com/help/en/model-studio/error-code, learn.microsoft.com/azure/ai-services/openai/
 * reference), and the bodies quoted in src-main/providers/api-facts.ts.
 */
import type { ProviderId } from '../catalog-types'
import { BILLING_PAGES } from './steps'
import type { GuideText, Troubleshooting } from './guide-types'

const line = (key: string, params?: Record<string, string>): GuideText =>
  params ? { key: `trouble.${key}`, params } : { key: `trouble.${key}` }

const quota = (p: ProviderId): Troubleshooting => {
  const page = BILLING_PAGES[p]
  return page ? { quota: line('quotaBilling', { page }) } : {}
}

const local = (app: string, url: string): Troubleshooting => ({
  network: line('localNetwork', { app, url }),
  timeout: line('localTimeout', { app }),
  auth_invalid: line('localAuth'),
})

export const TROUBLESHOOTING: Record<ProviderId, Troubleshooting> = {
  openai: {
    auth_invalid: line('openaiAuth'),
    missing_scope: line('openaiScope'),
    ok_rate_limited: line('tierRate'),
    ...quota('openai'),
  },
  anthropic: {
    auth_invalid: line('anthropicAuth'),
    ok_rate_limited: line('tierRate'),
    ...quota('anthropic'),
  },
  google: {
    auth_invalid: line('googleAuth'),
    service_disabled: line('googleServiceDisabled'),
    api_restricted: line('googleRestricted'),
    ok_rate_limited: line('freeTierRate'),
  },
  groq: { ok_rate_limited: line('freeTierRate') },
  mistral: { auth_invalid: line('mistralAuth'), ...quota('mistral') },
  deepseek: { ...quota('deepseek'), server_error: line('busyServer') },
  xai: { auth_invalid: line('xaiAuth'), ...quota('xai') },
  openrouter: { auth_invalid: line('openrouterAuth'), ...quota('openrouter') },
  dashscope: { auth_invalid: line('dashscopeRegion'), auth_forbidden: line('dashscopeRegion') },
  minimax: { auth_invalid: line('minimaxAuth') },
  novita: { quota: line('quotaBilling', { page: 'https://novita.ai/billing' }) },
  ppq: { ...quota('ppq') },
  cohere: { ok_rate_limited: line('cohereTrial') },
  voyage: { ok_rate_limited: line('voyageRate') },
  elevenlabs: { auth_invalid: line('elevenlabsAuth'), auth_forbidden: line('elevenlabsAuth') },
  deepgram: { auth_forbidden: line('deepgramScope') },
  ollama: local('Ollama', 'http://localhost:11434'),
  omlx: local('oMLX', 'http://localhost:8000/v1'),
  lmstudio: { ...local('LM Studio', 'http://localhost:1234/v1'), network: line('lmstudioNetwork') },
  azure: {
    auth_invalid: line('azureAuth'),
    auth_forbidden: line('azureAuth'),
    server_error: line('azureServer'),
  },
  vertex: { auth_invalid: line('vertexAuth'), auth_forbidden: line('vertexAuth') },
  openai_compatible: {
    network: line('compatNetwork'),
    ok_listing_unsupported: line('compatListing'),
  },
  anthropic_compatible: {
    network: line('compatNetwork'),
    ok_listing_unsupported: line('compatListing'),
  },
}
