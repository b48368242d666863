/**
 * The usual shapes of each provider's keys (issue 16), for a soft warning when a pasted key looks
 * wrong; never a refusal. A provider without a published or well-attested shape has none (no
 * warning). Each shape cites where it was checked. "betterleaks" is the secret-scanner rule set at
 * github.com/betterleaks/betterleaks, cmd/generate/config/rules/<name>.go (commit 6381fa45), whose
 * rules are tested against real-looking keys and validated against the provider's API.
 */
import type { ProviderId } from '../catalog-types'
import type { KeyShape } from './guide-types'

export const KEY_SHAPES: Record<ProviderId, KeyShape[]> = {
  // betterleaks openai.go: project / service-account / admin keys `sk-(proj|svcacct|admin)-…`
  // and legacy user keys `sk-<20>T3BlbkFJ<20>`; both carry the `T3BlbkFJ` marker (base64 "OpenAI").
  openai: [
    { pattern: '^sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}$', label: 'sk-proj-…' },
    { pattern: '^sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}$', label: 'sk-…' },
  ],
  // betterleaks anthropic.go: `sk-ant-api03-` + 93 characters + `AA` (admin keys are
  // `sk-ant-admin01-`, which cannot call the Messages API, so they are not a usual shape here).
  anthropic: [{ pattern: '^sk-ant-api\\d\\d-[A-Za-z0-9_-]{80,}$', label: 'sk-ant-api03-…' }],
  // betterleaks gcp.go `gcp-api-key`: `AIza` + 35 of [A-Za-z0-9_-] (AI Studio keys are Cloud API keys).
  google: [{ pattern: '^AIza[A-Za-z0-9_-]{35}$', label: 'AIza…' }],
  // betterleaks groq.go: `gsk_` + 52 letters and digits (case-insensitive rule).
  groq: [{ pattern: '^gsk_[A-Za-z0-9]{48,56}$', label: 'gsk_…' }],
  // betterleaks mistral.go: 32 letters and digits, no prefix.
  mistral: [{ pattern: '^[A-Za-z0-9]{32}$', label: '32 letters and digits' }],
  // betterleaks deepseek.go: `sk-` + 32 lower-case hex digits.
  deepseek: [{ pattern: '^sk-[a-f0-9]{32}$', label: 'sk-…' }],
  // betterleaks xai.go: `xai-` + 70–120 of [A-Za-z0-9_-].
  xai: [{ pattern: '^xai-[A-Za-z0-9_-]{70,120}$', label: 'xai-…' }],
  // betterleaks openrouter.go: `sk-or-v1-` + 64 hex digits.
  openrouter: [{ pattern: '^sk-or-v1-[a-f0-9]{64}$', label: 'sk-or-v1-…' }],
  // alibabacloud.com/help/en/model-studio/get-api-key: the general key is `sk-xxxxx`, a
  // Coding / Token Plan key `sk-sp-xxxxx`. No length is documented, so any length of 16 or more.
  dashscope: [{ pattern: '^sk-(?:sp-)?[A-Za-z0-9]{16,}$', label: 'sk-…' }],
  // betterleaks minimax.go: `sk-api-` + 119 of [A-Za-z0-9_-].
  minimax: [{ pattern: '^sk-api-[A-Za-z0-9_-]{100,140}$', label: 'sk-api-…' }],
  // No published shape (novita.ai/docs/guides/quickstart shows none).
  novita: [],
  // No published shape (ppq.ai/api-docs shows none).
  ppq: [],
  // betterleaks cohere.go: 40 letters and digits (also what cohere-go reads from CO_API_KEY).
  cohere: [{ pattern: '^[A-Za-z0-9]{40}$', label: '40 letters and digits' }],
  // No documented shape (docs.voyageai.com shows none).
  voyage: [],
  // betterleaks elevenlabs.go: `sk_` + 48 hex digits.
  elevenlabs: [{ pattern: '^sk_[a-f0-9]{48}$', label: 'sk_…' }],
  // betterleaks deepgram.go: 40 hex digits.
  deepgram: [{ pattern: '^[a-f0-9]{40}$', label: '40 hex digits' }],
  // Local and self-hosted servers take any string their admin chose: no usual shape.
  ollama: [],
  omlx: [],
  lmstudio: [],
  // Azure AI services keys: 32 hex digits, or since late 2024 84 letters and digits ("The new
  // tokens are now 84 characters long", Azure docs quoted in binary-husky/gpt_academic#2098;
  // Azure/azure-sdk-for-python#39363 dropped the "32 characters" wording for the same reason).
  azure: [
    { pattern: '^[a-fA-F0-9]{32}$', label: '32 hex digits' },
    { pattern: '^[A-Za-z0-9]{84}$', label: '84 letters and digits' },
  ],
  // Vertex has no API key: a service-account JSON file.
  vertex: [],
  openai_compatible: [],
  anthropic_compatible: [],
}
