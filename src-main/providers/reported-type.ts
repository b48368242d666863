/**
 * What a server's own answer says a model's type is, before any name rule (DESIGN §5 "use what
 * the API says before guessing from the name"): Ollama `/api/show` capabilities and LM Studio's
 * `/api/v0/models` `type`. The Ollama and LM Studio adapters and local detection both read it;
 * it lives with the providers so adapters never import src-main/local (providers-not-local).
 */
import type { ModelType } from '../../src-preload/contract/models-shared'

/**
 * The capabilities a server listed, lower-cased; only strings count (a server's `{"toString": 1}`
 * cannot become text, and String() would throw). Not an array: none.
 */
function capabilitySet(caps: unknown): Set<string> {
  if (!Array.isArray(caps)) return new Set()
  return new Set(caps.filter((c): c is string => typeof c === 'string').map((c) => c.toLowerCase()))
}

/** Ollama `/api/show` capabilities → type; null when they say nothing useful. */
export function typeFromOllamaCapabilities(caps: unknown): ModelType | null {
  const set = capabilitySet(caps)
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
  const set = capabilitySet(caps)
  return set.has('image') && !set.has('completion') && !set.has('embedding')
}
