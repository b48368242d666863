/**
 * Anthropic Messages API adapter, also used for Anthropic-compatible servers (providers whose
 * catalog entry has no default base URL need one on the credential). Test: `GET {root}/models`
 * with `x-api-key` + `anthropic-version`; discovery follows `after_id` / `has_more` / `last_id`.
 */
import type { AdapterContext, DiscoveredModel } from '../adapter-types'
import { isObject, parseJson, readPages } from './http'
import { keyedAdapter } from './keyed'
import { MODEL_TEST_MS, partsText, replyResult } from './model-test'
import { failureOutcome, listedOutcome, listingUnsupportedError, statusOf } from './outcome'

/** The Messages API version we send when the caller names none (also used by the gateway). */
export const ANTHROPIC_VERSION = '2023-06-01'
const PAGE_LIMIT = 1000
/** A server that keeps saying `has_more` must not keep us paging forever. */
const MAX_PAGES = 100

/** A listed model; only `id` is checked by isPage, the rest is whatever the server sent. */
interface AnthropicModel {
  id: string
  display_name?: unknown
  max_input_tokens?: unknown
}
interface ModelPage {
  data: AnthropicModel[]
  has_more?: unknown
  last_id?: unknown
}

const isPage = (j: unknown): j is ModelPage =>
  isObject(j) &&
  Array.isArray(j.data) &&
  j.data.every((m) => isObject(m) && typeof m.id === 'string' && m.id.length > 0)

const isMessage = (j: unknown): j is { content: unknown[] } =>
  isObject(j) && Array.isArray(j.content)

/** Compat servers may speak Messages without listing models: a 404/405 on the listing is fine. */
const listingUnsupported = (ctx: AdapterContext, status: number) =>
  ctx.entry.defaultBaseUrl === null && (status === 404 || status === 405)

function toModel(m: AnthropicModel): DiscoveredModel {
  return {
    name: m.id,
    type: 'language',
    typeSource: 'api',
    // A display name that is not text is dropped, not carried into the model list.
    ...(typeof m.display_name === 'string' && m.display_name
      ? { displayName: m.display_name }
      : {}),
    ...(typeof m.max_input_tokens === 'number' && m.max_input_tokens > 0
      ? { contextLength: m.max_input_tokens }
      : {}),
  }
}

/** Anthropic's auth headers: the key as `x-api-key` plus the API version. */
export const anthropicAuth = (key: string): Record<string, string> => ({
  'x-api-key': key,
  'anthropic-version': ANTHROPIC_VERSION,
})

/** The Anthropic adapter (apiShape `anthropic`). */
export const anthropicAdapter = keyedAdapter({
  auth: anthropicAuth,

  test: (s) =>
    s.probe(
      s.get(`${s.root}/models?limit=${PAGE_LIMIT}`),
      (answer, facts) => {
        const page = parseJson(answer, facts, isPage)
        return listedOutcome(s.ctx.entry, page.data.length, page.has_more === true)
      },
      (answer, facts) =>
        listingUnsupported(s.ctx, answer.status)
          ? failureOutcome('ok_listing_unsupported', facts)
          : null,
    ),

  async discover(s) {
    const listed = await readPages(
      `${s.root}/models?limit=${PAGE_LIMIT}`,
      'after_id',
      MAX_PAGES,
      async (url) => {
        let body: ModelPage
        try {
          body = await s.json(s.get(url), isPage)
        } catch (err) {
          const status = statusOf(err)
          if (status !== undefined && listingUnsupported(s.ctx, status)) {
            throw listingUnsupportedError(s.ctx.entry, status)
          }
          throw err
        }
        return { items: body.data, next: body.has_more ? body.last_id : null }
      },
    )
    return listed.map(toModel)
  },

  modelTests: (model) => ({
    language: async (s) => {
      const body = await s.json(
        s.post(
          `${s.root}/messages`,
          {
            model: model.name,
            max_tokens: 16,
            messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
          },
          MODEL_TEST_MS,
        ),
        isMessage,
      )
      // Anthropic's reply is shown as it came, even when empty.
      return replyResult(partsText(body.content), '')
    },
  }),
})
