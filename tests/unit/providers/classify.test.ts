import { describe, expect, it } from 'vitest'
import { classifyByName, excludedKind } from '../../../src-main/providers/classify'
import type { ProviderId } from '../../../src-main/providers/catalog-types'
import type { ModelType } from '../../../src-preload/contract/models-shared'

// Real model ids as the providers list them: [id, provider, expected type].
const TABLE: Array<[string, ProviderId, ModelType]> = [
  // OpenAI
  ['gpt-4o-mini', 'openai', 'language'],
  ['gpt-4.1', 'openai', 'language'],
  ['o3-mini', 'openai', 'language'],
  ['gpt-4o-audio-preview', 'openai', 'language'],
  ['chatgpt-4o-latest', 'openai', 'language'],
  ['text-embedding-3-small', 'openai', 'embedding'],
  ['text-embedding-3-large', 'openai', 'embedding'],
  ['text-embedding-ada-002', 'openai', 'embedding'],
  ['whisper-1', 'openai', 'speech_to_text'],
  ['gpt-4o-transcribe', 'openai', 'speech_to_text'],
  ['gpt-4o-mini-transcribe', 'openai', 'speech_to_text'],
  ['tts-1', 'openai', 'text_to_speech'],
  ['tts-1-hd', 'openai', 'text_to_speech'],
  ['gpt-4o-mini-tts', 'openai', 'text_to_speech'],
  // Google Gemini (TTS models are text_to_speech, not language)
  ['gemini-2.5-flash', 'google', 'language'],
  ['gemini-flash-latest', 'google', 'language'],
  ['gemini-2.5-flash-preview-tts', 'google', 'text_to_speech'],
  ['gemini-2.5-pro-preview-tts', 'google', 'text_to_speech'],
  ['gemini-embedding-001', 'google', 'embedding'],
  ['text-embedding-004', 'google', 'embedding'],
  ['text-multilingual-embedding-002', 'vertex', 'embedding'],
  ['gemma-3-27b-it', 'google', 'language'],
  // Groq
  ['llama-3.1-8b-instant', 'groq', 'language'],
  ['whisper-large-v3-turbo', 'groq', 'speech_to_text'],
  ['distil-whisper-large-v3-en', 'groq', 'speech_to_text'],
  ['playai-tts', 'groq', 'text_to_speech'],
  ['canopylabs/orpheus-v1-english', 'groq', 'text_to_speech'],
  ['moonshotai/kimi-k2-instruct', 'groq', 'language'],
  // Mistral
  ['mistral-small-latest', 'mistral', 'language'],
  ['mistral-embed', 'mistral', 'embedding'],
  ['codestral-embed', 'mistral', 'embedding'],
  ['voxtral-mini-latest', 'mistral', 'speech_to_text'],
  ['voxtral-mini-2507', 'mistral', 'speech_to_text'],
  ['voxtral-mini-tts', 'mistral', 'text_to_speech'],
  // DeepSeek, xAI, MiniMax, DashScope, Novita
  ['deepseek-chat', 'deepseek', 'language'],
  ['deepseek-reasoner', 'deepseek', 'language'],
  ['grok-3-mini', 'xai', 'language'],
  ['MiniMax-M2', 'minimax', 'language'],
  ['speech-02-hd', 'minimax', 'text_to_speech'],
  ['qwen-plus', 'dashscope', 'language'],
  ['text-embedding-v4', 'dashscope', 'embedding'],
  ['qwen3-tts-flash', 'dashscope', 'text_to_speech'],
  ['qwen3-asr-flash', 'dashscope', 'speech_to_text'],
  ['meta-llama/llama-3.1-8b-instruct', 'novita', 'language'],
  // OpenRouter ids carry a vendor prefix
  ['openai/gpt-4o-mini', 'openrouter', 'language'],
  ['amazon/nova-pro-v1', 'openrouter', 'language'],
  ['openai/whisper-1', 'openrouter', 'speech_to_text'],
  ['openai/text-embedding-3-small', 'openrouter', 'embedding'],
  ['qwen/qwen3-embedding-8b', 'openrouter', 'embedding'],
  // Cohere, Voyage
  ['command-a-03-2025', 'cohere', 'language'],
  ['embed-english-v3.0', 'cohere', 'embedding'],
  ['embed-v4.0', 'cohere', 'embedding'],
  ['voyage-3.5', 'voyage', 'embedding'],
  ['voyage-code-3', 'voyage', 'embedding'],
  // ElevenLabs, Deepgram
  ['eleven_multilingual_v2', 'elevenlabs', 'text_to_speech'],
  ['eleven_flash_v2_5', 'elevenlabs', 'text_to_speech'],
  ['scribe_v1', 'elevenlabs', 'speech_to_text'],
  ['aura-2-thalia-en', 'deepgram', 'text_to_speech'],
  ['aura-asteria-en', 'deepgram', 'text_to_speech'],
  ['nova-3', 'deepgram', 'speech_to_text'],
  ['nova-2', 'deepgram', 'speech_to_text'],
  // Ollama (embedding models served locally)
  ['llama3.2:3b', 'ollama', 'language'],
  ['qwen2.5:7b-instruct', 'ollama', 'language'],
  ['nomic-embed-text:latest', 'ollama', 'embedding'],
  ['mxbai-embed-large', 'ollama', 'embedding'],
  ['snowflake-arctic-embed:335m', 'ollama', 'embedding'],
  ['qwen3-embedding:0.6b', 'ollama', 'embedding'],
  ['bge-m3', 'ollama', 'embedding'],
  ['all-minilm:l6-v2', 'ollama', 'embedding'],
  ['embeddinggemma', 'ollama', 'embedding'],
  ['granite-embedding:278m', 'ollama', 'embedding'],
  ['paraphrase-multilingual', 'ollama', 'embedding'],
  // OpenAI-compatible servers (vLLM, llama.cpp, LM Studio, Speaches, oMLX)
  ['BAAI/bge-large-en-v1.5', 'openai_compatible', 'embedding'],
  ['intfloat/multilingual-e5-large', 'openai_compatible', 'embedding'],
  ['Alibaba-NLP/gte-Qwen2-7B-instruct', 'openai_compatible', 'embedding'],
  ['nomic-embed-text-v1.5', 'openai_compatible', 'embedding'],
  ['text-embedding-nomic-embed-text-v1.5', 'lmstudio', 'embedding'],
  ['Systran/faster-whisper-small', 'openai_compatible', 'speech_to_text'],
  ['nvidia/parakeet-tdt-0.6b-v2', 'openai_compatible', 'speech_to_text'],
  ['hexgrad/Kokoro-82M', 'openai_compatible', 'text_to_speech'],
  ['mlx-community/Qwen3-30B-A3B-4bit', 'omlx', 'language'],
  ['Qwen/Qwen2.5-7B-Instruct', 'openai_compatible', 'language'],
]

