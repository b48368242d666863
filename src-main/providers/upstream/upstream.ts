/**
 * How the gateway reaches a provider (DESIGN §14): which API shape it speaks, the URL of each
 * gateway route for a model (the credential's override or the catalog's default root, normalized
 * as the adapters do), and the auth headers the provider's adapter sends. Providers whose native
 * API is neither OpenAI's nor Anthropic's are reached through their own OpenAI-compatible
 * endpoints (Google, Vertex, Cohere) or their OpenAI-shaped routes (Azure deployments, Voyage
 * embeddings); the facts and their sources are in ./upstream-routes.ts.
 */
import { MODEL_TYPE_KEYS } from '../../../src-preload/contract/model-types'
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type { DecryptedCredential } from '../adapter-types'
import { anthropicAuth } from '../adapters/anthropic'
import { googleBodyRule } from '../adapters/google'
import { openAiBodyRule } from '../adapters/openai-quirks'
import { apiRoot, normalizeBaseUrl } from '../base-url'
import type { CatalogEntry } from '../catalog-types'
import { azureDeploymentUrl, servedRoutes } from './upstream-routes'
import type { Upstream } from './upstream-types'
import { vertexAuth } from './upstream-vertex'

export { servedRoutes, shapeOf, type GatewayShape } from './upstream-routes'

export type { Upstream } from './upstream-types'

const trim = (s: string) => s.replace(/\/+$/, '')
const fixed = (h: Record<string, string>) => () => Promise.resolve(h)

/** The upstream of a credential, or null when its shape is not served or its URL is missing. */
export function upstreamOf(cred: DecryptedCredential, entry: CatalogEntry): Upstream | null {
  const served = servedRoutes(entry)
  if (!served) return null
  const key = cred.apiKey ?? null
  const secrets = key ? [key] : []
  const bearer = fixed(key ? { authorization: `Bearer ${key}` } : {})
  const at = (root: string) => (path: string) => (served.paths.has(path) ? `${root}${path}` : null)
  const base = {
    shape: served.shape,
    bodyModel: (name: string) => name,
    secrets,
    bodyRule: openAiBodyRule,
    streamUsage: served.streamUsage,
  }

  if (entry.apiShape === 'vertex') return vertexAuth(cred, entry, served)
  if (entry.apiShape === 'azure') {
    if (!key) return null
    const main = apiRoot(cred, entry)
    if (!main) return null
    const apiVersion = cred.apiVersion?.trim() || '2024-10-21'
    const endpointFor = (type: ModelType) => {
      const override = cred.endpoints?.[MODEL_TYPE_KEYS[type]]
      return override?.trim() ? normalizeBaseUrl(override, entry) : main
    }
    return {
      ...base,
      streamUsage: served.streamUsage && apiVersion >= '2024-09-01',
      url: (path, model, type) =>
        served.paths.has(path)
          ? azureDeploymentUrl(trim(endpointFor(type)), model, path, apiVersion)
          : null,
      headers: fixed({ 'api-key': key }),
    }
  }

  let root = apiRoot(cred, entry)
  if (!root) return null
  root = trim(root)
  switch (entry.apiShape) {
    case 'anthropic':
      return { ...base, url: at(root), headers: fixed(key ? anthropicAuth(key) : {}) }
    case 'ollama': // the server's root; the OpenAI-compatible API is /v1
      return { ...base, url: at(`${root}/v1`), headers: bearer }
    case 'google': // {root}/v1beta/openai/…, the key as a Bearer token
      return { ...base, url: at(`${root}/openai`), headers: bearer, bodyRule: googleBodyRule }
    case 'cohere': // the Compatibility API beside the native one
      return { ...base, url: at(`${root}/compatibility/v1`), headers: bearer }
    default: // openai, lmstudio, voyage
      return { ...base, url: at(root), headers: bearer }
  }
}
