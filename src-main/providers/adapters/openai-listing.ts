/**
 * Reading an OpenAI-shaped model listing: its URL (with a provider's query), its shape (a bare
 * array or `{ data }`), and every page of it without following a link to another origin.
 */
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import { fetchJson, isObject } from './http'
import type { ListedModel } from './openai-models'
import { openAiBodyRule, type Quirks } from './openai-quirks'

/** A server that keeps paging must not keep us paging forever. */
const MAX_PAGES = 50

/** The key the calls carry, for the scrubber. */
export const secretsOf = (cred: DecryptedCredential): string[] => (cred.apiKey ? [cred.apiKey] : [])

/** The headers of an authenticated JSON call (no Authorization without a key). */
export function authHeaders(cred: DecryptedCredential): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' }
  if (cred.apiKey) h.authorization = `Bearer ${cred.apiKey}`
  return h
}

/** The listing's URL at `root`, with the query the provider needs to show every type. */
export function listUrl(root: string, q: Quirks, path = '/models'): string {
  const url = new URL(`${root}${path}`)
  for (const [k, v] of Object.entries(q.listQuery ?? {})) url.searchParams.set(k, v)
  return url.toString()
}

export interface Listing {
  data: ListedModel[]
  has_more?: boolean
  last_id?: string
  next?: string | null
  /** OpenRouter: `links.next` ("/api/v1/models?offset=500&limit=500", null on the last page). */
  links?: { next?: string | null }
}

export function isListing(j: unknown): j is Listing {
  // Some servers (Together, a few proxies) answer a bare array instead of `{ data }`.
  const data = Array.isArray(j) ? j : isObject(j) ? j.data : undefined
  return (
    Array.isArray(data) && data.every((m) => isObject(m) && typeof m.id === 'string' && m.id !== '')
  )
}
/** The `{ data }` shape of either listing. */
export const asListing = (j: Listing | ListedModel[]): Listing =>
  Array.isArray(j) ? { data: j } : j

/** Every item of a paged listing: `has_more` + `last_id` (→ `after`) or a same-origin `next` link. */
export async function listAll(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  first: string,
): Promise<ListedModel[]> {
  const items: ListedModel[] = []
  const seen = new Set<string>()
  let url: string | null = first
  for (let page = 0; url && page < MAX_PAGES && !seen.has(url); page++) {
    seen.add(url)
    const body = asListing(
      await fetchJson(
        ctx,
        cred,
        { url, headers: authHeaders(cred) },
        secretsOf(cred),
        isListing,
        openAiBodyRule,
      ),
    )
    items.push(...body.data)
    url = nextPage(first, url, body)
  }
  return items
}

function nextPage(first: string, current: string, body: Listing): string | null {
  if (body.has_more && typeof body.last_id === 'string' && body.last_id) {
    const u = new URL(first)
    u.searchParams.set('after', body.last_id)
    return u.toString()
  }
  const next = body.links?.next ?? body.next
  if (typeof next === 'string' && next) {
    const u = new URL(next, current)
    // The key goes only where the user pointed it: a link to another origin is not followed.
    return u.origin === new URL(first).origin ? u.toString() : null
  }
  return null
}
