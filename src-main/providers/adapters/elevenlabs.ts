/**
 * ElevenLabs adapter. A TTS provider's key is really verified (Open Notebook only checked its
 * format): the test lists `GET /v1/models` with `xi-api-key`, which needs a valid key.
 * Discovery (decision): the live listing for text-to-speech models (`can_do_text_to_speech`),
 * because it follows ElevenLabs' releases, plus the catalog's speech-to-text models (Scribe),
 * which the listing does not include. ElevenLabs puts its reason in `detail.status`:
 * `invalid_api_key` → auth_invalid, `missing_permissions` → auth_forbidden, `quota_exceeded`
 * (sent as 401) → the key works, like a rate limit.
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
  fetchBytes,
  fetchJson,
  isObject,
  parseJson,
  probe,
  requireKey,
  resolveRoot,
  throwOutcome,
  timedModelTest,
  unsupportedType,
  shortReply,
} from './http'
import type { BodyRule } from './outcome'

/** "George", one of the premade voices every account has. */
const TEST_VOICE = 'JBFqnCBsd6RMkjVDRZzb'

interface ElevenModel {
  model_id: string
  name?: string
  can_do_text_to_speech?: boolean
}

const isModels = (j: unknown): j is ElevenModel[] =>
  Array.isArray(j) && j.every((m) => isObject(m) && typeof m.model_id === 'string')

/** Reads `detail.status` of an ElevenLabs error body. */
export const elevenLabsBodyRule: BodyRule = (status, body) => {
  if (status < 400) return null
  if (/"status"\s*:\s*"(quota_exceeded|too_many_concurrent_requests|system_busy)"/.test(body)) {
    return 'ok_rate_limited'
  }
  if (/"status"\s*:\s*"missing_permissions"/.test(body)) return 'auth_forbidden'
  if (/"status"\s*:\s*"(invalid_api_key|needs_authorization)"/.test(body)) return 'auth_invalid'
  return null
}

function setup(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): { root: string; key: string } | TestOutcome {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') return root
  const key = requireKey(cred, ctx.entry)
  return typeof key === 'string' ? { root, key } : key
}

const headers = (key: string, extra: Record<string, string> = {}) => ({
  'xi-api-key': key,
  accept: 'application/json',
  ...extra,
})

/** The ElevenLabs adapter (apiShape `elevenlabs`). */
export const elevenLabsAdapter: ProviderAdapter = {
  async test(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) return s
    return probe(
      ctx,
      cred,
      { url: `${s.root}/models`, headers: headers(s.key) },
      {
        secrets: [s.key],
        rule: elevenLabsBodyRule,
        onOk: (answer, facts) => {
          const n = parseJson(answer, facts, isModels).length
          return {
            code: 'ok',
            message: `Key verified. ${n} voice models available.`,
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
    const listed = await fetchJson(
      ctx,
      cred,
      { url: `${s.root}/models`, headers: headers(s.key) },
      [s.key],
      isModels,
      elevenLabsBodyRule,
    )
    const out: DiscoveredModel[] = listed
      .filter((m) => m.can_do_text_to_speech)
      .map((m) => ({
        name: m.model_id,
        type: 'text_to_speech',
        typeSource: 'api',
        ...(m.name ? { displayName: m.name } : {}),
      }))
    const seen = new Set(out.map((m) => m.name.toLowerCase()))
    for (const m of ctx.entry.staticModels ?? []) {
      if (m.type === 'speech_to_text' && !seen.has(m.name.toLowerCase())) {
        out.push({ name: m.name, type: m.type, typeSource: 'static' })
      }
    }
    return out
  },

  async modelTest(cred, model, ctx) {
    if (model.type !== 'text_to_speech' && model.type !== 'speech_to_text') {
      return unsupportedType(ctx.entry, model.type)
    }
    const s = setup(cred, ctx)
    if ('code' in s) return { ok: false, code: s.code, message: s.message }
    return timedModelTest(ctx, [s.key], async () => {
      if (model.type === 'text_to_speech') {
        const audio = await fetchBytes(
          ctx,
          cred,
          {
            url: `${s.root}/text-to-speech/${TEST_VOICE}?output_format=mp3_22050_32`,
            method: 'POST',
            headers: headers(s.key, { 'content-type': 'application/json', accept: 'audio/mpeg' }),
            body: JSON.stringify({ text: 'Hello from Switchboard.', model_id: model.name }),
            timeoutMs: 60_000,
          },
          [s.key],
          elevenLabsBodyRule,
        )
        return {
          message: `Audio generated: ${audio.length} bytes`,
          result: { bytes: audio.length },
        }
      }
      if (!ctx.sttClip)
        throw new AppError('not_configured', 'No speech clip is available for the test.')
      const form = new FormData()
      form.set('model_id', model.name)
      form.set(
        'file',
        new Blob([new Uint8Array(await ctx.sttClip())], { type: 'audio/wav' }),
        'clip.wav',
      )
      const body = await fetchJson(
        ctx,
        cred,
        {
          url: `${s.root}/speech-to-text`,
          method: 'POST',
          headers: headers(s.key),
          body: form,
          timeoutMs: 60_000,
        },
        [s.key],
        (j): j is { text: string } => isObject(j) && typeof j.text === 'string',
        elevenLabsBodyRule,
      )
      const transcript = shortReply(body.text)
      return { message: `Transcription: ${transcript || '(empty)'}`, result: { transcript } }
    })
  },
}
