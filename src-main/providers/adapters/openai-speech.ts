/**
 * The text-to-speech model tests of OpenAI-shaped providers whose speech API is not OpenAI's
 * (catalog `speech.route`):
 * - xAI: `POST {root}/tts {text, voice_id, language, output_format}` answers raw audio bytes
 *   (docs.x.ai/developers/model-capabilities/audio/text-to-speech; the OpenAI speech route does
 *   not exist there);
 * - Mistral: `POST {root}/audio/speech {model, input, voice_id, response_format}` answers JSON
 *   `{audio_data}` with the clip in base64 (docs.mistral.ai/studio/audio/text-to-speech/
 *   generate-speech), which is audio even though its content type is JSON.
 */
import { AppError } from '../../errors'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import type { SpeechSpec } from '../catalog-types'
import { fetchBytes, fetchJson, isObject } from './http'
import { postJson } from './api-request'
import { AUDIO_TEST_MS, audioResult, type ModelTestResult } from './model-test'
import type { BodyRule } from './failure-code'

const SAY = 'Hello from Switchboard.'

export interface SpeechCall {
  ctx: AdapterContext
  cred: DecryptedCredential
  root: string
  model: string
  voice: string
  headers: Record<string, string>
  secrets: readonly string[]
  rule: BodyRule
}

/** The voice a model speaks with: its own where the catalog names one, else the provider's. */
export function voiceFor(spec: SpeechSpec | undefined, model: string): string {
  return spec?.voiceByModel?.[model] ?? spec?.voice ?? 'alloy'
}

/** xAI: raw audio bytes from `/tts`. */
export async function speakXai(c: SpeechCall): Promise<ModelTestResult> {
  const payload = {
    text: SAY,
    voice_id: c.voice,
    language: 'en',
    // The documented default (MP3, 24 kHz, 128 kbps), spelled out so the answer is predictable.
    output_format: { codec: 'mp3', sample_rate: 24000, bit_rate: 128000 },
  }
  const bytes = await fetchBytes(
    c.ctx,
    c.cred,
    postJson(`${c.root}/tts`, c.headers, payload, AUDIO_TEST_MS),
    c.secrets,
    c.rule,
  )
  return audioResult(bytes, 'audio/mpeg')
}

interface MistralSpeech {
  audio_data: string
}
const isMistralSpeech = (j: unknown): j is MistralSpeech =>
  isObject(j) && typeof j.audio_data === 'string'

/** Mistral: JSON `{audio_data}` (base64) from `/audio/speech`. */
export async function speakMistral(c: SpeechCall): Promise<ModelTestResult> {
  const payload = { model: c.model, input: SAY, voice_id: c.voice, response_format: 'mp3' }
  const answer = await fetchJson(
    c.ctx,
    c.cred,
    postJson(`${c.root}/audio/speech`, c.headers, payload, AUDIO_TEST_MS),
    c.secrets,
    isMistralSpeech,
    c.rule,
  )
  const bytes = Buffer.from(answer.audio_data, 'base64')
  if (bytes.length === 0) {
    throw new AppError('server_error', 'The answer held no audio.', { reason: 'invalid_body' })
  }
  return audioResult(bytes, 'audio/mpeg')
}
