/**
 * Google AI (Gemini API) adapter. The key travels in the `x-goog-api-key` header, never as
 * `?key=` (URLs end up in logs). Test: `GET {root}/models`; a bad key answers 400 with
 * `API_KEY_INVALID` in the body, which is auth_invalid. Discovery follows `pageToken` /
 * `nextPageToken` and types models from `supportedGenerationMethods`.
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
  answerAudioBytes,
  answerText,
  chatBody,
  embedBody,
  isEmbedAnswer,
  isGenerateAnswer,
  speechBody,
  transcribeBody,
  typeGeminiModel,
  type GeminiListedModel,
} from './gemini-shapes'
import {
  fetchJson,
  isObject,
  parseJson,
  probe,
  resolveRoot,
  shortReply,
  timedModelTest,
} from './http'
import { notConfigured, type BodyRule } from './outcome'

const PAGE_SIZE = 1000
const MAX_PAGES = 100

interface ModelPage {
  models?: GeminiListedModel[]
  nextPageToken?: string
}

const isPage = (j: unknown): j is ModelPage =>
  isObject(j) &&
  (j.models === undefined ||
    (Array.isArray(j.models) && j.models.every((m) => isObject(m) && typeof m.name === 'string')))

/**
 * Google reports key problems in the body: 400 INVALID_ARGUMENT with reason API_KEY_INVALID
 * (or API_KEY_EXPIRED) is a bad key; 403 with API_KEY_SERVICE_BLOCKED / SERVICE_DISABLED is
 * the key lacking access.
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

function headers(key: string, json = false): Record<string, string> {
  return {
    'x-goog-api-key': key,
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
  }
}

function setup(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): { root: string; key: string } | TestOutcome {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') return root
  if (!cred.apiKey) return notConfigured(ctx.entry, 'no API key is set.')
  return { root, key: cred.apiKey }
}

const modelPath = (name: string) => `models/${encodeURIComponent(name.replace(/^models\//, ''))}`

/** The Google AI adapter (apiShape `google`). */
export const googleAdapter: ProviderAdapter = {
  async test(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) return s
    return probe(
      ctx,
      cred,
      { url: `${s.root}/models?pageSize=${PAGE_SIZE}`, headers: headers(s.key) },
      {
        secrets: [s.key],
        rule: googleBodyRule,
        onOk: (answer, facts) => {
          const page = parseJson(answer, facts, isPage)
          const n = page.models?.length ?? 0
          return {
            code: 'ok',
            message: `Connected. ${n}${page.nextPageToken ? '+' : ''} models available.`,
            details: { modelCount: n },
            params: { provider: ctx.entry.id, count: n },
          }
        },
      },
    )
  },

  async discover(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) throw new AppError('not_configured', s.message, { provider: ctx.entry.id })
    const out: DiscoveredModel[] = []
    let token: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const cursor = token ? `&pageToken=${encodeURIComponent(token)}` : ''
      const body = await fetchJson(
        ctx,
        cred,
        { url: `${s.root}/models?pageSize=${PAGE_SIZE}${cursor}`, headers: headers(s.key) },
        [s.key],
        isPage,
        googleBodyRule,
      )
      for (const m of body.models ?? []) {
        const typed = typeGeminiModel(m)
        if (!typed) continue
        out.push({
          name: m.name.replace(/^models\//, ''),
          ...typed,
          ...(m.displayName ? { displayName: m.displayName } : {}),
          ...(typeof m.inputTokenLimit === 'number' ? { contextLength: m.inputTokenLimit } : {}),
        })
      }
      if (!body.nextPageToken || body.nextPageToken === token) break
      token = body.nextPageToken
    }
    return out
  },

  async modelTest(cred, model, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) return { ok: false, code: s.code, message: s.message }
    const secrets = [s.key]
    const post = <T>(
      method: string,
      body: string,
      isShape: (j: unknown) => j is T,
      timeoutMs = 30_000,
    ) =>
      fetchJson(
        ctx,
        cred,
        {
          url: `${s.root}/${modelPath(model.name)}:${method}`,
          method: 'POST',
          headers: headers(s.key, true),
          body,
          timeoutMs,
        },
        secrets,
        isShape,
        googleBodyRule,
      )
    return timedModelTest(ctx, secrets, async () => {
      switch (model.type) {
        case 'language': {
          const reply = shortReply(
            answerText(await post('generateContent', chatBody(), isGenerateAnswer)),
          )
          return { message: `Response: ${reply || '(empty)'}`, result: { reply } }
        }
        case 'embedding': {
          const dimensions = (await post('embedContent', embedBody(), isEmbedAnswer)).embedding
            .values.length
          return { message: `Embedding dimensions: ${dimensions}`, result: { dimensions } }
        }
        case 'text_to_speech': {
          const bytes = answerAudioBytes(
            await post('generateContent', speechBody(), isGenerateAnswer, 60_000),
          )
          if (!bytes)
            throw new AppError('server_error', 'The model answered without audio.', {
              reason: 'invalid_body',
            })
          return { message: `Audio generated: ${bytes} bytes`, result: { bytes } }
        }
        case 'speech_to_text': {
          if (!ctx.sttClip)
            throw new AppError('not_configured', 'No speech clip is available for the test.')
          const clip = await ctx.sttClip()
          const transcript = shortReply(
            answerText(
              await post('generateContent', transcribeBody(clip), isGenerateAnswer, 60_000),
            ),
          )
          return { message: `Transcription: ${transcript || '(empty)'}`, result: { transcript } }
        }
      }
    })
  },
}
