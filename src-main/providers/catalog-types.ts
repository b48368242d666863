/**
 * The shape of one provider entry in the catalog (DESIGN §5). The catalog table itself lives in
 * catalog.ts; this file only says what an entry holds, so every consumer (forms, CLI flags,
 * migration, env export, adapters, docs) reads the same fields.
 */
import type { CredentialField } from '../../src-preload/contract/credentials'
import type { ModelType } from '../../src-preload/contract/models-shared'

export type ProviderId =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'groq'
  | 'mistral'
  | 'deepseek'
  | 'xai'
  | 'openrouter'
  | 'dashscope'
  | 'minimax'
  | 'novita'
  | 'ppq'
  | 'cohere'
  | 'voyage'
  | 'elevenlabs'
  | 'deepgram'
  | 'ollama'
  | 'omlx'
  | 'azure'
  | 'vertex'
  | 'openai_compatible'
  | 'anthropic_compatible'
  | 'lmstudio'

// The form fields are part of the IPC contract (the renderer's forms render them).
export type { CredentialField }

export interface FieldSpec {
  field: CredentialField
  required: boolean
  /** Placeholder shown in the form / default filled by the CLI. */
  placeholder?: string
}

/** Which adapter speaks this provider's API. */
export type ApiShape =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'azure'
  | 'vertex'
  | 'cohere'
  | 'voyage'
  | 'elevenlabs'
  | 'deepgram'
  | 'ollama'
  | 'lmstudio'

/** How discovery lists a provider's models. */
export type DiscoveryKind =
  | 'api' // the provider's listing endpoint
  | 'static' // no listing API: `staticModels` below
  | 'deployments' // Azure: deployments, not base models

export interface StaticModel {
  name: string
  type: ModelType
}

export interface EnvVars {
  /** All of these must be set to import a credential. */
  required: string[]
  /** At least one of these must be set (e.g. GOOGLE_API_KEY | GEMINI_API_KEY). */
  anyOf?: string[]
  /** Read when present. */
  optional?: string[]
  /** Which credential field each variable fills. */
  map: Partial<Record<string, CredentialField>>
}

export interface CatalogEntry {
  id: ProviderId
  displayName: string
  modalities: ModelType[]
  envVars: EnvVars
  fields: FieldSpec[]
  /** The provider's own API root, including its version segment (e.g. https://api.openai.com/v1). */
  defaultBaseUrl: string | null
  /** "Get an API key" / docs page (https, shown in the UI and opened by openExternalSafe). */
  docsUrl: string
  /** A cheap model the model test uses when none is chosen. */
  testModel: string | null
  apiShape: ApiShape
  discovery: DiscoveryKind
  staticModels?: StaticModel[]
  /** A local server: no key needed, loopback base URLs expected. */
  local: boolean
  /** The URL path segment the API wants after the host (`/v1`, `/v1beta`), if any. */
  versionSegment?: string
}
