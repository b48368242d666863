/**
 * Anthropic Messages API adapter, also used for Anthropic-compatible servers (providers whose
 * catalog entry has no default base URL need one on the credential). Test: `GET {root}/models`
 * with `x-api-key` + `anthropic-version`; discovery follows `after_id` / `has_more` / `last_id`.
 */
import { AppError } from '../../errors'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import {
  fetchJson,
  isObject,
  probe,
  parseJson,
  resolveRoot,
  shortReply,
  timedModelTest,
  unsupportedType,
} from './http'
import { failureOutcome, notConfigured } from './outcome'

const API_VERSION = '2023-06-01'
const PAGE_LIMIT = 1000
/** A server that keeps saying `has_more` must not keep us paging forever. */
const MAX_PAGES = 100

interface AnthropicModel {
  id: string
  display_name?: string
  max_input_tokens?: number
}
interface ModelPage {
  data: AnthropicModel[]
  has_more?: boolean
  last_id?: string | null
}

const isPage = (j: unknown): j is ModelPage =>
  isObject(j) &&
  Array.isArray(j.data) &&
  j.data.every((m) => isObject(m) && typeof m.id === 'string' && m.id.length > 0)

const isMessage = (j: unknown): j is { content: { type: string; text?: string }[] } =>
  isObject(j) && Array.isArray(j.content)

function headers(key: string): Record<string, string> {
  return { 'x-api-key': key, 'anthropic-version': API_VERSION, accept: 'application/json' }
}

/** Root URL and key, or the not_configured outcome naming what is missing. */
function setup(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): { root: string; key: string } | TestOutcome {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') return root
  if (!cred.apiKey) return notConfigured(ctx.entry, 'no API key is set.')
  return { root, key: cred.apiKey }
}

/** Compat servers may speak Messages without listing models: a 404/405 on the listing is fine. */
const listingUnsupported = (ctx: AdapterContext, status: number) =>
  ctx.entry.defaultBaseUrl === null && (status === 404 || status === 405)

function toModel(m: AnthropicModel): DiscoveredModel {
  return {
    name: m.id,
    type: 'language',
    typeSource: 'api',
    ...(m.display_name ? { displayName: m.display_name } : {}),
    ...(typeof m.max_input_tokens === 'number' ? { contextLength: m.max_input_tokens } : {}),
  }
}

/** The Anthropic adapter (apiShape `anthropic`). */
export const anthropicAdapter: ProviderAdapter = {
  async test(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) return s
    return probe(
      ctx,
      cred,
      { url: `${s.root}/models?limit=${PAGE_LIMIT}`, headers: headers(s.key) },
      {
        secrets: [s.key],
        onOk: (answer, facts) => {
          const page = parseJson(answer, facts, isPage)
          const n = page.data.length
          return {
            code: 'ok',
            message: `Connected. ${n}${page.has_more ? '+' : ''} models available.`,
            details: { modelCount: n },
            params: { provider: ctx.entry.id, count: n },
          }
        },
        onStatus: (answer, facts) =>
          listingUnsupported(ctx, answer.status)
            ? failureOutcome('ok_listing_unsupported', facts)
            : null,
      },
    )
  },

  async discover(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) throw new AppError('not_configured', s.message, { provider: ctx.entry.id })
    const models: DiscoveredModel[] = []
    let after: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const cursor = after ? `&after_id=${encodeURIComponent(after)}` : ''
      const url = `${s.root}/models?limit=${PAGE_LIMIT}${cursor}`
      let body: ModelPage
      try {
        body = await fetchJson(ctx, cred, { url, headers: headers(s.key) }, [s.key], isPage)
      } catch (err) {
        const status = err instanceof AppError ? err.params?.status : undefined
        if (typeof status === 'number' && listingUnsupported(ctx, status)) {
          throw new AppError(
            'unsupported',
            `${ctx.entry.displayName}: this server does not list its models (${status}); add them by name.`,
            { provider: ctx.entry.id, status },
          )
        }
        throw err
      }
      models.push(...body.data.map(toModel))
      if (!body.has_more || !body.last_id || body.last_id === after) break
      after = body.last_id
    }
    return models
  },

  async modelTest(cred, model, ctx) {
    if (model.type !== 'language') return unsupportedType(ctx.entry, model.type)
    const s = setup(cred, ctx)
    if ('code' in s) return { ok: false, code: s.code, message: s.message }
    return timedModelTest(ctx, [s.key], async () => {
      const body = await fetchJson(
        ctx,
        cred,
        {
          url: `${s.root}/messages`,
          method: 'POST',
          headers: { ...headers(s.key), 'content-type': 'application/json' },
          body: JSON.stringify({
            model: model.name,
            max_tokens: 16,
            messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
          }),
          timeoutMs: 30_000,
        },
        [s.key],
        isMessage,
      )
      const reply = shortReply(body.content.map((c) => c.text ?? '').join(''))
      return { message: `Response: ${reply}`, result: { reply } }
    })
  },
}
