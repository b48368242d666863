/**
 * How a local model's type is decided: what the server says first (Ollama `/api/show`
 * capabilities, LM Studio's `type`), then the shared name rules (`classifyByName` of
 * src-main/providers/classify.ts), injectable so tests and callers can swap them.
 */
import type { ModelType } from '../../src-preload/contract/models-shared'
import type { ProviderId } from '../providers/catalog-types'
import { classifyByName } from '../providers/classify'

/** Name rules, `classifyByName(name, provider?)` of the providers module by default. */
export type ClassifyByName = (name: string, provider?: ProviderId) => ModelType

/** The default name rules. */
export const defaultClassify: ClassifyByName = classifyByName

/** Ollama `/api/show` capabilities → type; null when they say nothing useful. */
export function typeFromOllamaCapabilities(caps: unknown): ModelType | null {
  if (!Array.isArray(caps)) return null
  const set = new Set(
    caps.filter((c): c is string => typeof c === 'string').map((c) => c.toLowerCase()),
  )
  if (set.has('embedding')) return 'embedding'
  if (set.has('completion') || set.has('tools') || set.has('thinking')) return 'language'
  return null
}

/** LM Studio `/api/v0/models` `type` (llm, vlm, embeddings) → type; null when unknown. */
export function typeFromLmStudio(type: unknown): ModelType | null {
  if (type === 'llm' || type === 'vlm') return 'language'
  if (type === 'embeddings' || type === 'embedding') return 'embedding'
  return null
}

/**
 * Image-generation models are none of the four types (Ollama's `image` capability without
 * `completion`, ollama/ollama types/model/capability.go): they are not listed, so nobody
 * registers or chat-tests them.
 */
export function isImageGenerator(caps: unknown): boolean {
  if (!Array.isArray(caps)) return false
  const set = new Set(caps.map((c) => String(c).toLowerCase()))
  return set.has('image') && !set.has('completion') && !set.has('embedding')
}
