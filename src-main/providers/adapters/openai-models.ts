/**
 * Reads one entry of an OpenAI-shaped `/models` listing into a DiscoveredModel: the API's own
 * metadata first (OpenRouter `architecture.output_modalities`, Mistral `capabilities`), the name
 * rules of classify.ts after; rerank / moderation / image / video models are left out.
 */
import type { DiscoveredModel } from '../adapter-types'
import type { ProviderId } from '../catalog-types'
import { classifyByName, excludedKind } from '../classify'
import { isObject } from './http'
import type { ModelType } from '../../../src-preload/contract/models-shared'

/** One item of a listing: `id` is required, the rest differs per provider. */
export type ListedModel = Record<string, unknown> & { id: string }

/** How a provider's listing says what a model is. */
export type MetadataKind = 'openrouter' | 'mistral'

type Typed = { type: ModelType; typeSource: 'api' | 'name' } | null

const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase())
    : []

/**
 * OpenRouter: `architecture.output_modalities`. With `output_modalities=all` the listing also
 * holds `speech` (TTS on /audio/speech), `transcription` (STT on /audio/transcriptions),
 * `embeddings`, `image` and `video` models (openrouter.ai/docs/api_reference/models); `audio`
 * alone is a chat model that answers in audio.
 */
function openRouterType(m: ListedModel, provider: ProviderId): Typed | 'exclude' {
  const arch = isObject(m.architecture) ? m.architecture : null
  const out = strings(arch?.output_modalities)
  if (out.length === 0) return null
  if (out.includes('embeddings') || out.includes('embedding'))
    return { type: 'embedding', typeSource: 'api' }
  if (out.includes('speech')) return { type: 'text_to_speech', typeSource: 'api' }
  if (out.includes('transcription')) return { type: 'speech_to_text', typeSource: 'api' }
  if (out.includes('audio') && !out.includes('text'))
    return { type: 'text_to_speech', typeSource: 'api' }
  // Image, video and decision models are none of the four types.
  if (!out.includes('text')) return 'exclude'
  // A text-out model that takes audio in may be a transcriber; only the name can tell.
  const byName = classifyByName(m.id, provider)
  if (byName === 'speech_to_text' && strings(arch?.input_modalities).includes('audio')) {
    return { type: 'speech_to_text', typeSource: 'api' }
  }
  return { type: 'language', typeSource: 'api' }
}

/**
 * Mistral: `capabilities` (docs.mistral.ai/api/#tag/models): `completion_chat`, `classification`,
 * `moderation`, `ocr`, `audio_transcription`, … A transcription-only model is speech_to_text
 * and an OCR-only model none of the four types, from the metadata; names decide the rest.
 */
function mistralType(m: ListedModel, provider: ProviderId): Typed | 'exclude' {
  const caps = isObject(m.capabilities) ? m.capabilities : null
  if (!caps) return null
  if (caps.audio_transcription === true && caps.completion_chat !== true)
    return { type: 'speech_to_text', typeSource: 'api' }
  const byName = classifyByName(m.id, provider)
  if (byName === 'speech_to_text' || byName === 'text_to_speech')
    return { type: byName, typeSource: 'name' }
  if (caps.completion_chat === true) return { type: 'language', typeSource: 'api' }
  if (caps.ocr === true) return 'exclude'
  if (caps.classification === true || caps.moderation === true) return 'exclude'
  if (byName === 'embedding') return { type: 'embedding', typeSource: 'api' }
  return null
}

const CONTEXT_KEYS = [
  'context_length',
  'context_window',
  'max_context_length',
  'max_model_len',
] as const

/** A DiscoveredModel for a listed item, or null when it fits none of the four types. */
export function toDiscovered(
  m: ListedModel,
  provider: ProviderId,
  metadata?: MetadataKind,
  forcedType?: ModelType,
): DiscoveredModel | null {
  let typed: Typed | 'exclude' = forcedType ? { type: forcedType, typeSource: 'api' } : null
  if (!typed && metadata === 'openrouter') typed = openRouterType(m, provider)
  if (!typed && metadata === 'mistral') typed = mistralType(m, provider)
  if (typed === 'exclude') return null
  if (!typed) {
    if (excludedKind(m.id)) return null
    typed = { type: classifyByName(m.id, provider), typeSource: 'name' }
  }
  const out: DiscoveredModel = { name: m.id, ...typed }
  const display = typeof m.name === 'string' ? m.name : m.display_name
  if (typeof display === 'string' && display && display !== m.id) out.displayName = display
  for (const k of CONTEXT_KEYS) {
    const v = m[k]
    if (typeof v === 'number' && v > 0) {
      out.contextLength = v
      break
    }
  }
  return out
}
