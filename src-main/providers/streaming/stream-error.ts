/** The coded error of a failure a provider reports inside a stream (after a 200). */
import { AppError } from '../../errors'
import { upstreamText } from '../adapters/upstream-text'
import type { CatalogEntry } from '../catalog-types'

/** `server_error` / `stream_error` with the provider's own words, scrubbed and cut. */
export function streamError(
  entry: CatalogEntry,
  secrets: readonly string[],
  said: unknown,
): AppError {
  // `{"error": null}` says nothing: no `: ""` after the sentence.
  const raw = typeof said === 'string' ? said : said == null ? '' : JSON.stringify(said)
  const text = upstreamText(raw, secrets)
  return new AppError(
    'server_error',
    `${entry.displayName} reported an error while answering${text ? `: ${text}` : '.'}`,
    { provider: entry.id, reason: 'stream_error' },
  )
}

/** A finite, non-negative count, else undefined (the field stays as it was). */
export const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined
