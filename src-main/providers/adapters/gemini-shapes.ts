/**
 * Request and response shapes of Gemini's `generateContent` / `embedContent`, shared by the
 * Google AI (Gemini API) and Vertex AI adapters: both speak them, only the URL and auth differ.
 * Also the typing of a Gemini model listing from its `supportedGenerationMethods`.
 */
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type { DiscoveredModel } from '../adapter-types'
import { classifyByName, excludedKind } from '../classify'
import { isObject } from './http'

export interface GenerateAnswer {
  candidates?: { content?: { parts?: { text?: string; inlineData?: { data?: string } }[] } }[]
}

/** A generateContent answer (possibly with no candidates when the output was blocked). */
export const isGenerateAnswer = (j: unknown): j is GenerateAnswer =>
  isObject(j) && (j.candidates === undefined || Array.isArray(j.candidates))

/** Body of a tiny chat turn. */
export function chatBody(): string {
  return JSON.stringify({
    contents: [{ role: 'user', parts: [{ text: 'Reply with the single word OK.' }] }],
    generationConfig: { maxOutputTokens: 64 },
  })
}

/** Body asking a Gemini TTS model for a short clip (voice Kore, as Open Notebook uses). */
export function speechBody(): string {
  return JSON.stringify({
    contents: [{ role: 'user', parts: [{ text: 'Say: Hello from Switchboard.' }] }],
    generationConfig: {
      responseModalities: ['AUDIO'],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } },
    },
  })
}

/** Body asking a Gemini model to transcribe a WAV clip. */
export function transcribeBody(clip: Buffer): string {
  return JSON.stringify({
    contents: [
      {
        role: 'user',
        parts: [
          { inlineData: { mimeType: 'audio/wav', data: clip.toString('base64') } },
          { text: 'Transcribe this audio. Answer with the transcript only.' },
        ],
      },
    ],
  })
}

/** Concatenated text of the first candidate. */
export function answerText(a: GenerateAnswer): string {
  return (a.candidates?.[0]?.content?.parts ?? []).map((p) => p.text ?? '').join('')
}

/** Byte count of the first inline audio part (base64-decoded); 0 when there is none. */
export function answerAudioBytes(a: GenerateAnswer): number {
  const data = a.candidates?.[0]?.content?.parts?.find((p) => p.inlineData?.data)?.inlineData?.data
  return data ? Buffer.from(data, 'base64').length : 0
}

/** embedContent answer (Gemini API). */
export const isEmbedAnswer = (j: unknown): j is { embedding: { values: number[] } } =>
  isObject(j) && isObject(j.embedding) && Array.isArray(j.embedding.values)

/** Body of one embedContent request. */
export function embedBody(): string {
  return JSON.stringify({ content: { parts: [{ text: 'This is a test.' }] } })
}

export interface GeminiListedModel {
  name: string
  displayName?: string
  inputTokenLimit?: number
  supportedGenerationMethods?: string[]
}

/**
 * A listed Gemini model's type, from its generation methods first: embedContent → embedding,
 * generateContent → language, except `*-tts` models, which list generateContent but only speak
 * (Open Notebook typed them language; DESIGN §12). No known method → name rules; image/video
 * models (predict, predictLongRunning) → null (none of the four types fits).
 */
export function typeGeminiModel(
  m: GeminiListedModel,
): { type: ModelType; typeSource: DiscoveredModel['typeSource'] } | null {
  const id = m.name.replace(/^models\//, '')
  const methods = m.supportedGenerationMethods ?? []
  if (excludedKind(id)) return null
  if (
    methods.some((x) => x === 'embedContent' || x === 'batchEmbedContents' || x === 'embedText')
  ) {
    return { type: 'embedding', typeSource: 'api' }
  }
  if (methods.includes('generateContent') || methods.includes('bidiGenerateContent')) {
    if (/(?:^|[-_])tts(?:$|[-_])/i.test(id)) return { type: 'text_to_speech', typeSource: 'name' }
    return { type: 'language', typeSource: 'api' }
  }
  if (methods.length === 0) return { type: classifyByName(id, 'google'), typeSource: 'name' }
  return null
}
