/**
 * Request and response shapes of Gemini's `generateContent` / `embedContent`, shared by the
 * Google AI (Gemini API) and Vertex AI adapters: both speak them, only the URL and auth differ.
 * Also the model test per type over those calls, and the typing of a Gemini model listing from
 * its `supportedGenerationMethods`.
 */
import type { ModelType } from '../../../src-preload/contract/models-shared'
import { AppError } from '../../errors'
import type { DiscoveredModel } from '../adapter-types'
import { classifyByName, excludedKind } from '../classify'
import { isObject, isVector } from './http'
import {
  AUDIO_TEST_MS,
  audioResult,
  dimensionsResult,
  partsText,
  replyResult,
  speechClip,
  transcriptResult,
  type ModelTestResult,
  type TypeRunners,
} from './model-test'

/** A generateContent answer: only `candidates` is checked, the rest is read with care. */
export interface GenerateAnswer {
  candidates?: unknown[]
}

/** A generateContent answer (possibly with no candidates when the output was blocked). */
export const isGenerateAnswer = (j: unknown): j is GenerateAnswer =>
  isObject(j) && (j.candidates === undefined || Array.isArray(j.candidates))

/** Payload of a tiny chat turn. */
export function chatBody(): object {
  return {
    contents: [{ role: 'user', parts: [{ text: 'Reply with the single word OK.' }] }],
    generationConfig: { maxOutputTokens: 64 },
  }
}

/** Payload asking a Gemini TTS model for a short clip (voice Kore, as Open Notebook uses). */
export function speechBody(): object {
  return {
    contents: [{ role: 'user', parts: [{ text: 'Say: Hello from Switchboard.' }] }],
    generationConfig: {
      responseModalities: ['AUDIO'],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } },
    },
  }
}

/** Payload asking a Gemini model to transcribe a WAV clip. */
export function transcribeBody(clip: Buffer): object {
  return {
    contents: [
      {
        role: 'user',
        parts: [
          { inlineData: { mimeType: 'audio/wav', data: clip.toString('base64') } },
          { text: 'Transcribe this audio. Answer with the transcript only.' },
        ],
      },
    ],
  }
}

/** The parts of the first candidate; not an array (or no candidate) → none. */
function firstParts(a: GenerateAnswer): unknown[] {
  const first = a.candidates?.[0]
  const content = isObject(first) ? first.content : undefined
  const parts = isObject(content) ? content.parts : undefined
  return Array.isArray(parts) ? parts : []
}

/** Concatenated text of the first candidate (parts whose text is not a string add nothing). */
export function answerText(a: GenerateAnswer): string {
  return partsText(firstParts(a))
}

/**
 * The first inline audio part (base64-decoded) and its MIME type; null when there is none. Only
 * string data counts: Buffer.from on an object the server made up would read it, or throw.
 */
export function answerAudio(a: GenerateAnswer): { data: Uint8Array; mime: string } | null {
  for (const p of firstParts(a)) {
    const inline = isObject(p) ? p.inlineData : undefined
    if (!isObject(inline) || typeof inline.data !== 'string' || !inline.data) continue
    const data = Buffer.from(inline.data, 'base64')
    const mime = typeof inline.mimeType === 'string' && inline.mimeType ? inline.mimeType : null
    return data.length ? { data, mime: mime ?? 'audio/L16;codec=pcm;rate=24000' } : null
  }
  return null
}

/** embedContent answer (Gemini API). */
export const isEmbedAnswer = (j: unknown): j is { embedding: { values: number[] } } =>
  isObject(j) && isObject(j.embedding) && isVector(j.embedding.values)

/** Payload of one embedContent request. */
export function embedBody(): object {
  return { content: { parts: [{ text: 'This is a test.' }] } }
}

/** Posts `{model}:{method}` with a JSON payload and checks the answer's shape. */
export type GeminiPost = <T>(
  method: string,
  payload: object,
  isShape: (j: unknown) => j is T,
  timeoutMs?: number,
) => Promise<T>

/** What a Gemini model test needs: the post, the embedding call (the APIs differ), the clip. */
export interface GeminiTest {
  post: GeminiPost
  embedDimensions: () => Promise<number>
  sttClip?: () => Promise<Buffer>
}

const GEMINI_TESTS: Record<ModelType, (t: GeminiTest) => Promise<ModelTestResult>> = {
  language: async ({ post }) =>
    replyResult(answerText(await post('generateContent', chatBody(), isGenerateAnswer))),
  embedding: async ({ embedDimensions }) => dimensionsResult(await embedDimensions()),
  text_to_speech: async ({ post }) => {
    const answer = await post('generateContent', speechBody(), isGenerateAnswer, AUDIO_TEST_MS)
    const audio = answerAudio(answer)
    if (!audio) {
      throw new AppError('server_error', 'The model answered without audio.', {
        reason: 'invalid_body',
      })
    }
    return audioResult(audio.data, audio.mime)
  },
  speech_to_text: async ({ post, sttClip }) => {
    const clip = await speechClip(sttClip)
    const body = transcribeBody(clip)
    return transcriptResult(
      answerText(await post('generateContent', body, isGenerateAnswer, AUDIO_TEST_MS)),
    )
  },
}

/**
 * The Gemini model tests (all four types) as runners over an adapter's setup `S`; `prepare`
 * makes the calls from it inside the timed test (Vertex fetches its token there).
 */
export function geminiRunners<S>(
  prepare: (s: S) => GeminiTest | Promise<GeminiTest>,
): TypeRunners<S> {
  return Object.fromEntries(
    Object.entries(GEMINI_TESTS).map(([type, run]) => [
      type,
      async (s: S) => run(await prepare(s)),
    ]),
  )
}

/** A listed model; only `name` is checked by the listing's shape, the rest is unchecked JSON. */
export interface GeminiListedModel {
  name: string
  displayName?: unknown
  inputTokenLimit?: unknown
  supportedGenerationMethods?: unknown
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
  // Only the string entries of an array: `.some` on a string or an object would throw.
  const listed = m.supportedGenerationMethods
  const methods = Array.isArray(listed)
    ? listed.filter((x): x is string => typeof x === 'string')
    : []
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
