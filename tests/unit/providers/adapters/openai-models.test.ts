/**
 * One entry of an OpenAI-shaped `/models` listing read into a DiscoveredModel
 * (src-main/providers/adapters/openai-models.ts): the API's own metadata first — OpenRouter's
 * `architecture.output_modalities` (openrouter.ai/docs/api_reference/models), Mistral's
 * `capabilities` (docs.mistral.ai/api/#tag/models) — then the name rules; models that are none
 * of the four types are left out; display names and context lengths carried over.
 */
import { describe, expect, it } from 'vitest'
import {
  toDiscovered,
  type ListedModel,
} from '../../../../src-main/providers/adapters/openai-models'

const openrouter = (id: string, output: unknown, input: unknown = ['text']) =>
  toDiscovered(
    { id, architecture: { input_modalities: input, output_modalities: output } },
    'openrouter',
    'openrouter',
  )
const mistral = (id: string, capabilities: Record<string, boolean>) =>
  toDiscovered({ id, capabilities }, 'mistral', 'mistral')

describe('OpenRouter output_modalities', () => {
  it.each([
    [['embeddings'], 'embedding'],
    [['speech'], 'text_to_speech'],
    [['transcription'], 'speech_to_text'],
    [['audio'], 'text_to_speech'], // audio out and no text: speech
    [['text', 'audio'], 'language'], // a chat model that also answers in audio
    [['TEXT'], 'language'],
  ])('%j is %s, from the API', (output, type) => {
    expect(openrouter('vendor/some-model', output)).toMatchObject({ type, typeSource: 'api' })
  })

  it('leaves image and video generators out', () => {
    expect(openrouter('vendor/painter', ['image'])).toBeNull()
    expect(openrouter('vendor/film', ['video'])).toBeNull()
  })

  it('calls a text-out model taking audio in a transcriber only when its name says so', () => {
    expect(openrouter('openai/whisper-1', ['text'], ['audio'])).toMatchObject({
      type: 'speech_to_text',
      typeSource: 'api',
    })
    expect(openrouter('openai/gpt-4o-audio-preview', ['text'], ['text', 'audio'])).toMatchObject({
      type: 'language',
    })
  })

  it('falls back to the name rules without modalities', () => {
    expect(
      toDiscovered({ id: 'openai/text-embedding-3-small' }, 'openrouter', 'openrouter'),
    ).toMatchObject({ type: 'embedding', typeSource: 'name' })
    expect(openrouter('vendor/x', [])).toMatchObject({ typeSource: 'name' })
    expect(openrouter('vendor/x', 'text')).toMatchObject({ typeSource: 'name' })
  })
})

describe('Mistral capabilities', () => {
  it('reads a transcription-only model as speech_to_text', () => {
    expect(mistral('voxtral-mini-transcribe', { audio_transcription: true })).toMatchObject({
      type: 'speech_to_text',
      typeSource: 'api',
    })
  })

  it('reads a chat model as language, and leaves OCR and moderation models out', () => {
    expect(mistral('mistral-large-latest', { completion_chat: true })).toMatchObject({
      type: 'language',
      typeSource: 'api',
    })
    expect(mistral('mistral-ocr-latest', { ocr: true })).toBeNull()
    expect(mistral('mistral-moderation-latest', { moderation: true })).toBeNull()
    expect(mistral('some-classifier', { classification: true })).toBeNull()
  })

  it('takes an embedding model by name when no chat capability is set', () => {
    expect(mistral('mistral-embed', {})).toMatchObject({ type: 'embedding', typeSource: 'api' })
  })
})

describe('toDiscovered', () => {
  it('forces a type when the listing is one of a single type', () => {
    expect(toDiscovered({ id: 'gpt-4o' }, 'openrouter', 'openrouter', 'embedding')).toMatchObject({
      type: 'embedding',
      typeSource: 'api',
    })
  })

  it('leaves out what the name rules exclude (rerank, moderation, images)', () => {
    expect(toDiscovered({ id: 'omni-moderation-latest' }, 'openai')).toBeNull()
    expect(toDiscovered({ id: 'dall-e-3' }, 'openai')).toBeNull()
  })

  it('carries a display name that differs from the id, and the first positive context length', () => {
    const m: ListedModel = {
      id: 'gpt-4o',
      name: 'GPT-4o',
      context_length: 0,
      context_window: -5,
      max_context_length: 128000,
      max_model_len: 4096,
    }
    expect(toDiscovered(m, 'openai')).toEqual({
      name: 'gpt-4o',
      type: 'language',
      typeSource: 'name',
      displayName: 'GPT-4o',
      contextLength: 128000,
    })
    expect(
      toDiscovered({ id: 'm', name: 'm', display_name: 'Other' }, 'openai'),
    ).not.toHaveProperty('displayName')
    expect(toDiscovered({ id: 'm', display_name: 'Shown' }, 'openai')?.displayName).toBe('Shown')
  })
})
