import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import {
  errorOutcome,
  failureOutcome,
  responseError,
} from '../../../src-main/providers/adapters/outcome'
import { typeGeminiModel } from '../../../src-main/providers/adapters/gemini-shapes'
import { typeCohereModel } from '../../../src-main/providers/adapters/cohere'
import { getProvider } from '../../../src-main/providers/catalog'

const entry = getProvider('anthropic')

describe('adapter outcomes', () => {
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
