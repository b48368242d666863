/**
 * The one table auto-assign ranks models by (DESIGN §3, issue 7): which provider is preferred,
 * which of a provider's models are preferred per model type, and which providers count as local.
 * Everything auto-assign knows about "good defaults" lives here, so changing taste is one edit.
 */
import type { ModelType } from '../../src-preload/contract/models-shared'
import type { ProviderId } from '../providers/catalog-types'

/**
 * Provider order when a cloud credential exists: hosted APIs first (Open Notebook's order, then
 * the providers it lacked), then self-hosted servers. Providers missing here rank last.
 */
export const PROVIDER_PREFERENCE: readonly ProviderId[] = [
  'openai',
  'anthropic',
  'google',
  'mistral',
  'groq',
  'deepseek',
  'xai',
  'openrouter',
  'azure',
  'vertex',
  'cohere',
  'voyage',
  'dashscope',
  'minimax',
  'novita',
  'ppq',
  'elevenlabs',
  'deepgram',
  'anthropic_compatible',
  'ollama',
  'lmstudio',
  'omlx',
  'openai_compatible',
]

/**
 * Providers that run on the user's own machine or network. A credential of one of these is not
 * a "cloud credential"; the compat providers count as local only on a loopback or LAN address.
 */
export const SELF_HOSTED_PROVIDERS: readonly ProviderId[] = [
  'ollama',
  'lmstudio',
  'omlx',
  'openai_compatible',
  'anthropic_compatible',
]

/** Providers that are local whatever their base URL says (a LAN Ollama box is still yours). */
export const ALWAYS_LOCAL_PROVIDERS: readonly ProviderId[] = ['ollama', 'lmstudio', 'omlx']

/** Local order used when no cloud credential exists. */
export const LOCAL_PROVIDER_PREFERENCE: readonly ProviderId[] = [
  'ollama',
  'lmstudio',
  'omlx',
  'openai_compatible',
  'anthropic_compatible',
]

/**
 * Per provider and type, name fragments in order of preference (case-insensitive; an exact
 * name beats a fragment, then the shortest name). A provider without an entry, or no match,
 * falls back to its earliest registered model of the type.
 */
export const MODEL_PREFERENCES: Partial<Record<ProviderId, Partial<Record<ModelType, string[]>>>> =
  {
    openai: {
      language: [
        'gpt-5-mini',
        'gpt-4.1-mini',
        'gpt-4o-mini',
        'gpt-5',
        'gpt-4.1',
        'gpt-4o',
        'gpt-4',
      ],
      embedding: ['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'],
      text_to_speech: ['gpt-4o-mini-tts', 'tts-1'],
      speech_to_text: ['gpt-4o-mini-transcribe', 'whisper-1', 'gpt-4o-transcribe'],
    },
    anthropic: {
      language: [
        'claude-sonnet-4',
        'claude-3-7-sonnet',
        'claude-3-5-sonnet',
        'claude-3-5-haiku',
        'claude',
      ],
    },
    google: {
      language: ['gemini-2.5-flash', 'gemini-flash-latest', 'gemini-2.0-flash', 'gemini-2.5-pro'],
      embedding: ['gemini-embedding-001', 'text-embedding-004', 'embedding'],
      text_to_speech: ['gemini-2.5-flash-preview-tts', 'tts'],
    },
    mistral: {
      language: [
        'mistral-medium-latest',
        'mistral-large-latest',
        'mistral-small-latest',
        'mistral-large',
      ],
      embedding: ['mistral-embed'],
      speech_to_text: ['voxtral-mini-latest', 'voxtral'],
    },
    groq: {
      language: ['llama-3.3-70b', 'llama-3.1-8b', 'llama'],
      speech_to_text: ['whisper-large-v3-turbo', 'whisper-large-v3'],
    },
    deepseek: { language: ['deepseek-chat', 'deepseek-reasoner'] },
    xai: { language: ['grok-4', 'grok-3', 'grok'] },
    openrouter: {
      language: ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4', 'google/gemini-2.5-flash'],
      embedding: ['openai/text-embedding-3-small'],
    },
    azure: {
      language: ['gpt-4.1-mini', 'gpt-4o-mini', 'gpt-4o', 'gpt-4', 'gpt-35-turbo'],
      embedding: ['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'],
    },
    vertex: {
      language: ['gemini-2.5-flash', 'gemini-flash-latest', 'gemini-2.5-pro'],
      embedding: ['gemini-embedding-001', 'text-embedding-005', 'text-embedding-004'],
    },
    cohere: {
      language: ['command-a', 'command-r-plus', 'command-r'],
      embedding: ['embed-v4.0', 'embed-english-v3.0'],
    },
    voyage: { embedding: ['voyage-3.5', 'voyage-3', 'voyage-3-lite'] },
    dashscope: {
      language: ['qwen-max', 'qwen-plus', 'qwen-turbo'],
      embedding: ['text-embedding-v4', 'text-embedding-v3'],
    },
    minimax: { language: ['MiniMax-M2.5', 'MiniMax-M2.5-highspeed'] },
    ollama: {
      language: ['llama3.2', 'llama3.1', 'qwen3', 'qwen2.5', 'gemma3', 'mistral'],
      embedding: [
        'nomic-embed-text',
        'mxbai-embed-large',
        'bge-m3',
        'snowflake-arctic-embed',
        'all-minilm',
      ],
    },
    lmstudio: {
      language: ['llama-3.2', 'qwen3', 'qwen2.5', 'gemma-3'],
      embedding: ['nomic-embed-text', 'bge', 'gte'],
    },
    openai_compatible: {
      embedding: ['embed'],
      speech_to_text: ['whisper'],
    },
  }
