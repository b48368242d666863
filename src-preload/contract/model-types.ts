/**
 * The four model types of DESIGN §3 as plain data, without zod: the CLI's entry validates a
 * `--type` with it before any schema library is loaded (issue 17); `ModelType` is built from it.
 */
export const MODEL_TYPE_NAMES = [
  'language',
  'embedding',
  'text_to_speech',
  'speech_to_text',
] as const

export type ModelTypeName = (typeof MODEL_TYPE_NAMES)[number]

export const isModelTypeName = (value: string): value is ModelTypeName =>
  (MODEL_TYPE_NAMES as readonly string[]).includes(value)

/**
 * Each type's camelCase key: DESIGN §3 spells per-type fields that way (`endpoints.textToSpeech`,
 * the `textToSpeech` default slot, `default:textToSpeech`), and the UI's i18n keys follow it.
 * This is the one table between the two spellings; nothing else restates it (issue 13).
 */
export const MODEL_TYPE_KEYS = {
  language: 'language',
  embedding: 'embedding',
  text_to_speech: 'textToSpeech',
  speech_to_text: 'speechToText',
} as const satisfies Record<ModelTypeName, string>

export type ModelTypeKey = (typeof MODEL_TYPE_KEYS)[ModelTypeName]

/** The default slot a model of this type fills first: chat for language, else its own key. */
export const slotOfType = (type: ModelTypeName): 'chat' | Exclude<ModelTypeKey, 'language'> => {
  const key = MODEL_TYPE_KEYS[type]
  return key === 'language' ? 'chat' : key
}
