/**
 * Recommended models per provider and default slot (issue 16), best first. Discovery pre-selects
 * them; auto-assign prefers them (before model-preferences.ts's name fragments). A name also
 * matches its dated snapshots and tags (`recommendedRank` in src-preload/contract/key-input.ts:
 * `claude-haiku-4-5` ↔ `claude-haiku-4-5-20251001`, `nomic-embed-text` ↔ `nomic-embed-text:latest`).
 * Chosen for a good first setup: capable, cheap and fast rather than the largest model; names
 * are the ones each provider's listing (or the catalog's static list) returns.
 */
import type { ProviderId } from '../catalog-types'
import type { Recommended } from './guide-types'

export const RECOMMENDED: Record<ProviderId, Recommended> = {
  openai: {
    chat: ['gpt-4.1-mini', 'gpt-4o-mini'],
    embedding: ['text-embedding-3-small'],
    textToSpeech: ['gpt-4o-mini-tts', 'tts-1'],
    speechToText: ['gpt-4o-mini-transcribe', 'whisper-1'],
    transformation: ['gpt-4.1-mini', 'gpt-4o-mini'],
    tools: ['gpt-4.1-mini', 'gpt-4o-mini'],
    largeContext: ['gpt-4.1'],
  },
  anthropic: {
    chat: ['claude-sonnet-4-5', 'claude-sonnet-4'],
    transformation: ['claude-haiku-4-5', 'claude-3-5-haiku'],
    tools: ['claude-sonnet-4-5', 'claude-sonnet-4'],
    largeContext: ['claude-sonnet-4-5', 'claude-sonnet-4'],
  },
  google: {
    chat: ['gemini-2.5-flash', 'gemini-flash-latest'],
    embedding: ['gemini-embedding-001'],
    textToSpeech: ['gemini-2.5-flash-preview-tts'],
    transformation: ['gemini-2.5-flash-lite', 'gemini-2.5-flash'],
    tools: ['gemini-2.5-flash'],
    largeContext: ['gemini-2.5-pro'],
  },
  groq: {
    chat: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant'],
    speechToText: ['whisper-large-v3-turbo', 'whisper-large-v3'],
    textToSpeech: ['canopylabs/orpheus-v1-english'],
    transformation: ['llama-3.1-8b-instant'],
    tools: ['llama-3.3-70b-versatile'],
  },
  mistral: {
    chat: ['mistral-medium-latest', 'mistral-small-latest'],
    embedding: ['mistral-embed'],
    speechToText: ['voxtral-mini-latest'],
    transformation: ['mistral-small-latest'],
    tools: ['mistral-medium-latest'],
    largeContext: ['mistral-large-latest'],
  },
  deepseek: {
    chat: ['deepseek-chat'],
    transformation: ['deepseek-chat'],
    tools: ['deepseek-chat'],
  },
  xai: {
    chat: ['grok-4', 'grok-3-mini'],
    transformation: ['grok-3-mini'],
    tools: ['grok-4'],
  },
  openrouter: {
    chat: ['openai/gpt-4.1-mini', 'openai/gpt-4o-mini', 'google/gemini-2.5-flash'],
    embedding: ['openai/text-embedding-3-small'],
    transformation: ['openai/gpt-4o-mini'],
    largeContext: ['google/gemini-2.5-pro'],
  },
  dashscope: {
    chat: ['qwen-plus', 'qwen-max'],
    embedding: ['text-embedding-v4', 'text-embedding-v3'],
    transformation: ['qwen-turbo', 'qwen-plus'],
    largeContext: ['qwen-plus'],
  },
  minimax: { chat: ['MiniMax-M2'], tools: ['MiniMax-M2'] },
  novita: {
    chat: ['meta-llama/llama-3.3-70b-instruct', 'meta-llama/llama-3.1-8b-instruct'],
    embedding: ['baai/bge-m3'],
    transformation: ['meta-llama/llama-3.1-8b-instruct'],
  },
  ppq: {
    chat: ['gpt-4.1-mini', 'gpt-4o-mini'],
    embedding: ['text-embedding-3-small'],
  },
  cohere: {
    chat: ['command-a-03-2025', 'command-r-plus-08-2024'],
    embedding: ['embed-v4.0', 'embed-multilingual-v3.0'],
    transformation: ['command-r7b-12-2024'],
    tools: ['command-a-03-2025'],
  },
  voyage: { embedding: ['voyage-3.5', 'voyage-3.5-lite'] },
  elevenlabs: {
    textToSpeech: ['eleven_flash_v2_5', 'eleven_multilingual_v2'],
    speechToText: ['scribe_v2', 'scribe_v1'],
  },
  deepgram: {
    textToSpeech: ['aura-2-thalia-en'],
    speechToText: ['nova-3', 'nova-2'],
  },
  // The same order as the offline setup's bundled list (src-main/local/recommended-models.json).
  ollama: {
    chat: ['qwen2.5', 'llama3.1', 'llama3.2', 'qwen3', 'gemma3', 'mistral'],
    embedding: ['nomic-embed-text', 'mxbai-embed-large', 'bge-m3'],
    transformation: ['llama3.2', 'qwen2.5'],
    tools: ['qwen2.5', 'llama3.1', 'qwen3'],
  },
  omlx: {
    chat: ['mlx-community/Qwen2.5-7B-Instruct-4bit', 'mlx-community/Llama-3.2-3B-Instruct-4bit'],
  },
  // LM Studio's model keys (`lms ls`); its bundled embedding model is nomic-embed-text-v1.5.
  lmstudio: {
    chat: ['qwen2.5-7b-instruct', 'meta-llama-3.1-8b-instruct', 'llama-3.2-3b-instruct'],
    embedding: ['text-embedding-nomic-embed-text-v1.5'],
  },
  // Azure lists deployments, which people usually name after the model they deploy.
  azure: {
    chat: ['gpt-4.1-mini', 'gpt-4o-mini'],
    embedding: ['text-embedding-3-small'],
    largeContext: ['gpt-4.1'],
  },
  vertex: {
    chat: ['gemini-2.5-flash'],
    embedding: ['gemini-embedding-001', 'text-embedding-005'],
    textToSpeech: ['gemini-2.5-flash-tts'],
    transformation: ['gemini-2.5-flash-lite'],
    largeContext: ['gemini-2.5-pro'],
  },
  // Whatever the server serves: nothing to recommend.
  openai_compatible: {},
  anthropic_compatible: {},
}
