/**
 * The usage chunk filter (src-main/gateway/stream-usage.ts): the client gets exactly the events
 * the upstream sent minus the usage-only chunk the gateway asked for, however the bytes are cut
 * into chunks on the way. Stream text as OpenAI sends it with `stream_options.include_usage`
 * (https://platform.openai.com/docs/api-reference/chat-streaming/streaming).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createUsageChunkFilter,
  streamsWithoutUsage,
  withUsageOption,
} from '../../../src-main/gateway/stream-usage'

const chunk = (content: string) =>
  `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}},"finish_reason":null}],"usage":null}\n\n`
const usage =
  'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}\n\n'
const done = 'data: [DONE]\n\n'

function run(parts: Uint8Array[]): string {
  const f = createUsageChunkFilter()
  return parts.map((p) => f.push(p)).join('') + f.end()
}

describe('createUsageChunkFilter', () => {
  it('drops the usage-only chunk and passes every other event unchanged', () => {
    const text = chunk('Hel') + chunk('lo ✓') + usage + done
    expect(run([Buffer.from(text)])).toBe(chunk('Hel') + chunk('lo ✓') + done)
  })

  it('passes a complete event at once, holding back only an event still arriving', () => {
    const f = createUsageChunkFilter()
    const first = chunk('Hel')
    expect(f.push(Buffer.from(first + 'data: {"id":'))).toBe(first)
    expect(f.push(Buffer.from(chunk('x').slice('data: {"id":'.length)))).toBe(chunk('x'))
  })

  it('gives the same output however the stream is cut (also inside a UTF-8 character)', () => {
    const text = Buffer.from(chunk('héllo ✓') + chunk('wörld') + usage + done)
    const expected = chunk('héllo ✓') + chunk('wörld') + done
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 })), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), text.length]
        const parts = at.slice(1).map((end, i) => text.subarray(at[i], end))
        expect(run(parts)).toBe(expected)
      }),
    )
  })

  it('keeps a chunk that has usage and choices (a provider sending usage on every chunk)', () => {
    const both =
      'data: {"choices":[{"index":0,"delta":{"content":"a"}}],"usage":{"prompt_tokens":1}}\n\n'
    expect(run([Buffer.from(both + done)])).toBe(both + done)
  })
})

describe('stream options', () => {
  it('asks for usage only on a stream that does not, keeping other stream options', () => {
    expect(streamsWithoutUsage({ stream: true })).toBe(true)
    expect(streamsWithoutUsage({ stream: false })).toBe(false)
    expect(streamsWithoutUsage({ stream: true, stream_options: { include_usage: true } })).toBe(
      false,
    )
    expect(
      withUsageOption({ stream: true, stream_options: { include_obfuscation: false } }),
    ).toEqual({ stream: true, stream_options: { include_obfuscation: false, include_usage: true } })
  })
})
