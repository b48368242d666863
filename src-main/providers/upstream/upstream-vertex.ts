/**
 * Vertex AI through its OpenAI-compatible endpoint
 * (https://cloud.google.com/vertex-ai/generative-ai/docs/migrate/openai/examples):
 * `{root}/projects/{project}/locations/{location}/endpoints/openapi/chat/completions`, the model
 * as `google/<id>`, and an OAuth access token from the service account as Bearer. The token
 * comes from the adapter's own exchange (signed JWT → token_uri, through the guarded fetch) and
 * is kept for 50 minutes of its hour, so only the first request of a credential pays for it; a
 * kept token the API refuses (revoked, or expired early) is dropped by `renewAuth`.
 */
import { AppError } from '../../errors'
import type { DecryptedCredential } from '../adapter-types'
import { vertexAccessToken, vertexSetup } from '../adapters/vertex'
import type { CatalogEntry } from '../catalog-types'
import type { Upstream } from './upstream-types'
import type { ServedRoutes } from './upstream-routes'
import { googleBodyRule } from '../adapters/google'

const TOKEN_TTL_MS = 50 * 60_000

export function vertexAuth(
  cred: DecryptedCredential,
  entry: CatalogEntry,
  served: ServedRoutes,
): Upstream | null {
  const s = vertexSetup(cred, { entry, fetch: () => Promise.reject(new Error('unused')) })
  if ('code' in s) return null
  const root =
    `${s.root}/projects/${encodeURIComponent(s.project)}` +
    `/locations/${encodeURIComponent(s.location)}/endpoints/openapi`
  // `sent`: the header once the exchange has answered, to tell a refused token from a newer one.
  let token: { value: Promise<string>; until: number; sent?: string } | null = null
  return {
    shape: served.shape,
    url: (path) => (served.paths.has(path) ? `${root}${path}` : null),
    bodyModel: (name) => (name.includes('/') ? name : `google/${name}`),
    secrets: s.secrets,
    bodyRule: googleBodyRule,
    streamUsage: served.streamUsage,
    async headers(fetch, signal) {
      if (!token || token.until <= Date.now()) {
        const value = vertexAccessToken(cred, { entry, fetch, signal }, s)
        token = { value, until: Date.now() + TOKEN_TTL_MS }
        // A failed exchange is not kept: the next request tries again.
        value.catch(() => {
          token = null
        })
      }
      const kept = token
      try {
        kept.sent = `Bearer ${await kept.value}`
        return { authorization: kept.sent }
      } catch (err) {
        throw err instanceof AppError ? err : new AppError('auth_invalid', 'No access token.')
      }
    },
    renewAuth(refused) {
      // Only the refused token: a concurrent request may already have exchanged a newer one.
      if (token?.sent !== undefined && token.sent === refused) token = null
    },
  }
}
