/**
 * ElevenLabs adapter. A TTS provider's key is really verified (Open Notebook only checked its
 * format): the test lists `GET /v1/models` with `xi-api-key`, which needs a valid key.
 * Discovery (decision): the live listing for text-to-speech models (`can_do_text_to_speech`),
 * because it follows ElevenLabs' releases, plus the catalog's speech-to-text models (Scribe),
 * which the listing does not include. ElevenLabs puts its reason in `detail.status`:
 * `invalid_api_key` → auth_invalid, `missing_permissions` → auth_forbidden, `quota_exceeded`
 * (sent as 401) → the key works, like a rate limit.
 */
import type { DiscoveredModel } from '../adapter-types'
import { isObject, parseJson } from './http'
import { keyedAdapter } from './keyed'
import { AUDIO_TEST_MS, audioResult, speechClip, transcriptResult } from './model-test'
import type { BodyRule } from './failure-code'

/** "George", one of the premade voices every account has. */
const TEST_VOICE = 'JBFqnCBsd6RMkjVDRZzb'

/** A listed model; only `model_id` is checked by isModels, the rest is unchecked JSON. */
interface ElevenModel {
  model_id: string
  name?: unknown
  can_do_text_to_speech?: unknown
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

/** The ElevenLabs adapter (apiShape `elevenlabs`). */
export const elevenLabsAdapter = keyedAdapter({
  auth: (key) => ({ 'xi-api-key': key }),
  rule: elevenLabsBodyRule,

  test: (s) =>
    s.probe(s.get(`${s.root}/models`), (answer, facts) => {
      const n = parseJson(answer, facts, isModels).length
      return {
        code: 'ok',
        message: `Key verified. ${n} voice models available.`,
        details: { modelCount: n },
        params: { provider: s.ctx.entry.id, count: n },
      }
    }),

  async discover(s) {
    const listed = await s.json(s.get(`${s.root}/models`), isModels)
    const out: DiscoveredModel[] = listed
      .filter((m) => m.model_id !== '' && m.can_do_text_to_speech === true)
      .map((m) => ({
        name: m.model_id,
        type: 'text_to_speech',
        typeSource: 'api',
        // A name that is not text is dropped, not carried into the model list.
        ...(typeof m.name === 'string' && m.name ? { displayName: m.name } : {}),
      }))
    const seen = new Set(out.map((m) => m.name.toLowerCase()))
    for (const m of s.ctx.entry.staticModels ?? []) {
      if (m.type === 'speech_to_text' && !seen.has(m.name.toLowerCase())) {
        out.push({ name: m.name, type: m.type, typeSource: 'static' })
      }
    }
    return out
  },

  modelTests: (model) => ({
    text_to_speech: async (s) => {
      const audio = await s.bytes(
        s.post(
          `${s.root}/text-to-speech/${TEST_VOICE}?output_format=mp3_22050_32`,
          { text: 'Hello from Switchboard.', model_id: model.name },
          AUDIO_TEST_MS,
          { accept: 'audio/mpeg' },
        ),
      )
      return audioResult(audio, 'audio/mpeg')
    },
    speech_to_text: async (s) => {
      const clip = await speechClip(s.ctx.sttClip)
      const form = new FormData()
      form.set('model_id', model.name)
      form.set('file', new Blob([new Uint8Array(clip)], { type: 'audio/wav' }), 'clip.wav')
      const body = await s.json(
        {
          url: `${s.root}/speech-to-text`,
          method: 'POST',
          headers: s.headers(),
          body: form,
          timeoutMs: AUDIO_TEST_MS,
        },
        (j): j is { text: string } => isObject(j) && typeof j.text === 'string',
      )
      return transcriptResult(body.text)
    },
  }),
})
