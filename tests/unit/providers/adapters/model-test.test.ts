/**
 * The model-test frame every adapter shares (src-main/providers/adapters/model-test.ts): a type
 * without a runner is refused before any setup, a setup outcome is a failed test, a runner's
 * result or failure is wrapped with its latency (failures coded and scrubbed, a cancellation
 * passed on to the caller), and the result messages adapters report.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/errors'
import type { AdapterContext, TestOutcome } from '../../../../src-main/providers/adapter-types'
import {
  audioResult,
  dimensionsResult,
  isOutcome,
  modelTestByType,
  replyResult,
  shortReply,
  speechClip,
  transcriptResult,
} from '../../../../src-main/providers/adapters/model-test'
import { getProvider } from '../../../../src-main/providers/catalog'

const KEY = 'sk-UNIT-model-test-0123456789abcdefghij'
const ctx = { entry: getProvider('openai'), fetch: (() => undefined) as never } as AdapterContext
const session = { key: KEY }

describe('modelTestByType', () => {
  it('refuses a type the provider does not serve before any setup', async () => {
    let setups = 0
    const out = await modelTestByType(
      ctx,
      'speech_to_text',
      () => (setups++, session),
      () => [KEY],
      { language: async () => replyResult('hi') },
    )
    expect(out).toEqual({
      ok: false,
      code: 'not_configured',
      message: 'OpenAI has no speech to text models to test.',
    })
    expect(setups).toBe(0)
  })

  it('reports a setup outcome as a failed test without timing it', async () => {
    const missing: TestOutcome = { code: 'not_configured', message: 'OpenAI: no API key is set.' }
    const out = await modelTestByType(
      ctx,
      'language',
      () => missing,
      () => [],
      {
        language: async () => replyResult('never'),
      },
    )
    expect(out).toEqual({ ok: false, ...missing })
  })

  it("wraps the runner's result with its latency", async () => {
    const out = await modelTestByType(
      ctx,
      'embedding',
      () => session,
      (s) => [s.key],
      {
        embedding: async () => dimensionsResult(1536),
      },
    )
    expect(out).toMatchObject({
      ok: true,
      code: 'ok',
      message: 'Embedding dimensions: 1536',
      result: { dimensions: 1536 },
    })
    expect(out.latencyMs).toBeGreaterThanOrEqual(0)
  })

  it("codes a runner's failure and scrubs the session's secrets out of it", async () => {
    const out = await modelTestByType(
      ctx,
      'language',
      () => session,
      (s) => [s.key],
      {
        language: async () => {
          throw new AppError('auth_invalid', `key ${KEY} was refused`)
        },
      },
    )
    expect(out).toMatchObject({ ok: false, code: 'auth_invalid' })
    expect(out.message).not.toContain(KEY)
    const crash = await modelTestByType(
      ctx,
      'language',
      () => session,
      (s) => [s.key],
      {
        language: async () => {
          throw new TypeError(`cannot read ${KEY}`)
        },
      },
    )
    expect(crash).toMatchObject({ ok: false, code: 'server_error' })
    expect(crash.message).not.toContain(KEY)
  })

  it('passes a cancellation on to the caller instead of reporting it', async () => {
    const run = modelTestByType(
      ctx,
      'language',
      () => session,
      () => [],
      {
        language: async () => {
          throw new AppError('cancelled', 'The request was cancelled.')
        },
      },
    )
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
  })
})

describe('results', () => {
  it('shortens a reply to one line of at most 100 characters', () => {
    expect(shortReply('  Hello,\n\tworld  ')).toBe('Hello, world')
    const long = shortReply('x'.repeat(150))
    expect(long).toHaveLength(100)
    expect(long.endsWith('…')).toBe(true)
    expect(shortReply('y'.repeat(100))).toBe('y'.repeat(100))
  })

  it('stands in for an empty reply or transcript', () => {
    expect(replyResult(' \n ')).toEqual({ message: 'Response: (empty)', result: { reply: '' } })
    expect(transcriptResult('', '(silence)')).toEqual({
      message: 'Transcription: (silence)',
      result: { transcript: '' },
    })
  })

  it('carries the audio clip of a speech test with its size', () => {
    const data = new Uint8Array([1, 2, 3])
    expect(audioResult(data, 'audio/mpeg')).toEqual({
      message: 'Audio generated: 3 bytes',
      result: { bytes: 3, audio: { mime: 'audio/mpeg', data } },
    })
  })

  it('is not_configured without a bundled speech clip', async () => {
    await expect(speechClip(undefined)).rejects.toMatchObject({ code: 'not_configured' })
    await expect(speechClip(async () => Buffer.from('RIFF'))).resolves.toEqual(Buffer.from('RIFF'))
  })

  it('tells a setup outcome from a session', () => {
    expect(isOutcome({ code: 'not_configured', message: 'x' })).toBe(true)
    expect(isOutcome(session)).toBe(false)
  })
})
