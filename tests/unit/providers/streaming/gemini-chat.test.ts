/**
 * The streamed Gemini chat (src-main/providers/streaming/gemini-chat.ts): the AI Studio request
 * it plans (key in `x-goog-api-key`, never in the URL), and each GenerateContentResponse of an
 * `alt=sse` stream (ai.google.dev/api/generate-content#method:-models.streamgeneratecontent)
 * read into reply text (thinking parts left out), the finish and usage; a blocked prompt and an
 * `{"error": …}` event are coded failures.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AdapterContext } from '../../../../src-main/providers/adapter-types'
import { getProvider } from '../../../../src-main/providers/catalog'
import {
  googleChatPlan,
  readGeminiFrame,
} from '../../../../src-main/providers/streaming/gemini-chat'
import { expectReadsAnything } from './hostile-frames'

const KEY = 'AIzaUNIT0123456789abcdefghijklmnopqrstu'
const facts = { entry: getProvider('google'), secrets: [KEY], url: 'https://x/v1beta/models/m' }
const read = (data: unknown) =>
  readGeminiFrame({ event: 'message', data: JSON.stringify(data) }, facts)
const noFetch = (() => {
  throw new Error('planning a stream sends nothing')
}) as unknown as AdapterContext['fetch']
const ctx = { entry: getProvider('google'), fetch: noFetch }

describe('googleChatPlan', () => {
  it('streams generateContent with alt=sse and the key in a header only', async () => {
    const plan = await googleChatPlan(
      { id: 'c', provider: 'google', name: 'c', apiKey: KEY },
      ctx,
      { model: 'gemini-2.5-flash', prompt: 'Say hi', maxTokens: 8 },
    )
    expect(plan.url).toMatch(/\/models\/gemini-2\.5-flash:streamGenerateContent\?alt=sse$/)
    expect(plan.url).not.toContain(KEY)
    expect(plan.headers['x-goog-api-key']).toBe(KEY)
    expect(plan.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Say hi' }] }],
      generationConfig: { maxOutputTokens: 8 },
    })
  })

  it('refuses to plan without a key', async () => {
    await expect(
      googleChatPlan({ id: 'c', provider: 'google', name: 'c' }, ctx, {
        model: 'm',
        prompt: 'p',
        maxTokens: 1,
      }),
    ).rejects.toMatchObject({ code: 'not_configured' })
  })
})

describe('readGeminiFrame', () => {
  it('reads reply text, leaving thinking parts out', () => {
    expect(
      read({
        candidates: [
          {
            content: {
              role: 'model',
              parts: [{ text: 'weighing it…', thought: true }, { text: 'Hel' }, { text: 'lo' }],
            },
          },
        ],
      }),
    ).toEqual({ text: 'Hello' })
  })

  it('reads the last event: finishReason and usageMetadata', () => {
    expect(
      read({
        candidates: [{ content: { parts: [{ text: '!' }] }, finishReason: 'STOP' }],
        usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6 },
      }),
    ).toEqual({ text: '!', finished: true, usage: { input: 4, output: 2 } })
    // A usage-only event after the finish.
    expect(read({ usageMetadata: { promptTokenCount: 4 } })).toEqual({
      usage: { input: 4, output: undefined },
    })
  })

  it('reads a blocked prompt and an error event as failures, the key scrubbed', () => {
    const blocked = read({ promptFeedback: { blockReason: 'SAFETY' } })
    expect(blocked.error).toMatchObject({
      code: 'server_error',
      params: { reason: 'stream_error' },
    })
    expect(blocked.error!.message).toContain('prompt blocked (SAFETY)')
    const failed = read({
      error: { code: 500, message: `Internal error for ${KEY}`, status: 'INTERNAL' },
    })
    expect(failed.error!.message).toContain('Internal error')
    expect(failed.error!.message).not.toContain(KEY)
  })

  it('reads any event without a throw; non-object data is invalid_body', () => {
    const near = fc.record(
      {
        candidates: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record({
              content: fc.oneof(fc.jsonValue(), fc.record({ parts: fc.array(fc.jsonValue()) })),
              finishReason: fc.jsonValue(),
            }),
          ),
        ),
        usageMetadata: fc.oneof(
          fc.jsonValue(),
          fc.dictionary(
            fc.constantFrom('promptTokenCount', 'candidatesTokenCount'),
            fc.jsonValue(),
          ),
        ),
        promptFeedback: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    expectReadsAnything((text) => readGeminiFrame({ event: 'message', data: text }, facts), near)
  })
})
