/** Small builders the provider groups share, so each entry states only what is its own. */
import type { CredentialField, EnvVars, FieldSpec, StaticModel } from '../provider-spec'
import type { ModelType } from '../../../src-preload/contract/models-shared'

export const ALL: ModelType[] = ['language', 'embedding', 'speech_to_text', 'text_to_speech']

export const optional = (field: CredentialField, placeholder?: string): FieldSpec =>
  placeholder ? { field, required: false, placeholder } : { field, required: false }
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

export const models = (type: ModelType, names: string[]): StaticModel[] =>
  names.map((name) => ({ name, type }))
