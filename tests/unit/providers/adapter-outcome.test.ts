import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import {
  codeForStatus,
  errorOutcome,
  failureOutcome,
  responseError,
  upstreamText,
} from '../../../src-main/providers/adapters/outcome'
import { googleBodyRule } from '../../../src-main/providers/adapters/google'
import { elevenLabsBodyRule } from '../../../src-main/providers/adapters/elevenlabs'
import { deepgramBodyRule } from '../../../src-main/providers/adapters/deepgram'
import { typeGeminiModel } from '../../../src-main/providers/adapters/gemini-shapes'
import { typeCohereModel } from '../../../src-main/providers/adapters/cohere'
import { getProvider } from '../../../src-main/providers/catalog'

const entry = getProvider('anthropic')

describe('adapter outcomes', () => {
  it('maps statuses to codes, letting a provider body rule go first', () => {
    expect(codeForStatus(200, '')).toBe('ok')
    expect(codeForStatus(401, '')).toBe('auth_invalid')
    expect(codeForStatus(403, '')).toBe('auth_forbidden')
    expect(codeForStatus(429, '')).toBe('ok_rate_limited')
    expect(codeForStatus(502, '')).toBe('server_error')
    expect(
      codeForStatus(400, '{"error":{"details":[{"reason":"API_KEY_INVALID"}]}}', googleBodyRule),
    ).toBe('auth_invalid')
    expect(codeForStatus(400, '{"error":{"message":"bad field"}}', googleBodyRule)).toBe(
      'server_error',
    )
    expect(codeForStatus(401, '{"detail":{"status":"quota_exceeded"}}', elevenLabsBodyRule)).toBe(
      'ok_rate_limited',
    )
    expect(
      codeForStatus(401, '{"detail":{"status":"missing_permissions"}}', elevenLabsBodyRule),
    ).toBe('auth_forbidden')
    expect(codeForStatus(403, '{"err_code":"INVALID_AUTH"}', deepgramBodyRule)).toBe('auth_invalid')
  })

  it('upstream text: the useful message, secrets scrubbed, at most 200 characters', () => {
    const key = 'sk-ant-secret-0123456789'
    const body = JSON.stringify({
      error: { message: `bad key ${key} Bearer abcdefghijkl ${'x'.repeat(400)}` },
    })
    const t = upstreamText(body, [key])
    expect(t).not.toContain(key)
    expect(t).not.toContain('abcdefghijkl')
    expect(t.length).toBeLessThanOrEqual(200)
    expect(upstreamText('<html> <b>oops</b>\n\n</html>', [])).toBe('<html> <b>oops</b> </html>')
  })

  it('every failure has a message, 401 and 403 hint at the docs link', () => {
    for (const code of ['auth_invalid', 'auth_forbidden'] as const) {
      expect(failureOutcome(code, { entry, secrets: [], status: 401 }).hint).toContain(
        entry.docsUrl,
      )
    }
    const e = responseError({ entry, secrets: [], status: 429, body: '' })
    expect(e).toMatchObject({ code: 'server_error', params: { reason: 'rate_limited' } })
  })

  it('guarded-fetch errors become outcomes; cancellation is re-thrown', () => {
    expect(
      errorOutcome(new AppError('network', 'x', { reason: 'tls' }), { entry, secrets: [] }),
    ).toMatchObject({
      code: 'network',
      params: { reason: 'tls' },
    })
    expect(errorOutcome(new AppError('timeout', 'x'), { entry, secrets: [] }).code).toBe('timeout')
    expect(
      errorOutcome(new Error('boom sk-ant-abcdefghijklmnop'), { entry, secrets: [] }).message,
    ).not.toContain('abcdefghijklmnop')
    expect(() => errorOutcome(new AppError('cancelled', 'x'), { entry, secrets: [] })).toThrow(
      AppError,
    )
  })
})

describe('model typing from API metadata', () => {
  it('Gemini: methods first, TTS by name, image/video/AQA left out', () => {
    const t = (name: string, methods?: string[]) =>
      typeGeminiModel({ name: `models/${name}`, supportedGenerationMethods: methods })
    expect(t('gemini-2.5-flash', ['generateContent'])).toEqual({
      type: 'language',
      typeSource: 'api',
    })
    expect(t('gemini-embedding-001', ['embedContent'])).toEqual({
      type: 'embedding',
      typeSource: 'api',
    })
    expect(t('gemini-2.5-flash-preview-tts', ['generateContent'])?.type).toBe('text_to_speech')
    expect(t('imagen-4.0-generate-001', ['predict'])).toBeNull()
    expect(t('aqa', ['generateAnswer'])).toBeNull()
    expect(t('text-embedding-004')).toEqual({ type: 'embedding', typeSource: 'name' })
  })

  it('Cohere: endpoints decide; rerank-only is left out', () => {
    expect(typeCohereModel({ name: 'command-a', endpoints: ['chat'] })?.type).toBe('language')
    expect(typeCohereModel({ name: 'embed-v4.0', endpoints: ['embed'] })?.type).toBe('embedding')
    expect(typeCohereModel({ name: 'rerank-v3.5', endpoints: ['rerank'] })).toBeNull()
    expect(typeCohereModel({ name: 'rerank-english-v2.0' })).toBeNull()
  })
})
