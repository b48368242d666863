/**
 * Base-URL overrides (DESIGN §5): people paste `https://host/anthropic`, `https://host/anthropic/v1`,
 * `https://host/v1/models/` — all mean the same API root. One place turns any of them into the
 * root the adapters call.
 */
import { AppError } from '../errors'
import type { DecryptedCredential } from './adapter-types'
import type { CatalogEntry, ProviderId } from './catalog-types'

/** Version segments a provider also accepts besides its own (Google serves /v1 and /v1beta). */
const ALSO_ACCEPTED: Partial<Record<ProviderId, string[]>> = {
  google: ['/v1', '/v1alpha'],
}

/**
 * Path endings that are not part of the root: pasted endpoint paths, and API prefixes the
 * adapter adds itself (Ollama's `/api`, Azure's `/openai`).
 */
const TRAILING_NOISE: Partial<Record<ProviderId, string[]>> & { all: string[] } = {
  all: ['/models', '/chat/completions'],
  ollama: ['/api/tags', '/api', '/v1'],
  azure: ['/openai/v1', '/openai/deployments', '/openai'],
}

function stripSuffix(path: string, suffixes: readonly string[]): string {
  const lower = path.toLowerCase()
  const hit = suffixes.find((s) => lower.endsWith(s))
  return hit ? path.slice(0, -hit.length) : path
}

/**
 * Turns a user-supplied base URL into the provider's API root, with or without the version
 * segment given, trailing slashes and pasted endpoint paths ignored. Bad URLs → validation.
 */
export function normalizeBaseUrl(input: string, entry: CatalogEntry): string {
  const raw = input.trim()
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppError('validation', 'The base URL is not a valid URL.', { field: 'baseUrl' })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('validation', 'The base URL must start with http:// or https://.', {
      field: 'baseUrl',
    })
  }
  if (url.username || url.password) {
    throw new AppError('validation', 'The base URL must not contain a user name or password.', {
      field: 'baseUrl',
    })
  }
  url.hash = ''
  let path = url.pathname.replace(/\/+$/, '')
  path = stripSuffix(path, [...(TRAILING_NOISE[entry.id] ?? []), ...TRAILING_NOISE.all])
  path = path.replace(/\/+$/, '')
  const segment = entry.versionSegment
  if (segment) {
    const accepted = [segment, ...(ALSO_ACCEPTED[entry.id] ?? [])]
    if (!accepted.some((s) => path.toLowerCase().endsWith(s))) path += segment
  }
  url.pathname = path || '/'
  return url.toString().replace(/\/+(\?|$)/, '$1')
}

/** The Vertex AI endpoint for a location (`global` has no regional prefix). */
export function vertexRoot(location: string): string {
  const loc = location.trim().toLowerCase()
  if (!/^[a-z0-9-]+$/.test(loc)) {
    throw new AppError('validation', 'The Vertex location is not a valid region name.', {
      field: 'location',
    })
  }
  return loc === 'global'
    ? 'https://aiplatform.googleapis.com/v1'
    : `https://${loc}-aiplatform.googleapis.com/v1`
}

/**
 * The API root to call for a credential: its override (Azure: its endpoint) normalized, else
 * the provider's default; null when the provider needs a URL and none is set.
 */
export function apiRoot(cred: DecryptedCredential, entry: CatalogEntry): string | null {
  if (entry.apiShape === 'vertex') return cred.location ? vertexRoot(cred.location) : null
  const override = entry.id === 'azure' ? (cred.endpoint ?? cred.baseUrl) : cred.baseUrl
  if (override && override.trim()) return normalizeBaseUrl(override, entry)
  // A regional provider (DashScope): the credential's region picks the endpoint its key works at.
  const region = entry.regions?.find((r) => r.id === cred.location?.trim())
  return region?.baseUrl ?? entry.defaultBaseUrl
}

/**
 * The entry as one credential sees it: a regional provider's key page is its region's, so every
 * "create a key at …" hint points where a key for this credential's endpoint is made.
 */
export function entryFor(entry: CatalogEntry, cred: Pick<DecryptedCredential, 'location'>) {
  const region = entry.regions?.find((r) => r.id === cred.location?.trim()) ?? entry.regions?.[0]
  return region ? { ...entry, docsUrl: region.docsUrl } : entry
}
