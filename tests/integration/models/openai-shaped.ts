/**
 * A fake OpenAI-shaped server (documented shapes: GET /v1/models → `{object:'list', data:[{id,
 * object:'model', created, owned_by}]}`; POST /v1/chat/completions → `choices[0].message`;
 * POST /v1/embeddings → `data[0].embedding`; POST /v1/audio/speech → audio bytes; POST
 * /v1/audio/transcriptions (multipart `file`, `model`) → `{text}`; errors `{error:{message,
 * type, code}}`) and a small real ProviderAdapter speaking it, for the models service's tests.
 */
import { AppError } from '../../../src-main/errors'
import type { ProviderAdapter } from '../../../src-main/providers/adapter-types'
import type { CatalogEntry } from '../../../src-main/providers/catalog-types'
import {
  header,
  jsonBody,
  startProviderFake,
  type FakeServer,
} from '../../fixtures/recording-server'

export const TRANSCRIPT = 'Switchboard test one two three.'
export const EMBEDDING_DIMS = 8

/** Starts the fake; `key` is the only accepted bearer token. */
export function startOpenAiShaped(key: string, ids: string[]): Promise<FakeServer> {
  const err = (status: number, message: string, code: string | null = null) => ({
    status,
    json: {
      error: {
        message,
        type: status === 401 ? 'invalid_request_error' : 'api_error',
        param: null,
        code,
      },
    },
  })
  return startProviderFake({
    authorized: (req) => header(req, 'authorization') === `Bearer ${key}`,
    error: (status, req) =>
      status === 401
        ? err(
            401,
            `Incorrect API key provided: ${header(req, 'authorization').slice(7)}.`,
            'invalid_api_key',
          )
        : err(status, `error ${status}`),
    serverErrorEcho: (req) => `upstream failed for ${header(req, 'authorization')}`,
    routes: {
      'GET /v1/models': () => ({
        status: 200,
        json: {
          object: 'list',
          data: ids.map((id) => ({
            id,
            object: 'model',
            created: 1_700_000_000,
            owned_by: 'system',
          })),
        },
      }),
      'POST /v1/chat/completions': (req) => ({
        status: 200,
        json: {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1_700_000_000,
          model: jsonBody(req).model,
          choices: [
            { index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' },
          ],
          usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
        },
      }),
      'POST /v1/embeddings': (req) => ({
        status: 200,
        json: {
          object: 'list',
          data: [
            {
              object: 'embedding',
              index: 0,
              embedding: Array.from({ length: EMBEDDING_DIMS }, (_, i) => i / 10),
            },
          ],
          model: jsonBody(req).model,
          usage: { prompt_tokens: 2, total_tokens: 2 },
        },
      }),
      'POST /v1/audio/speech': () => ({
        status: 200,
        bytes: Buffer.concat([Buffer.from('ID3'), Buffer.alloc(1021, 7)]),
        contentType: 'audio/mpeg',
      }),
      'POST /v1/audio/transcriptions': (req) => {
        const body = req.body.toString('latin1')
        // The clip must arrive as a WAV file part.
        if (!/name="file"/.test(body) || !body.includes('RIFF') || !body.includes('WAVE')) {
          return err(400, 'file is required', 'invalid_file')
        }
        return { status: 200, json: { text: TRANSCRIPT } }
      },
    },
  })
}

const TYPE_RULES: [RegExp, 'embedding' | 'speech_to_text' | 'text_to_speech'][] = [
  [/embed/i, 'embedding'],
  [/whisper|transcribe/i, 'speech_to_text'],
  [/tts/i, 'text_to_speech'],
]

const CODE_BY_STATUS: Record<number, 'auth_invalid' | 'auth_forbidden'> = {
  401: 'auth_invalid',
  403: 'auth_forbidden',
}

/** A minimal OpenAI-shaped adapter over ctx.fetch (test code, not the product's adapter). */
export function openAiShapedAdapter(opts: { timeoutMs?: number } = {}): ProviderAdapter {
  const call = async (
    cred: { baseUrl?: string | null; apiKey?: string | null },
    ctx: { fetch: Parameters<ProviderAdapter['test']>[1]['fetch']; signal?: AbortSignal },
    path: string,
    init: RequestInit = {},
  ) => {
    const res = await ctx.fetch(`${cred.baseUrl}/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${cred.apiKey}`,
        ...(init.headers as Record<string, string>),
      },
      signal: ctx.signal,
      timeoutMs: opts.timeoutMs,
      sendsSecret: true,
    })
    if (!res.ok) {
      const text = await res.text()
      // Deliberately careless: echoes the upstream body, so the service's scrubbing is tested.
      throw new AppError(
        CODE_BY_STATUS[res.status] ?? 'server_error',
        `HTTP ${res.status}: ${text}`,
        {
          status: res.status,
        },
      )
    }
    return res
  }
  const json = async (res: Response) => {
    try {
      return (await res.json()) as Record<string, unknown>
    } catch {
      throw new AppError('server_error', 'The answer was not JSON.', { reason: 'invalid_body' })
    }
  }
  return {
    async test() {
      return { code: 'ok', message: 'fine' }
    },
    async discover(cred, ctx) {
      const body = await json(await call(cred, ctx, '/models'))
      if (!Array.isArray(body.data))
        throw new AppError('server_error', 'No data list.', { reason: 'invalid_body' })
      return (body.data as { id: string }[]).map((m) => ({
        name: m.id,
        type: TYPE_RULES.find(([re]) => re.test(m.id))?.[1] ?? 'language',
        typeSource: 'name' as const,
      }))
    },
    async modelTest(cred, model, ctx) {
      const post = (path: string, payload: unknown) =>
        call(cred, ctx, path, {
          method: 'POST',
          body: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        })
      try {
        if (model.type === 'language') {
          const b = await json(
            await post('/chat/completions', {
              model: model.name,
              messages: [{ role: 'user', content: 'Hi' }],
              max_tokens: 5,
            }),
          )
          const reply = (b.choices as { message: { content: string } }[])[0]!.message.content
          return { ok: true, code: 'ok', message: `Reply: ${reply}`, result: { reply } }
        }
        if (model.type === 'embedding') {
          const b = await json(await post('/embeddings', { model: model.name, input: 'hello' }))
          const dimensions = (b.data as { embedding: number[] }[])[0]!.embedding.length
          return {
            ok: true,
            code: 'ok',
            message: `${dimensions} dimensions`,
            result: { dimensions },
          }
        }
        if (model.type === 'text_to_speech') {
          const res = await post('/audio/speech', {
            model: model.name,
            input: 'Hello',
            voice: 'alloy',
          })
          const bytes = (await res.arrayBuffer()).byteLength
          return { ok: true, code: 'ok', message: `${bytes} bytes`, result: { bytes } }
        }
        if (!ctx.sttClip) return { ok: false, code: 'not_configured', message: 'No speech clip.' }
        const form = new FormData()
        form.append('model', model.name)
        form.append(
          'file',
          new Blob([new Uint8Array(await ctx.sttClip())], { type: 'audio/wav' }),
          'clip.wav',
        )
        const res = await ctx.fetch(`${cred.baseUrl}/v1/audio/transcriptions`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${cred.apiKey}` },
          signal: ctx.signal,
        })
        if (!res.ok) return { ok: false, code: 'server_error', message: `HTTP ${res.status}` }
        const transcript = String((await json(res)).text)
        return {
          ok: true,
          code: 'ok',
          message: `Transcript: ${transcript}`,
          result: { transcript },
        }
      } catch (err) {
        if (err instanceof AppError && err.code !== 'cancelled' && err.code !== 'validation') {
          return { ok: false, code: err.code as 'server_error', message: err.message }
        }
        throw err
      }
    },
  }
}

/** A catalog entry for the fake (an OpenAI-compatible provider pointed at the fake's URL). */
export function fakeEntry(overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id: 'openai_compatible',
    displayName: 'OpenAI Compatible',
    modalities: ['language', 'embedding', 'text_to_speech', 'speech_to_text'],
    envVars: { required: [], map: {} },
    fields: [],
    defaultBaseUrl: null,
    docsUrl: 'https://example.com/docs',
    testModel: null,
    apiShape: 'openai',
    discovery: 'api',
    local: false,
    ...overrides,
  }
}
