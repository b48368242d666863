/**
 * Which adapter speaks each API shape (DESIGN §5). The catalog says a provider's shape; this
 * table says who implements it. Each helper adds its own lines.
 */
import { AppError } from '../../errors'
import type { ProviderAdapter } from '../adapter-types'
import type { ApiShape, CatalogEntry } from '../catalog-types'
import { anthropicAdapter } from './anthropic'
import { azureAdapter } from './azure'
import { cohereAdapter } from './cohere'
import { deepgramAdapter } from './deepgram'
import { elevenLabsAdapter } from './elevenlabs'
import { googleAdapter } from './google'
import { lmStudioAdapter } from './lmstudio'
import { ollamaAdapter } from './ollama'
import { openAiAdapter } from './openai'
import { vertexAdapter } from './vertex'
import { voyageAdapter } from './voyage'

const ADAPTERS: Partial<Record<ApiShape, ProviderAdapter>> = {
  // OpenAI-shaped + Azure
  openai: openAiAdapter,
  azure: azureAdapter,
  // anthropic / google / vertex / cohere / voyage / elevenlabs / deepgram (bespoke adapters)
  anthropic: anthropicAdapter,
  google: googleAdapter,
  vertex: vertexAdapter,
  cohere: cohereAdapter,
  voyage: voyageAdapter,
  elevenlabs: elevenLabsAdapter,
  deepgram: deepgramAdapter,
  // local servers
  // LM Studio has its own shape (catalog apiShape 'lmstudio'): OpenAI-shaped test and model
  // test, discovery through its native /api/v0/models (types + loaded state).
  ollama: ollamaAdapter,
  lmstudio: lmStudioAdapter,
}

/** The adapter for a catalog entry's API shape; AppError('unsupported') when none exists yet. */
export function getAdapter(entry: CatalogEntry): ProviderAdapter {
  const adapter = ADAPTERS[entry.apiShape]
  if (!adapter) {
    throw new AppError('unsupported', `${entry.displayName} is not supported yet.`, {
      provider: entry.id,
    })
  }
  return adapter
}
