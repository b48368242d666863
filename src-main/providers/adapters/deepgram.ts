/**
 * Deepgram adapter. Test: `GET /v1/projects` with `Authorization: Token <key>` (a real check of
 * the key; it also names the projects the key belongs to). Discovery is the catalog's static
 * list (Aura voices, Nova/Whisper STT). Model tests: `/v1/speak` returns audio bytes,
 * `/v1/listen` transcribes the bundled clip.
 */
import { AppError } from '../../errors'
import type {
  AdapterContext,
  DecryptedCredential,
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
  shortReply,
  staticList,
  throwOutcome,
  timedModelTest,
  unsupportedType,
} from './http'
import type { BodyRule } from './outcome'

const isProjects = (j: unknown): j is { projects: { project_id?: string; name?: string }[] } =>
  isObject(j) && Array.isArray(j.projects)

const isListen = (
  j: unknown,
): j is { results: { channels: { alternatives: { transcript?: string }[] }[] } } =>
  isObject(j) && isObject(j.results) && Array.isArray(j.results.channels)

/** Deepgram's `err_code`: INVALID_AUTH is a bad key, INSUFFICIENT_PERMISSIONS a weak one. */
export const deepgramBodyRule: BodyRule = (status, body) => {
  if (status < 400) return null
  if (/"err_code"\s*:\s*"INVALID_AUTH"/.test(body)) return 'auth_invalid'
  if (/"err_code"\s*:\s*"INSUFFICIENT_PERMISSIONS"/.test(body)) return 'auth_forbidden'
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
  authorization: `Token ${key}`,
  accept: 'application/json',
  ...extra,
})

/** The Deepgram adapter (apiShape `deepgram`). */
export const deepgramAdapter: ProviderAdapter = {
  async test(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) return s
    return probe(
      ctx,
      cred,
      { url: `${s.root}/projects`, headers: headers(s.key) },
      {
        secrets: [s.key],
        rule: deepgramBodyRule,
        onOk: (answer, facts) => {
          const projects = parseJson(answer, facts, isProjects).projects
          const names = projects.map((p) => p.name).filter((n): n is string => !!n)
          return {
            code: 'ok',
            message: `Key verified. Projects: ${names.slice(0, 3).join(', ') || projects.length}.`,
            params: { provider: ctx.entry.id, count: projects.length },
          }
        },
      },
    )
  },

  async discover(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) throwOutcome(s)
    return staticList(ctx.entry)
  },

  async modelTest(cred, model, ctx) {
    if (model.type !== 'text_to_speech' && model.type !== 'speech_to_text') {
      return unsupportedType(ctx.entry, model.type)
    }
    const s = setup(cred, ctx)
    if ('code' in s) return { ok: false, code: s.code, message: s.message }
    const q = `model=${encodeURIComponent(model.name)}`
    return timedModelTest(ctx, [s.key], async () => {
      if (model.type === 'text_to_speech') {
        const audio = await fetchBytes(
          ctx,
          cred,
          {
            url: `${s.root}/speak?${q}`,
            method: 'POST',
            headers: headers(s.key, { 'content-type': 'application/json', accept: 'audio/mpeg' }),
            body: JSON.stringify({ text: 'Hello from Switchboard.' }),
            timeoutMs: 60_000,
          },
          [s.key],
          deepgramBodyRule,
        )
        return {
          message: `Audio generated: ${audio.length} bytes`,
          result: { bytes: audio.length },
        }
      }
      if (!ctx.sttClip)
        throw new AppError('not_configured', 'No speech clip is available for the test.')
      const body = await fetchJson(
        ctx,
        cred,
        {
          url: `${s.root}/listen?${q}&smart_format=true`,
          method: 'POST',
          headers: headers(s.key, { 'content-type': 'audio/wav' }),
          body: new Uint8Array(await ctx.sttClip()),
          timeoutMs: 60_000,
        },
        [s.key],
        isListen,
        deepgramBodyRule,
      )
      const transcript = shortReply(body.results.channels[0]?.alternatives[0]?.transcript ?? '')
      return { message: `Transcription: ${transcript || '(empty)'}`, result: { transcript } }
    })
  },
}
