/**
 * Name rules: the fallback that types a model when the provider's API says nothing about it
 * (DESIGN §5). Rules are tried in table order; the first match wins; no match → language.
 *
 * Decisions (docs): rerank, moderation, image- and video-generation models fit none of the four
 * types, so `excludedKind` names them and discovery leaves them out of the list (a person can
 * still add one by name). Gemini `*-tts` models are text_to_speech, not language.
 */
import type { ModelType } from '../../src-preload/contract/models-shared'
import type { ProviderId } from './catalog-types'

/** The shape of the name rules, so callers (local detection) can be handed other rules in tests. */
export type ClassifyByName = (name: string, provider?: ProviderId) => ModelType

interface Rule {
  type: ModelType
  test: RegExp
  /** Only for these providers (a word like "nova" means STT at Deepgram, chat at Amazon). */
  only?: ProviderId[]
}

// A token boundary: start/end or any non-alphanumeric character (-, _, /, :, .).
const B = '(?:^|[^a-z0-9])'
const E = '(?:$|[^a-z0-9])'

const RULES: Rule[] = [
  // Unmistakable speech-to-text names first.
  { type: 'speech_to_text', test: /whisper|transcri|speech-?to-?text|speech2text|scribe/ },
  { type: 'speech_to_text', test: new RegExp(`${B}(stt|asr)${E}`) },
  { type: 'speech_to_text', test: /parakeet|paraformer|sensevoice/ },
  // Text-to-speech.
  { type: 'text_to_speech', test: new RegExp(`${B}tts${E}|text-?to-?speech|${B}speech${B}`) },
  { type: 'text_to_speech', test: /^speech-\d|^eleven_|(?:^|\/)aura-|kokoro|orpheus|cosyvoice/ },
  // Weaker speech-to-text hints (after TTS so `voxtral-mini-tts` stays TTS).
  { type: 'speech_to_text', test: /voxtral/ },
  { type: 'speech_to_text', test: /^(nova|enhanced|base)(-|$)/, only: ['deepgram'] },
  // Embeddings.
  { type: 'embedding', test: /embed/ },
  { type: 'embedding', test: new RegExp(`${B}(bge|gte|e5)(?:[-_:]|$)`) },
  { type: 'embedding', test: /^voyage-(?!.*rerank)|all-minilm|paraphrase-multilingual/ },
]

type ExcludedKind = 'rerank' | 'moderation' | 'image' | 'video'

const EXCLUDED: Array<{ kind: ExcludedKind; test: RegExp }> = [
  { kind: 'rerank', test: /rerank/ },
  { kind: 'moderation', test: /moderation/ },
  {
    kind: 'image',
    test: /dall-e|gpt-image|imagen|stable-diffusion|sdxl|midjourney|(?:^|\/)flux[-.]?(?:\d|pro|dev|schnell|kontext)/,
  },
  { kind: 'video', test: /(?:^|\/)sora|(?:^|\/)veo-/ },
]

/** The type a model's name suggests; `provider` enables provider-specific rules. */
export function classifyByName(name: string, provider?: ProviderId): ModelType {
  const n = name.trim().toLowerCase()
  for (const rule of RULES) {
    if (rule.only && (!provider || !rule.only.includes(provider))) continue
    if (rule.test.test(n)) return rule.type
  }
  return 'language'
}

/** Rerank / moderation / image / video models: none of the four types fits them. */
export function excludedKind(name: string): ExcludedKind | null {
  const n = name.trim().toLowerCase()
  return EXCLUDED.find((x) => x.test.test(n))?.kind ?? null
}
