/**
 * What a model test of each type does with the `openai` SDK; shared by the OpenAI-shaped and the
 * Azure adapters.
 */
import { toFile } from 'openai'
import type OpenAI from 'openai'
import { AppError } from '../../errors'
import type { AdapterContext, DecryptedCredential, ModelTestOutcome } from '../adapter-types'
import type { CatalogEntry } from '../catalog-types'
import type { ModelType } from '../../../src-preload/contract/models-shared'
import {
  audioResult,
  dimensionsResult,
  replyResult,
  speechClip,
  timedModelTest,
  transcriptResult,
  type ModelTestResult,
} from './model-test'
import { fromSdkError } from './openai-sdk'
import { openAiBodyRule } from './openai-quirks'

/** What a model test of each type does with an SDK client; shared with the Azure adapter. */
export interface ModelTestPlan {
  client: OpenAI
  model: string
  tokenParam: 'max_tokens' | 'max_completion_tokens'
  voice: string
  sttClip?: () => Promise<Buffer>
  /** A text-to-speech test that is not OpenAI's route (xAI, Mistral), run instead of the SDK's. */
  speak?: () => Promise<ModelTestResult>
}

const RUNNERS: Record<ModelType, (p: ModelTestPlan) => Promise<ModelTestResult>> = {
  async language(p) {
    const res = await p.client.chat.completions.create({
      model: p.model,
      messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
      [p.tokenParam]: 16,
    })
    // The SDK hands back a non-JSON body (a proxy page) as-is: that is not a completion.
    if (!Array.isArray(res?.choices)) {
      throw new AppError('server_error', 'The answer was not a chat completion.', {
        reason: 'invalid_body',
      })
    }
    return replyResult(res.choices[0]?.message?.content ?? '', '(empty reply)')
  },
  async embedding(p) {
    const res = await p.client.embeddings.create({
      model: p.model,
      input: 'Switchboard model test.',
      encoding_format: 'float',
    })
    const dimensions = res.data?.[0]?.embedding?.length ?? 0
    if (!dimensions)
      throw new AppError('server_error', 'The answer held no embedding.', {
        reason: 'invalid_body',
      })
    return dimensionsResult(dimensions)
  },
  async text_to_speech(p) {
    if (p.speak) return p.speak()
    const res = await p.client.audio.speech.create({
      model: p.model,
      voice: p.voice,
      input: 'Hello from Switchboard.',
      response_format: 'mp3',
    })
    const type = res.headers.get('content-type') ?? ''
    const data = new Uint8Array(await res.arrayBuffer())
    if (!data.length || /json|html|text/i.test(type)) {
      throw new AppError('server_error', 'The answer was not audio.', { reason: 'invalid_body' })
    }
    return audioResult(data, type.split(';')[0]?.trim() || 'audio/mpeg')
  },
  async speech_to_text(p) {
    const clip = await speechClip(p.sttClip)
    const file = await toFile(clip, 'switchboard-test.wav', { type: 'audio/wav' })
    const res = await p.client.audio.transcriptions.create({ model: p.model, file, language: 'en' })
    return transcriptResult(
      typeof res === 'string' ? res : (res.text ?? ''),
      '(no speech recognised)',
    )
  },
}

/** Runs one model test plan and wraps its result or failure with the latency. Never throws. */
export async function runModelTest(
  type: ModelType,
  plan: ModelTestPlan,
  ctx: AdapterContext,
  secrets: readonly string[],
): Promise<ModelTestOutcome> {
  return timedModelTest(ctx, secrets, () =>
    RUNNERS[type](plan).catch((raw: unknown) => {
      throw fromSdkError(raw, ctx, secrets, openAiBodyRule)
    }),
  )
}

/** The root a model test calls: audio models live on another base at some providers (PPQ),
 * unless the user overrode the base URL. */
export function modelTestRoot(
  cred: DecryptedCredential,
  entry: CatalogEntry,
  root: string,
  type: ModelType,
): string {
  const audio = type === 'text_to_speech' || type === 'speech_to_text'
  return audio && !cred.baseUrl?.trim() && entry.audioBaseUrl ? entry.audioBaseUrl : root
}
