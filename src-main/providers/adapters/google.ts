/**
 * Google AI (Gemini API) adapter. The key travels in the `x-goog-api-key` header, never as
 * `?key=` (URLs end up in logs). Test: `GET {root}/models`; a bad key answers 400 with
 * `API_KEY_INVALID` in the body, which is auth_invalid. Discovery follows `pageToken` /
 * `nextPageToken` and types models from `supportedGenerationMethods`.
 */
import type { DiscoveredModel } from '../adapter-types'
import {
  embedBody,
  geminiRunners,
  isEmbedAnswer,
  typeGeminiModel,
  type GeminiListedModel,
  type GeminiPost,
} from './gemini-shapes'
import { isObject, parseJson, readPages } from './http'
import { keyedAdapter } from './keyed'
import { MODEL_TEST_MS } from './model-test'
import { listedOutcome } from './outcome'
import { type BodyRule } from './failure-code'

const PAGE_SIZE = 1000
const MAX_PAGES = 100

interface ModelPage {
  models?: GeminiListedModel[]
  nextPageToken?: unknown
}

const isPage = (j: unknown): j is ModelPage =>
  isObject(j) &&
  (j.models === undefined ||
    (Array.isArray(j.models) && j.models.every((m) => isObject(m) && typeof m.name === 'string')))

/**
 * Google reports key problems in the body: 400 INVALID_ARGUMENT with reason API_KEY_INVALID
 * (or API_KEY_EXPIRED) is a bad key; API_KEY_SERVICE_BLOCKED / SERVICE_DISABLED come as 403
 * (continuedev/continue#12781, google-gemini/deprecated-generative-ai-python#10) and are the key
 * lacking access, explained by outcome.ts's failureReason; a 400 with them is read the same way.
 */
export const googleBodyRule: BodyRule = (status, body) => {
  if (
    status === 400 &&
    /API_KEY_INVALID|API_KEY_EXPIRED|API key not valid|API key expired/i.test(body)
  ) {
    return 'auth_invalid'
  }
  if (status === 400 && /API_KEY_SERVICE_BLOCKED|SERVICE_DISABLED/.test(body))
    return 'auth_forbidden'
  return null
}

export const modelPath = (name: string) =>
  `models/${encodeURIComponent(name.replace(/^models\//, ''))}`

/** The Google AI adapter (apiShape `google`). */
export const googleAdapter = keyedAdapter({
  auth: (key) => ({ 'x-goog-api-key': key }),
  rule: googleBodyRule,

  test: (s) =>
    s.probe(s.get(`${s.root}/models?pageSize=${PAGE_SIZE}`), (answer, facts) => {
      const page = parseJson(answer, facts, isPage)
      const more = typeof page.nextPageToken === 'string' && page.nextPageToken !== ''
      return listedOutcome(s.ctx.entry, page.models?.length ?? 0, more)
    }),

  async discover(s) {
    const listed = await readPages(
      `${s.root}/models?pageSize=${PAGE_SIZE}`,
      'pageToken',
      MAX_PAGES,
      async (url) => {
        const body = await s.json(s.get(url), isPage)
        return { items: body.models ?? [], next: body.nextPageToken }
      },
    )
    const out: DiscoveredModel[] = []
    for (const m of listed) {
      const name = m.name.replace(/^models\//, '')
      const typed = name ? typeGeminiModel(m) : null
      if (!typed) continue
      out.push({
        name,
        ...typed,
        // Fields that are not what the docs say (a name that is not text) are left out.
        ...(typeof m.displayName === 'string' && m.displayName
          ? { displayName: m.displayName }
          : {}),
        ...(typeof m.inputTokenLimit === 'number' && m.inputTokenLimit > 0
          ? { contextLength: m.inputTokenLimit }
          : {}),
      })
    }
    return out
  },

  modelTests: (model) =>
    geminiRunners((s) => {
      const post: GeminiPost = (method, payload, isShape, timeoutMs = MODEL_TEST_MS) =>
        s.json(s.post(`${s.root}/${modelPath(model.name)}:${method}`, payload, timeoutMs), isShape)
      return {
        post,
        embedDimensions: async () =>
          (await post('embedContent', embedBody(), isEmbedAnswer)).embedding.values.length,
        ...(s.ctx.sttClip ? { sttClip: s.ctx.sttClip } : {}),
      }
    }),
})
