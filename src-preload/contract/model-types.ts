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
