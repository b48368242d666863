/**
 * The parts of a request to a provider's API the adapters share: the credential's API root (or
 * the not_configured outcome saying what is missing), the headers, a JSON POST.
 */
import { AppError } from '../../errors'
import { apiRoot } from '../base-url'
import type { DecryptedCredential, TestOutcome } from '../adapter-types'
import type { CatalogEntry } from '../catalog-types'
import type { CallSpec } from './http'
import { notConfigured } from './outcome'

/**
 * The credential's API root (base-url.ts: its override normalized, with or without the version
 * segment, else the catalog default), or the not_configured outcome saying what is missing or
 * wrong. `stripVersion` drops a version segment for APIs that version per endpoint (Cohere).
 */
export function resolveRoot(
  cred: DecryptedCredential,
  entry: CatalogEntry,
  opts: { stripVersion?: boolean } = {},
): string | TestOutcome {
  let root: string | null
  try {
    root = apiRoot(cred, entry)
  } catch (err) {
    if (err instanceof AppError) return notConfigured(entry, err.message)
    throw err
  }
  if (!root) {
    return notConfigured(
      entry,
      'no base URL is set.',
      'Enter the server’s base URL (with or without its version segment, e.g. /v1).',
    )
  }
  root = root.replace(/\/+$/, '')
  return opts.stripVersion ? root.replace(/\/v\d+(?:(?:alpha|beta)\d*)?$/i, '') : root
}

/** Request headers: the provider's auth header(s), a JSON accept, then `extra` (which wins). */
export function headersWith(
  auth: Record<string, string>,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { ...auth, accept: 'application/json', ...extra }
}

/** A JSON POST: `headers` plus the JSON content type, the payload serialized. */
export function postJson(
  url: string,
  headers: Record<string, string>,
  payload: unknown,
  timeoutMs?: number,
): CallSpec {
  return {
    url,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    ...(timeoutMs ? { timeoutMs } : {}),
  }
}
