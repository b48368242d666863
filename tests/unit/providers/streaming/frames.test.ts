/**
 * The bounded frame parsers (issue 16): SSE and NDJSON, whatever the chunking — CRLF, CR or LF
 * line ends split between chunks, UTF-8 characters split between chunks, multi-line `data:`,
 * comments — give the same frames; a frame or a body over its cap fails with a code.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/errors'
import {
  createNdjsonParser,
  createSseParser,
  readFrames,
  type FrameParser,
} from '../../../../src-main/providers/streaming/frames'

const LIMITS = { maxFrameChars: 10_000, maxTotalBytes: 1_000_000 }

async function* chunks(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  const at = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b)
  let prev = 0
  for (const c of at) {
    yield bytes.slice(prev, c)
    prev = c
  }
  yield bytes.slice(prev)
}

async function collect<F>(
  text: string,
  parser: () => FrameParser<F>,
  cuts: number[] = [],
  max = LIMITS.maxTotalBytes,
): Promise<F[]> {
  const out: F[] = []
  for await (const f of readFrames(chunks(new TextEncoder().encode(text), cuts), parser(), max)) {
    out.push(f)
  }
  return out
}

const sse = () => createSseParser(LIMITS)
const ndjson = () => createNdjsonParser(LIMITS)

describe('createSseParser', () => {
  it('reads the event stream format: data lines, names, comments, line ends', async () => {
    const text =
      ': keep-alive\r\n' +
      'event: message_start\r\ndata: {"a":1}\r\n\r\n' +
      'data: line one\ndata:line two\n\n' +
      'data\n\n' + // a field without a colon: an empty data line
      'id: 7\rretry: 10\rdata: cr only\r\r' +
      'data: unfinished' // no blank line: dropped
    expect(await collect(text, sse)).toEqual([
      { event: 'message_start', data: '{"a":1}' },
      { event: 'message', data: 'line one\nline two' },
      { event: 'message', data: '' },
      { event: 'message', data: 'cr only' },
    ])
  })

  it('gives the same frames for any chunking', async () => {
    const event = fc.record({
      name: fc.option(fc.constantFrom('content_block_delta', 'ping', 'error'), { nil: undefined }),
      lines: fc.array(
        fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, '')),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      comment: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        async (events, cuts) => {
          const text = events
            .map(
              (e) =>
                [
                  ...(e.comment ? [': comment'] : []),
                  ...(e.name ? [`event: ${e.name}`] : []),
                  ...e.lines.map((l) => `data: ${l}`),
                  '',
                ].join(e.eol) + e.eol,
            )
            .join('')
          const whole = await collect(text, sse)
          expect(whole).toEqual(
            events.map((e) => ({ event: e.name ?? 'message', data: e.lines.join('\n') })),
          )
          expect(await collect(text, sse, cuts)).toEqual(whole)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('fails on an event larger than the cap, and on a body larger than the cap', async () => {
    const big = `data: ${'x'.repeat(20_000)}\n\n`
    await expect(collect(big, sse)).rejects.toMatchObject({
      code: 'server_error',
      params: { reason: 'invalid_body' },
    })
    await expect(collect('data: a\n\n'.repeat(100), sse, [], 500)).rejects.toBeInstanceOf(AppError)
  })

  it('fails on a line that never ends', async () => {
    await expect(collect('x'.repeat(20_000), sse, [0.1, 0.5])).rejects.toMatchObject({
      code: 'server_error',
    })
  })
})

describe('createNdjsonParser', () => {
  it('gives the same lines for any chunking, a last line without newline kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        async (values, eol, trailing, cuts) => {
          const lines = values.map((v) => JSON.stringify(v))
          const text = lines.join(`${eol}${eol}`) + (trailing ? eol : '')
          const got = await collect(text, ndjson, cuts)
          expect(got.map((l) => JSON.parse(l) as unknown)).toEqual(
            lines.map((l) => JSON.parse(l) as unknown),
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('joins a UTF-8 character split between chunks', async () => {
    const text = '{"t":"日本語 ✓"}\n'
    const bytes = new TextEncoder().encode(text)
    const cuts = Array.from({ length: bytes.length }, (_, i) => i / bytes.length)
    expect(await collect(text, ndjson, cuts)).toEqual(['{"t":"日本語 ✓"}'])
  })
})
