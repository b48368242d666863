/**
 * A text-to-speech model test whose 200 carries no audio is a coded failure (server_error,
 * reason invalid_body), never "ok, 0 bytes": the guards of src-main/providers/adapters/openai-speech
 * (xAI's raw `/tts` bytes through http.ts fetchBytes, Mistral's base64 `audio_data`) and of the
 * SDK route in src-main/providers/adapters/openai-model-test (OpenAI's `/audio/speech`). The fake
 * (tests/fixtures/openai-server.ts, `emptyAudio`) keeps each provider's route, status and content
 * type and only drops the clip.
 */
import { describe, expect, it } from 'vitest'
import { openAiAdapter } from '../../../src-main/providers/adapters/openai'
import type { ProviderId } from '../../../src-main/providers/catalog-types'
import { ctxFor } from '../../fixtures/adapter-harness'
import { startOpenAiServer, type Flavor } from '../../fixtures/openai-server'
import { closedAfter } from '../../support/servers'

const KEY = 'sk-proj-EMPTYAUDIO0123456789abcd'
const track = closedAfter()

const CASES: Array<[ProviderId, Flavor, string, string]> = [
  ['xai', 'xai', 'grok-tts', '/v1/tts'],
  ['mistral', 'mistral', 'voxtral-mini-tts-2603', '/v1/audio/speech'],
  ['openai', 'openai', 'gpt-4o-mini-tts', '/v1/audio/speech'],
]

describe('text-to-speech: a 200 without audio', () => {
  it.each(CASES)(
    '%s: is server_error (invalid_body), not ok',
    async (provider, flavor, model, path) => {
      const s = await startOpenAiServer({ key: KEY, flavor, emptyAudio: true })
      track(s)
      const o = await openAiAdapter.modelTest(
        { id: 'c1', provider, name: 'T', baseUrl: s.url, apiKey: KEY },
        { name: model, type: 'text_to_speech' },
        ctxFor(provider),
      )
      // The request reached the provider's real speech route and was answered 200 there.
      expect(s.requests.map((r) => r.path)).toEqual([path])
      expect(o.ok).toBe(false)
      expect(o.code).toBe('server_error')
      expect(o.result?.bytes).toBeUndefined()
      expect(JSON.stringify(o)).not.toContain(KEY)
    },
  )

  it.each(CASES)(
    '%s: the same route with a clip is ok (the fake is not broken)',
    async (provider, flavor, model) => {
      const s = await startOpenAiServer({ key: KEY, flavor })
      track(s)
      const o = await openAiAdapter.modelTest(
        { id: 'c1', provider, name: 'T', baseUrl: s.url, apiKey: KEY },
        { name: model, type: 'text_to_speech' },
        ctxFor(provider),
      )
      expect(o.ok, o.message).toBe(true)
      expect(o.result?.bytes).toBeGreaterThan(0)
    },
  )
})
