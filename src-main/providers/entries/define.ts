/** Small builders the provider groups share, so each entry states only what is its own. */
import type { CredentialField, EnvVars, FieldSpec, StaticModel } from '../provider-spec'
import { MODEL_TYPE_NAMES } from '../../../src-preload/contract/model-types'
import type { ModelType } from '../../../src-preload/contract/models-shared'

/**
 * Where each model type stands when a provider's modalities are shown (the provider lists, the
 * providers doc): speech to text before text to speech, unlike the contract's list. Keyed by the
 * contract's types, so a new type fails the typecheck until it is placed here.
 */
export const MODALITY_ORDER = {
  language: 0,
  embedding: 1,
  speech_to_text: 2,
  text_to_speech: 3,
} as const satisfies Record<ModelType, number>

/** Every model type, in display order: the modalities of a provider that serves them all. */
export const ALL: ModelType[] = [...MODEL_TYPE_NAMES].sort(
  (a, b) => MODALITY_ORDER[a] - MODALITY_ORDER[b],
)

/** An optional credential field, with the placeholder its input shows. */
export const optional = (field: CredentialField, placeholder?: string): FieldSpec =>
  placeholder ? { field, required: false, placeholder } : { field, required: false }
/** A required credential field, with the placeholder its input shows. */
export const required = (field: CredentialField, placeholder?: string): FieldSpec =>
  placeholder ? { field, required: true, placeholder } : { field, required: true }

/** Key required, base URL an optional override (most cloud providers). */
export const keyAndOverride = (defaultBaseUrl: string): FieldSpec[] => [
  required('apiKey'),
  optional('baseUrl', defaultBaseUrl),
]

/** One required key variable filling `apiKey`, plus optional base-URL variables. */
export const keyEnv = (keyVar: string, baseVars: string[] = []): EnvVars => ({
  required: [keyVar],
  ...(baseVars.length ? { optional: baseVars } : {}),
  map: Object.fromEntries([[keyVar, 'apiKey'], ...baseVars.map((v) => [v, 'baseUrl'])]),
})

/** A provider's static model list: these names, all of one type. */
export const models = (type: ModelType, names: string[]): StaticModel[] =>
  names.map((name) => ({ name, type }))
