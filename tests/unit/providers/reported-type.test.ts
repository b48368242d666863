/**
 * src-main/providers/reported-type.ts: what Ollama's `/api/show` capabilities and LM Studio's
 * `/api/v0/models` `type` say a model is, read by the adapters and by local detection alike.
 */
import { describe, expect, it } from 'vitest'
import {
  isImageGenerator,
  typeFromLmStudio,
  typeFromOllamaCapabilities,
} from '../../../src-main/providers/reported-type'

describe('typeFromOllamaCapabilities', () => {
  // Capability names as ollama/ollama types/model/capability.go spells them.
  it('reads embedding before completion, and tools/thinking as language', () => {
    expect(typeFromOllamaCapabilities(['embedding'])).toBe('embedding')
    expect(typeFromOllamaCapabilities(['completion', 'embedding'])).toBe('embedding')
    expect(typeFromOllamaCapabilities(['completion', 'vision'])).toBe('language')
    expect(typeFromOllamaCapabilities(['TOOLS'])).toBe('language')
    expect(typeFromOllamaCapabilities(['thinking'])).toBe('language')
  })
  it('says nothing when the answer says nothing useful', () => {
    expect(typeFromOllamaCapabilities(undefined)).toBeNull()
    expect(typeFromOllamaCapabilities('completion')).toBeNull()
    expect(typeFromOllamaCapabilities(['vision', 42])).toBeNull()
  })
})

describe('typeFromLmStudio', () => {
  it('maps llm and vlm to language, embeddings to embedding, anything else to null', () => {
    expect(typeFromLmStudio('llm')).toBe('language')
    expect(typeFromLmStudio('vlm')).toBe('language')
    expect(typeFromLmStudio('embeddings')).toBe('embedding')
    expect(typeFromLmStudio('embedding')).toBe('embedding')
    expect(typeFromLmStudio('tts')).toBeNull()
    expect(typeFromLmStudio(undefined)).toBeNull()
  })
})

describe('isImageGenerator', () => {
  it('is true for image without completion or embedding only', () => {
    expect(isImageGenerator(['image'])).toBe(true)
    expect(isImageGenerator(['Image', 'vision'])).toBe(true)
    expect(isImageGenerator(['image', 'completion'])).toBe(false)
    expect(isImageGenerator(['image', 'embedding'])).toBe(false)
    expect(isImageGenerator(null)).toBe(false)
  })
})
