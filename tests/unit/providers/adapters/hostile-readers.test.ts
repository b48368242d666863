/**
 * The pure readers of provider JSON, each fed a value that cannot become text or a number
 * (tests/support/unconvertible.ts, and their `length` values) where it reads a field:
 * reported-type.ts, gemini-shapes.ts, cohere.ts `typeCohereModel`, model-test.ts `partsText`,
 * http.ts `readPages`, the DeepSeek balance of openai-quirks.ts, openai-models.ts, and the error
 * body readers (upstream-text.ts, failure-code.ts, outcome.ts). None may throw.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/errors'
import { typeCohereModel } from '../../../../src-main/providers/adapters/cohere'
import { codeForStatus, failureReason } from '../../../../src-main/providers/adapters/failure-code'
import {
  answerAudio,
  answerText,
  typeGeminiModel,
} from '../../../../src-main/providers/adapters/gemini-shapes'
import { readPages } from '../../../../src-main/providers/adapters/http'
import { partsText } from '../../../../src-main/providers/adapters/model-test'
import { toDiscovered } from '../../../../src-main/providers/adapters/openai-models'
import { quirksOf } from '../../../../src-main/providers/adapters/openai-quirks'
import {
  errorOutcome,
  failureOutcome,
  responseError,
} from '../../../../src-main/providers/adapters/outcome'
import { upstreamText } from '../../../../src-main/providers/adapters/upstream-text'
import { getProvider } from '../../../../src-main/providers/catalog'
import type { AdapterContext } from '../../../../src-main/providers/adapter-types'
import {
  isImageGenerator,
  typeFromOllamaCapabilities,
} from '../../../../src-main/providers/reported-type'
import { CANNOT_CONVERT, LEAK, near } from './hostile-world'

/** Values a field that should hold text may hold instead. */
const NOT_TEXT = [...CANNOT_CONVERT, 7, null, {}]
/** …and a string where an array or object belongs. */
const BAD = [...NOT_TEXT, 'embedContent']

describe('readers of listing metadata', () => {
  it('Ollama capabilities: only strings count (isImageGenerator used String())', () => {
    for (const bad of CANNOT_CONVERT) {
      expect(isImageGenerator(['image', bad])).toBe(true)
      expect(typeFromOllamaCapabilities(['embedding', bad])).toBe('embedding')
    }
  })

  it('Gemini generation methods that are not an array of strings say nothing', () => {
    for (const bad of BAD) {
      for (const methods of [bad, [bad], ['generateContent', bad]]) {
        const m = { name: 'models/gemini-x', supportedGenerationMethods: methods }
        expect(() => typeGeminiModel(m)).not.toThrow()
      }
    }
    const m = { name: 'models/gemini-x', supportedGenerationMethods: ['generateContent', BAD[0]] }
    expect(typeGeminiModel(m)).toEqual({ type: 'language', typeSource: 'api' })
  })

  it('Cohere endpoints that are not an array of strings say nothing', () => {
    for (const bad of BAD) {
      for (const endpoints of [bad, [bad], ['embed', bad]]) {
        expect(() => typeCohereModel({ name: 'embed-v4.0', endpoints })).not.toThrow()
      }
    }
    expect(typeCohereModel({ name: 'x', endpoints: [BAD[0], 'chat'] })?.type).toBe('language')
  })

  it('an OpenAI-shaped entry with junk metadata still reads', () => {
    for (const bad of NOT_TEXT) {
      const m = { id: 'm', name: bad, display_name: bad, context_length: bad, architecture: bad }
      const d = toDiscovered(m, 'openrouter', 'openrouter')
      expect(d).toMatchObject({ name: 'm', type: 'language', typeSource: 'name' })
      expect(d?.displayName).toBeUndefined()
      const caps = { id: 'm', capabilities: { completion_chat: bad, ocr: bad } }
      expect(() => toDiscovered(caps, 'mistral', 'mistral')).not.toThrow()
    }
  })
})

describe('readers of model-test answers', () => {
  it('content blocks: only string texts join', () => {
    for (const bad of NOT_TEXT) {
      expect(partsText([{ text: 'O' }, bad, { text: bad }, { text: 'K' }])).toBe('OK')
      expect(partsText(bad)).toBe('')
    }
  })

  it('Gemini candidates, parts and inline audio of any shape', () => {
    for (const bad of NOT_TEXT) {
      const answers = [
        { candidates: [bad] },
        { candidates: [{ content: bad }] },
        { candidates: [{ content: { parts: bad } }] },
        { candidates: [{ content: { parts: [bad, { text: bad, inlineData: bad }] } }] },
        { candidates: [{ content: { parts: [{ inlineData: { data: bad, mimeType: bad } }] } }] },
      ]
      for (const a of answers) {
        expect(answerText(a)).toBe('')
        expect(answerAudio(a)).toBeNull()
      }
    }
    const mime = {
      candidates: [{ content: { parts: [{ inlineData: { data: 'AAE', mimeType: BAD[3] } }] } }],
    }
    expect(answerAudio(mime)?.mime).toBe('audio/L16;codec=pcm;rate=24000')
  })

  it('a page cursor that is not a string ends the listing (encodeURIComponent threw)', async () => {
    for (const bad of NOT_TEXT) {
      const urls: string[] = []
      const items = await readPages('http://x/models?limit=2', 'after', 5, async (url) => {
        urls.push(url)
        return { items: [1], next: bad }
      })
      expect(items).toEqual([1])
      expect(urls).toEqual(['http://x/models?limit=2'])
    }
  })

  it('the DeepSeek balance reads only a decimal string or a number (Number() threw)', () => {
    const credit = quirksOf({ entry: getProvider('deepseek') } as AdapterContext).balance!.credit
    for (const bad of CANNOT_CONVERT) {
      expect(credit({ balance_infos: [{ currency: 'USD', total_balance: bad }] })).toBeNull()
    }
    expect(credit({ balance_infos: [{ currency: 'USD', total_balance: '15.00' }] })).toBe(15)
  })
})

// platform.openai.com/docs/guides/error-codes, docs.anthropic.com/en/api/errors,
// cloud.google.com/apis/design/errors, elevenlabs `{detail:{status, message}}`
// (home-assistant/core#160414), developers.deepgram.com/reference/errors, docs/api.md "Errors".
const ERROR_BODIES = [
  { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'x' } },
  { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
  {
    error: {
      code: 403,
      message: 'denied',
      status: 'PERMISSION_DENIED',
      details: [{ reason: 'x' }],
    },
  },
  { detail: { status: 'invalid_api_key', message: 'Invalid API key' } },
  { err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.', request_id: 'a1' },
  { error: "model 'x' not found" },
]

describe('readers of error bodies', () => {
  it('any error body near a documented one reads into a coded outcome', () => {
    const entry = getProvider('openai')
    const body = fc.oneof(...ERROR_BODIES.map(near)).map((b) => JSON.stringify(b))
    const status = fc.constantFrom(400, 401, 402, 403, 404, 429, 500)
    fc.assert(
      fc.property(body, status, (text, s) => {
        const f = { entry, secrets: ['sk-x'], status: s, body: text }
        expect(typeof upstreamText(text, ['sk-x'])).toBe('string')
        failureReason(s, text)
        const o = failureOutcome(codeForStatus(s, text), f)
        expect(o.message).not.toMatch(LEAK)
        const e = responseError(f)
        expect(e).toBeInstanceOf(AppError)
        expect(errorOutcome(e, f).message).not.toMatch(LEAK)
      }),
      { numRuns: 400 },
    )
  })
})
