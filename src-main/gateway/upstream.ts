/**
 * How the gateway reaches a provider (DESIGN §14): which API shape it speaks, its API root (the
 * credential's override or the catalog's default, normalized as the adapters do) and the auth
 * headers the provider's adapter sends. Only OpenAI-shaped and Anthropic-shaped providers are
 * served; others (Google, Cohere, Azure deployments, …) are `unsupported` for now.
 */
import type { DecryptedCredential } from '../providers/adapter-types'
import { anthropicAuth } from '../providers/adapters/anthropic'
import { apiRoot } from '../providers/base-url'
import type { CatalogEntry } from '../providers/catalog-types'

export type GatewayShape = 'openai' | 'anthropic'

export interface Upstream {
  shape: GatewayShape
  /** API root, with the version segment (`…/v1`), without a trailing slash. */
  root: string
  /** The auth headers (carry the real key; never logged, never returned). */
  auth: Record<string, string>
  /** The secrets to scrub from any upstream text that reaches a client. */
  secrets: string[]
}

/** The API shape the gateway can speak to a provider, or null when it cannot. */
export function shapeOf(entry: CatalogEntry): GatewayShape | null {
  switch (entry.apiShape) {
    case 'openai':
    case 'lmstudio': // LM Studio serves the OpenAI API under /v1
    case 'ollama': // Ollama serves the OpenAI API under /v1 (https://ollama.com/blog/openai-compatibility)
      return 'openai'
    case 'anthropic':
      return 'anthropic'
    default:
      return null
  }
}

/** The upstream of a credential, or null when its shape is not served or its URL is missing. */
export function upstreamOf(cred: DecryptedCredential, entry: CatalogEntry): Upstream | null {
  const shape = shapeOf(entry)
  if (!shape) return null
  let root = apiRoot(cred, entry)
  if (!root) return null
  root = root.replace(/\/+$/, '')
  // Ollama's root is the server (its native API is /api); the OpenAI-compatible API is /v1.
  if (entry.apiShape === 'ollama') root = `${root}/v1`
  const key = cred.apiKey ?? null
  const auth =
    shape === 'anthropic'
      ? key
        ? anthropicAuth(key)
        : {}
      : key
        ? { authorization: `Bearer ${key}` }
        : {}
  return { shape, root, auth, secrets: key ? [key] : [] }
}
