/** The human text an upstream error body carries, scrubbed of every secret and shortened. */
import { SCAN_LIMIT, scrubAll, scrubUpstream } from '../../secrets/scrub'

/**
 * The most useful human text in an upstream error body, scrubbed and truncated to 200 chars. The
 * raw body is scrubbed first (every encoding of every secret, escaped or not), then its message
 * is picked out of the JSON and scrubbed again (JSON.parse may have decoded a `\u` escape into
 * something the first pass could not see), and only then collapsed and cut.
 */
export function upstreamText(body: string | undefined, secrets: readonly string[]): string {
  if (!body) return ''
  const clean = scrubAll(body.length > SCAN_LIMIT ? body.slice(0, SCAN_LIMIT) : body, secrets)
  let text = clean
  try {
    text = pickMessage(JSON.parse(clean)) ?? clean
  } catch {
    // not JSON: keep the raw text (HTML error pages are shortened below)
  }
  return scrubUpstream(text, secrets)
}

const MESSAGE_PATHS: readonly (readonly string[])[] = [
  ['error', 'message'],
  ['error', 'status'],
  ['message'],
  ['detail', 'message'],
  ['detail'],
  ['err_msg'],
  ['error_description'],
  ['error'],
]

function pickMessage(json: unknown): string | undefined {
  for (const path of MESSAGE_PATHS) {
    let v: unknown = json
    for (const k of path)
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
    if (typeof v === 'string' && v.trim()) return v
  }
  return undefined
}
