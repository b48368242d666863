/**
 * Vertex AI through its OpenAI-compatible endpoint
 * (https://cloud.google.com/vertex-ai/generative-ai/docs/migrate/openai/examples):
 * `{root}/projects/{project}/locations/{location}/endpoints/openapi/chat/completions`, the model
 * as `google/<id>`, and an OAuth access token from the service account as Bearer. The token
 * comes from the adapter's own exchange (signed JWT → token_uri, through the guarded fetch) and
 * is kept for the lifetime the token endpoint gives (`expires_in`, 3599 s from Google:
 * https://developers.google.com/identity/protocols/oauth2/service-account#httprest) less a safety
 * margin, at most 50 minutes, so only the first request of a credential pays for it; a kept token
 * the API refuses (revoked, or expired early) is dropped by `renewAuth`.
 */
import { AppError } from '../../errors'
import type { DecryptedCredential } from '../adapter-types'
import { vertexGrant, vertexSetup } from '../adapters/vertex'
import type { CatalogEntry } from '../catalog-types'
import type { Upstream } from './upstream-types'
import type { ServedRoutes } from './upstream-routes'
import { googleBodyRule } from '../adapters/google'

const MAX_KEEP_MS = 50 * 60_000
// Renew this long before Google's expiry (google-auth-library's eagerRefreshThresholdMillis default):
// a request sent with a token about to lapse would be refused on the way.
const MARGIN_MS = 5 * 60_000

/**
 * How long to keep a token given its `expires_in` (seconds): that less the margin, at most 50
 * minutes; 0 (do not keep) when that is not positive; 50 minutes when it is missing, as Google's
 * tokens live an hour and a refused one is renewed anyway.
 */
export function tokenKeepMs(expiresIn: number | null): number {
  if (expiresIn === null || !Number.isFinite(expiresIn)) return MAX_KEEP_MS
  return Math.max(0, Math.min(expiresIn * 1000 - MARGIN_MS, MAX_KEEP_MS))
}

/** The Vertex upstream; `now` is the clock the kept token's lifetime is read on. */
export function vertexAuth(
  cred: DecryptedCredential,
  entry: CatalogEntry,
  served: ServedRoutes,
  now: () => number = Date.now,
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
      if (!token || token.until <= now()) {
        const started = now()
        const grant = vertexGrant(cred, { entry, fetch, signal }, s)
        // Shared while the exchange runs; then kept for its lifetime, counted from before it.
        const fresh: NonNullable<typeof token> = {
          value: grant.then((g) => g.token),
          until: Infinity,
        }
        token = fresh
        grant.then(
          (g) => {
            fresh.until = started + tokenKeepMs(g.expiresIn)
          },
          // A failed exchange is not kept: the next request tries again.
          () => {
            if (token === fresh) token = null
          },
        )
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
