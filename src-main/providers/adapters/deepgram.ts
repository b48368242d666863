/**
 * Deepgram adapter. Test: `GET /v1/projects` with `Authorization: Token <key>` (a real check of
 * the key; it also names the projects the key belongs to). Discovery is the catalog's static
 * list (Aura voices, Nova/Whisper STT). Model tests: `/v1/speak` returns audio bytes,
 * `/v1/listen` transcribes the bundled clip.
 */
import { isObject, parseJson, staticList } from './http'
import { keyedAdapter } from './keyed'
import { AUDIO_TEST_MS, audioResult, speechClip, transcriptResult } from './model-test'
import type { BodyRule } from './failure-code'

const isProjects = (j: unknown): j is { projects: unknown[] } =>
  isObject(j) && Array.isArray(j.projects)

const isListen = (j: unknown): j is { results: { channels: unknown[] } } =>
  isObject(j) && isObject(j.results) && Array.isArray(j.results.channels)

/**
 * The first transcript of a listen answer (results → channels → alternatives), '' when any step
 * is not what the docs say: a channel without `alternatives` or a transcript that is not text.
 */
function firstTranscript(channels: unknown[]): string {
  const channel = channels[0]
  const alts = isObject(channel) ? channel.alternatives : undefined
  const alt: unknown = Array.isArray(alts) ? alts[0] : undefined
  return isObject(alt) && typeof alt.transcript === 'string' ? alt.transcript : ''
}

/** Deepgram's `err_code`: INVALID_AUTH is a bad key, INSUFFICIENT_PERMISSIONS a weak one. */
export const deepgramBodyRule: BodyRule = (status, body) => {
  if (status < 400) return null
  if (/"err_code"\s*:\s*"INVALID_AUTH"/.test(body)) return 'auth_invalid'
  if (/"err_code"\s*:\s*"INSUFFICIENT_PERMISSIONS"/.test(body)) return 'auth_forbidden'
  return null
}

/** The Deepgram adapter (apiShape `deepgram`). */
export const deepgramAdapter = keyedAdapter({
  auth: (key) => ({ authorization: `Token ${key}` }),
  rule: deepgramBodyRule,

  test: (s) =>
    s.probe(s.get(`${s.root}/projects`), (answer, facts) => {
      const projects = parseJson(answer, facts, isProjects).projects
      // Only names that are text: joining a value that cannot become text would throw.
      const names = projects
        .map((p) => (isObject(p) ? p.name : undefined))
        .filter((n): n is string => typeof n === 'string' && n !== '')
      return {
        code: 'ok',
        message: `Key verified. Projects: ${names.slice(0, 3).join(', ') || projects.length}.`,
        params: { provider: s.ctx.entry.id, count: projects.length },
      }
    }),

  discover: async (s) => staticList(s.ctx.entry),

  modelTests(model) {
    const q = `model=${encodeURIComponent(model.name)}`
    return {
      text_to_speech: async (s) => {
        const audio = await s.bytes(
          s.post(`${s.root}/speak?${q}`, { text: 'Hello from Switchboard.' }, AUDIO_TEST_MS, {
            accept: 'audio/mpeg',
          }),
        )
        return audioResult(audio, 'audio/mpeg')
      },
      speech_to_text: async (s) => {
        const clip = await speechClip(s.ctx.sttClip)
        const body = await s.json(
          {
            url: `${s.root}/listen?${q}&smart_format=true`,
            method: 'POST',
            headers: s.headers({ 'content-type': 'audio/wav' }),
            body: new Uint8Array(clip),
            timeoutMs: AUDIO_TEST_MS,
          },
          isListen,
        )
        return transcriptResult(firstTranscript(body.results.channels))
      },
    }
  },
})
