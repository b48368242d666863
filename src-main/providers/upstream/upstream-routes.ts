/**
 * Which gateway routes each provider serves, in which API shape, and whether a streamed request
 * may ask it for usage (`stream_options.include_usage`). One table, with the source of each fact:
 *
 * - OpenAI-shaped (openai, openai_compatible, groq, mistral, …): the OpenAI API reference,
 *   https://platform.openai.com/docs/api-reference. LM Studio serves it under /v1
 *   (https://lmstudio.ai/docs/app/api/endpoints/openai), Ollama too
 *   (https://ollama.com/blog/openai-compatibility; chat and embeddings only).
 * - Anthropic: `POST /v1/messages`, https://docs.anthropic.com/en/api/messages.
 * - Google AI Studio: the OpenAI-compatible endpoint `{root}/v1beta/openai/chat/completions` and
 *   `/embeddings`, key as `Authorization: Bearer`, https://ai.google.dev/gemini-api/docs/openai.
 * - Vertex AI: `{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}/
 *   endpoints/openapi/chat/completions`, model `google/<id>`, an OAuth access token as Bearer,
 *   https://cloud.google.com/vertex-ai/generative-ai/docs/migrate/openai/examples.
 * - Azure OpenAI: `{endpoint}/openai/deployments/{deployment}/{chat/completions|embeddings|
 *   audio/speech|audio/transcriptions}?api-version=…` with the `api-key` header,
 *   https://learn.microsoft.com/azure/ai-services/openai/reference. The registered model name
 *   is the deployment (the adapter discovers deployments, src-main/providers/adapters/azure.ts).
 * - Cohere: the Compatibility API `{root}/compatibility/v1/chat/completions` and `/embeddings`,
 *   https://docs.cohere.com/docs/compatibility-api.
 * - Voyage: `POST /v1/embeddings` answers in OpenAI's list shape,
 *   https://docs.voyageai.com/reference/embeddings-api.
 * - ElevenLabs and Deepgram speak their own speech APIs (not OpenAI's `/audio/*` bodies): not
 *   served; the gateway answers `unsupported` for them.
 *
 * `stream_options` is only sent where the provider is known to accept it: strict servers answer
 * an unknown field with 4xx (Mistral 422, vybestack/llxprt-code#114 and cline/cline#939; Cohere's
 * Compatibility API rejects it, https://strandsagents.com/latest/user-guide/concepts/model-providers/cohere).
 * OpenAI documents it (https://platform.openai.com/docs/api-reference/chat/create#chat-create-stream_options),
 * as do DeepSeek (https://api-docs.deepseek.com/api/create-chat-completion), xAI
 * (https://docs.x.ai/docs/api-reference#chat-completions) and OpenRouter
 * (https://openrouter.ai/docs/api-reference/streaming); Azure from api-version 2024-09-01
 * (https://learn.microsoft.com/azure/ai-services/openai/reference-preview).
 */
import type { CatalogEntry, ProviderId } from '../catalog-types'

export type GatewayShape = 'openai' | 'anthropic'

export interface ServedRoutes {
  shape: GatewayShape
  /** Route paths under the API root: `/chat/completions`, `/embeddings`, `/audio/…`, `/messages`. */
  paths: ReadonlySet<string>
  streamUsage: boolean
}

const OPENAI_ALL = new Set([
  '/chat/completions',
  '/embeddings',
  '/audio/speech',
  '/audio/transcriptions',
])
const CHAT_AND_EMBED = new Set(['/chat/completions', '/embeddings'])
const STREAM_USAGE: ReadonlySet<ProviderId> = new Set<ProviderId>([
  'openai',
  'deepseek',
  'xai',
  'openrouter',
  'azure',
])

/** The routes a provider serves through the gateway, or null when it serves none. */
export function servedRoutes(entry: CatalogEntry): ServedRoutes | null {
  const streamUsage = STREAM_USAGE.has(entry.id)
  switch (entry.apiShape) {
    case 'openai':
    case 'lmstudio':
    case 'azure':
      return { shape: 'openai', paths: OPENAI_ALL, streamUsage }
    case 'ollama':
    case 'google':
    case 'cohere':
      return { shape: 'openai', paths: CHAT_AND_EMBED, streamUsage }
    case 'vertex':
      return { shape: 'openai', paths: new Set(['/chat/completions']), streamUsage }
    case 'voyage':
      return { shape: 'openai', paths: new Set(['/embeddings']), streamUsage }
    case 'anthropic':
      return { shape: 'anthropic', paths: new Set(['/messages']), streamUsage: false }
    default:
      return null
  }
}

/** The API shape the gateway speaks to a provider, or null when it serves none of its routes. */
export function shapeOf(entry: CatalogEntry): GatewayShape | null {
  return servedRoutes(entry)?.shape ?? null
}

/** An Azure deployment's URL for a route, with the api-version query Azure requires. */
export function azureDeploymentUrl(
  endpoint: string,
  deployment: string,
  path: string,
  apiVersion: string,
): string {
  return `${endpoint}/openai/deployments/${encodeURIComponent(deployment)}${path}?api-version=${encodeURIComponent(apiVersion)}`
}
