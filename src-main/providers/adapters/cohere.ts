/**
 * Cohere adapter. Test: `GET /v1/models` with a Bearer key; discovery follows `page_token` /
 * `next_page_token` and types each model from its `endpoints` (chat/generate → language,
 * embed → embedding; rerank- or classify-only models fit none of the four types and are left
 * out). Model tests use the v2 `chat` and `embed` endpoints. Cohere versions per endpoint, so
 * the root carries no version segment.
 */
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type { DiscoveredModel } from '../adapter-types'
import { classifyByName, excludedKind } from '../classify'
import { isObject, isVector, parseJson, readPages } from './http'
import { keyedAdapter } from './keyed'
import { dimensionsResult, MODEL_TEST_MS, partsText, replyResult } from './model-test'
import { listedOutcome } from './outcome'

const PAGE_SIZE = 1000
const MAX_PAGES = 100

/** A listed model; only `name` is checked by isPage, the rest is unchecked JSON. */
interface CohereModel {
  name: string
  endpoints?: unknown
  context_length?: unknown
}
interface ModelPage {
  models: CohereModel[]
  next_page_token?: unknown
}

const isPage = (j: unknown): j is ModelPage =>
  isObject(j) &&
  Array.isArray(j.models) &&
  j.models.every((m) => isObject(m) && typeof m.name === 'string')

/** Endpoint → type, first match wins (a chat model that also embeds is a chat model). */
const ENDPOINT_TYPES: Array<[RegExp, ModelType]> = [
  [/^(chat|generate|summarize)$/, 'language'],
  [/^embed/, 'embedding'],
  [/transcri|audio|speech/, 'speech_to_text'],
]

/** A Cohere model's type from its `endpoints`; null for rerank/classify-only models. */
export function typeCohereModel(
  m: CohereModel,
): Pick<DiscoveredModel, 'type' | 'typeSource'> | null {
  // Only the string entries of an array: a regex test of a value that cannot become text throws.
  const endpoints = Array.isArray(m.endpoints)
    ? m.endpoints.filter((e): e is string => typeof e === 'string')
    : []
  if (endpoints.length === 0) {
    return excludedKind(m.name)
      ? null
      : { type: classifyByName(m.name, 'cohere'), typeSource: 'name' }
  }
  for (const [re, type] of ENDPOINT_TYPES) {
    if (endpoints.some((e) => re.test(e))) return { type, typeSource: 'api' }
  }
  return null
}

const isChat = (j: unknown): j is { message: { content?: unknown } } =>
  isObject(j) && isObject(j.message)

const isEmbed = (j: unknown): j is { embeddings: { float: number[][] } } =>
  isObject(j) &&
  isObject(j.embeddings) &&
  Array.isArray(j.embeddings.float) &&
  isVector(j.embeddings.float[0])

/** The Cohere adapter (apiShape `cohere`). */
export const cohereAdapter = keyedAdapter({
  auth: (key) => ({ authorization: `Bearer ${key}` }),
  stripVersion: true,

  test: (s) =>
    s.probe(s.get(`${s.root}/v1/models?page_size=${PAGE_SIZE}`), (answer, facts) => {
      const page = parseJson(answer, facts, isPage)
      const more = typeof page.next_page_token === 'string' && page.next_page_token !== ''
      return listedOutcome(s.ctx.entry, page.models.length, more)
    }),

  async discover(s) {
    const listed = await readPages(
      `${s.root}/v1/models?page_size=${PAGE_SIZE}`,
      'page_token',
      MAX_PAGES,
      async (url) => {
        const body = await s.json(s.get(url), isPage)
        return { items: body.models, next: body.next_page_token }
      },
    )
    const out: DiscoveredModel[] = []
    for (const m of listed) {
      const typed = m.name ? typeCohereModel(m) : null
      if (!typed) continue
      out.push({
        name: m.name,
        ...typed,
        ...(typeof m.context_length === 'number' && m.context_length > 0
          ? { contextLength: m.context_length }
          : {}),
      })
    }
    return out
  },

  modelTests: (model) => ({
    language: async (s) => {
      const body = await s.json(
        s.post(
          `${s.root}/v2/chat`,
          {
            model: model.name,
            messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
            max_tokens: 16,
          },
          MODEL_TEST_MS,
        ),
        isChat,
      )
      return replyResult(partsText(body.message.content))
    },
    embedding: async (s) => {
      const body = await s.json(
        s.post(
          `${s.root}/v2/embed`,
          {
            model: model.name,
            texts: ['This is a test.'],
            input_type: 'search_document',
            embedding_types: ['float'],
          },
          MODEL_TEST_MS,
        ),
        isEmbed,
      )
      return dimensionsResult(body.embeddings.float[0]!.length)
    },
  }),
})
