/**
 * The coded error of a failure reported inside a stream, and the token count reader the frame
 * readers share (src-main/providers/streaming/stream-error.ts).
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/errors'
import { getProvider } from '../../../../src-main/providers/catalog'
import { count, streamError } from '../../../../src-main/providers/streaming/stream-error'

const KEY = 'sk-UNIT-stream-error-0123456789abcdefgh'
const entry = getProvider('openai')

describe('streamError', () => {
  it('is server_error / stream_error naming the provider, in its own words', () => {
    const err = streamError(entry, [KEY], 'upstream overloaded')
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({
      code: 'server_error',
      params: { provider: 'openai', reason: 'stream_error' },
    })
    expect(err.message).toBe(
      `${entry.displayName} reported an error while answering: upstream overloaded`,
    )
  })

  it('reads the message out of an error object and scrubs the key', () => {
    const err = streamError(entry, [KEY], {
      message: `bad key ${KEY}`,
      type: 'invalid_request_error',
    })
    expect(err.message).toContain('bad key')
    expect(err.message).not.toContain(KEY)
  })

  it('ends with a full stop when the provider said nothing', () => {
    for (const said of [undefined, null, '']) {
      expect(streamError(entry, [], said).message).toBe(
        `${entry.displayName} reported an error while answering.`,
      )
    }
  })
})

describe('count', () => {
  it('keeps finite non-negative numbers only', () => {
    expect([0, 3, 1.5].map(count)).toEqual([0, 3, 1.5])
    expect([-1, NaN, Infinity, '3', null, undefined, {}].map(count)).toEqual(
      Array(7).fill(undefined),
    )
  })
})
