/**
 * Finishes that are failures, frame by frame (issue 16): Cohere's `message-end` with
 * `delta.error` or a failed `finish_reason` (ERROR / TIMEOUT), and an OpenAI-shaped
 * `finish_reason: "content_filter"` with or without Azure's `content_filter_results` — each
 * `server_error` / `stream_error` with the provider's words, scrubbed; a normal finish stays one.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/errors'
import { getProvider } from '../../../../src-main/providers/catalog'
import { readCohereFrame } from '../../../../src-main/providers/streaming/cohere-chat'
import { readOpenAiFrame } from '../../../../src-main/providers/streaming/openai-chat'

const SECRET = 'co-UNITkey0123456789abcdefghijklmnopqrs'
const facts = (id: string) => ({ entry: getProvider(id), secrets: [SECRET], url: 'https://x/v' })
const frame = (data: unknown) => ({ event: 'message', data: JSON.stringify(data) })

function failure(read: { error?: AppError }): AppError {
  expect(read.error).toBeInstanceOf(AppError)
  expect(read.error).toMatchObject({ code: 'server_error', params: { reason: 'stream_error' } })
  return read.error!
}

describe('Cohere message-end', () => {
  const end = (delta: Record<string, unknown>) =>
    readCohereFrame(frame({ type: 'message-end', delta }), facts('cohere'))

  it('delta.error is a failure with its words, the key scrubbed', () => {
    const err = failure(end({ error: `backend died for ${SECRET}`, finish_reason: 'ERROR' }))
    expect(err.message).toContain('backend died for')
    expect(err.message).not.toContain(SECRET)
  })

  it.each(['ERROR', 'TIMEOUT'])('finish_reason %s without a message is a failure', (reason) => {
    expect(failure(end({ finish_reason: reason })).message).toContain(`finish_reason ${reason}`)
  })

  it.each(['COMPLETE', 'MAX_TOKENS', 'STOP_SEQUENCE'])('finish_reason %s ends the reply', (r) => {
    const read = end({ finish_reason: r, usage: { tokens: { input_tokens: 3, output_tokens: 2 } } })
    expect(read).toEqual({ done: true, usage: { input: 3, output: 2 } })
  })
})

describe('OpenAI-shaped content_filter finish', () => {
  const chunk = (choice: Record<string, unknown>) =>
    readOpenAiFrame(frame({ choices: [{ index: 0, delta: {}, ...choice }] }), facts('openai'))

  it('is a failure; OpenAI sends no categories', () => {
    const err = failure(chunk({ finish_reason: 'content_filter' }))
    expect(err.message).toMatch(/content filter stopped the reply\.?$/)
  })

  it('names the categories Azure marks filtered, with their severity', () => {
    const err = failure(
      chunk({
        finish_reason: 'content_filter',
        content_filter_results: {
          hate: { filtered: false, severity: 'safe' },
          sexual: { filtered: true, severity: 'high' },
          violence: { filtered: true, severity: 'medium' },
        },
      }),
    )
    expect(err.message).toContain('(sexual: high, violence: medium)')
  })

  it('stop and length still finish the reply', () => {
    expect(chunk({ finish_reason: 'stop' })).toEqual({ finished: true })
    expect(chunk({ finish_reason: 'length' })).toEqual({ finished: true })
  })
})
