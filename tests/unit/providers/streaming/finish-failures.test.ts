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

/**
 * An SSE `event: error` ends an OpenAI-shaped stream whatever its data holds: openai/openai-node
 * src/core/streaming.ts (Stream.fromSSEResponse) throws `APIError(…, data?.error ?? data)` for it
 * on every stream that is not an Assistants `thread.*` one — chat completions included.
 */
describe('OpenAI-shaped event: error', () => {
  const read = (data: string) => readOpenAiFrame({ event: 'error', data }, facts('openai'))

  it('is a failure when its data has no error key, the key scrubbed', () => {
    const err = failure(read(JSON.stringify({ message: `quota gone for ${SECRET}`, code: 429 })))
    expect(err.message).toContain('quota gone for')
    expect(err.message).not.toContain(SECRET)
  })

  it('uses the error object when the data has one', () => {
    const err = failure(
      read(JSON.stringify({ error: { message: 'overloaded', type: 'server_error' } })),
    )
    expect(err.message).toContain('overloaded')
  })

  it('keeps the words of data that is not JSON', () => {
    expect(failure(read(`upstream reset ${SECRET}`)).message).toMatch(
      /upstream reset (?!.*co-UNIT)/,
    )
  })

  it('a message event with the same data is an ordinary chunk', () => {
    const ok = readOpenAiFrame(
      {
        event: 'message',
        data: JSON.stringify({ choices: [{ index: 0, delta: { content: 'hi' } }] }),
      },
      facts('openai'),
    )
    expect(ok).toEqual({ text: 'hi' })
  })
})
