/**
 * Cohere adapter. Test: `GET /v1/models` with a Bearer key; discovery follows `page_token` /
 * `next_page_token` and types each model from its `endpoints` (chat/generate → language,
 * embed → embedding; rerank- or classify-only models fit none of the four types and are left
 * out). Model tests use the v2 `chat` and `embed` endpoints. Cohere versions per endpoint, so
 * the root carries no version segment.
 */
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import { classifyByName, excludedKind } from '../classify'
import {
  fetchJson,
  isObject,
  parseJson,
  probe,
  requireKey,
  resolveRoot,
  shortReply,
  throwOutcome,
  timedModelTest,
  unsupportedType,
} from './http'

const PAGE_SIZE = 1000
const MAX_PAGES = 100

interface CohereModel {
  name: string
  endpoints?: string[]
  context_length?: number
}
interface ModelPage {
  models: CohereModel[]
  next_page_token?: string | null
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
  if (!m.endpoints || m.endpoints.length === 0) {
    return excludedKind(m.name)
      ? null
      : { type: classifyByName(m.name, 'cohere'), typeSource: 'name' }
  }
  for (const [re, type] of ENDPOINT_TYPES) {
    if (m.endpoints.some((e) => re.test(e))) return { type, typeSource: 'api' }
  }
  return null
}

function setup(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): { root: string; key: string } | TestOutcome {
  const root = resolveRoot(cred, ctx.entry, { stripVersion: true })
  if (typeof root !== 'string') return root
  const key = requireKey(cred, ctx.entry)
  return typeof key === 'string' ? { root, key } : key
}

const headers = (key: string, json = false) => ({
  authorization: `Bearer ${key}`,
  accept: 'application/json',
  ...(json ? { 'content-type': 'application/json' } : {}),
})

const isChat = (j: unknown): j is { message: { content?: { type: string; text?: string }[] } } =>
  isObject(j) && isObject(j.message)

const isEmbed = (j: unknown): j is { embeddings: { float: number[][] } } =>
  isObject(j) &&
  isObject(j.embeddings) &&
  Array.isArray(j.embeddings.float) &&
  Array.isArray(j.embeddings.float[0])

/** The Cohere adapter (apiShape `cohere`). */
export const cohereAdapter: ProviderAdapter = {
  async test(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) return s
    return probe(
      ctx,
      cred,
      { url: `${s.root}/v1/models?page_size=${PAGE_SIZE}`, headers: headers(s.key) },
      {
        secrets: [s.key],
        onOk: (answer, facts) => {
          const page = parseJson(answer, facts, isPage)
          const n = page.models.length
          return {
            code: 'ok',
            message: `Connected. ${n}${page.next_page_token ? '+' : ''} models available.`,
            details: { modelCount: n },
            params: { provider: ctx.entry.id, count: n },
          }
        },
      },
    )
  },

  async discover(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) throwOutcome(s)
    const out: DiscoveredModel[] = []
    let token: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const cursor = token ? `&page_token=${encodeURIComponent(token)}` : ''
      const body = await fetchJson(
        ctx,
        cred,
        { url: `${s.root}/v1/models?page_size=${PAGE_SIZE}${cursor}`, headers: headers(s.key) },
        [s.key],
        isPage,
      )
      for (const m of body.models) {
        const typed = typeCohereModel(m)
        if (!typed) continue
        out.push({
          name: m.name,
          ...typed,
          ...(typeof m.context_length === 'number' ? { contextLength: m.context_length } : {}),
        })
      }
      if (!body.next_page_token || body.next_page_token === token) break
      token = body.next_page_token
    }
    return out
  },

  async modelTest(cred, model, ctx) {
    if (model.type !== 'language' && model.type !== 'embedding')
      return unsupportedType(ctx.entry, model.type)
    const s = setup(cred, ctx)
    if ('code' in s) return { ok: false, code: s.code, message: s.message }
    return timedModelTest(ctx, [s.key], async () => {
      if (model.type === 'language') {
        const body = await fetchJson(
          ctx,
          cred,
          {
            url: `${s.root}/v2/chat`,
            method: 'POST',
            headers: headers(s.key, true),
            body: JSON.stringify({
              model: model.name,
              messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
              max_tokens: 16,
            }),
            timeoutMs: 30_000,
          },
          [s.key],
          isChat,
        )
        const reply = shortReply((body.message.content ?? []).map((c) => c.text ?? '').join(''))
        return { message: `Response: ${reply || '(empty)'}`, result: { reply } }
      }
      const body = await fetchJson(
        ctx,
        cred,
        {
          url: `${s.root}/v2/embed`,
          method: 'POST',
          headers: headers(s.key, true),
          body: JSON.stringify({
            model: model.name,
            texts: ['This is a test.'],
            input_type: 'search_document',
            embedding_types: ['float'],
          }),
          timeoutMs: 30_000,
        },
        [s.key],
        isEmbed,
      )
      const dimensions = body.embeddings.float[0]!.length
      return { message: `Embedding dimensions: ${dimensions}`, result: { dimensions } }
    })
  },
}