describe('classifyByName', () => {
  it('has a table of at least 60 real model ids', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60)
  })

  it.each(TABLE)('%s (%s) → %s', (name, provider, type) => {
    expect(classifyByName(name, provider)).toBe(type)
  })

  it('is case-insensitive and ignores surrounding space', () => {
    expect(classifyByName('  Text-Embedding-3-Small ')).toBe('embedding')
  })

  it('keeps Deepgram-only words to Deepgram', () => {
    expect(classifyByName('nova-3')).toBe('language')
    expect(classifyByName('nova-3', 'deepgram')).toBe('speech_to_text')
  })

  it('falls back to language for unknown names', () => {
    expect(classifyByName('some-new-model-x')).toBe('language')
  })
})

describe('excludedKind', () => {
  it.each([
    ['rerank-2.5', 'rerank'],
    ['rerank-v3.5', 'rerank'],
    ['jina-reranker-v2-base-multilingual', 'rerank'],
    ['omni-moderation-latest', 'moderation'],
    ['mistral-moderation-latest', 'moderation'],
    ['dall-e-3', 'image'],
    ['gpt-image-1', 'image'],
    ['imagen-4.0-generate-001', 'image'],
    ['black-forest-labs/flux-1-schnell', 'image'],
    ['sora-2', 'video'],
    ['veo-3.0-generate-001', 'video'],
  ])('%s → %s', (name, kind) => {
    expect(excludedKind(name)).toBe(kind)
  })

  it('leaves inference models alone', () => {
    for (const name of ['gpt-4o-mini', 'voyage-3.5', 'whisper-1', 'deepgram/flux-general-en']) {
      expect(excludedKind(name)).toBeNull()
    }
  })

  it('never types a voyage rerank model as embedding', () => {
    expect(classifyByName('rerank-2.5-lite', 'voyage')).toBe('language')
  })
})
