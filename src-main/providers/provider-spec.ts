/**
 * The shape of one provider entry in the catalog (DESIGN §5): what an entry holds, so every
 * consumer (forms, CLI flags, migration, env export, adapters, docs) reads the same fields.
 * The entries live in entries/*.ts, the table in catalog-table.ts, the lookups in catalog.ts.
 */
import type { CredentialField } from '../../src-preload/contract/credentials'
import type { ModelType } from '../../src-preload/contract/models-shared'

// The form fields are part of the IPC contract (the renderer's forms render them).
export type { CredentialField }

export interface FieldSpec {
  field: CredentialField
  required: boolean
  /** Placeholder shown in the form / default filled by the CLI. */
  placeholder?: string
  /** The only values the field takes (a select in the form; validated by main). */
  choices?: readonly FieldChoice[]
}

/** One allowed value of a field with choices (DashScope's regions). */
export interface FieldChoice {
  value: string
  label: string
  /** Where a key for this choice is made (a regional provider's key page). */
  docsUrl?: string
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

/**
 * How a provider's text-to-speech model test asks for a clip. Providers name their own voices
 * (Groq refuses OpenAI's `alloy`), and two of them have their own route and answer:
 * - `openai`: `POST {root}/audio/speech {model, input, voice}` → audio bytes;
 * - `xai`: `POST {root}/tts {text, voice_id, language, output_format}` → audio bytes
 *   (docs.x.ai/developers/model-capabilities/audio/text-to-speech);
 * - `mistral`: `POST {root}/audio/speech {model, input, voice_id}` → JSON `{audio_data}` in
 *   base64 (docs.mistral.ai/studio/audio/text-to-speech/generate-speech).
 */
export interface SpeechSpec {
  route: 'openai' | 'xai' | 'mistral'
  voice: string
  /** Models that speak with other voices than `voice` (Groq's Arabic Orpheus). */
  voiceByModel?: Record<string, string>
}

/**
 * A region of a provider whose keys only work in their own region (DashScope): the region picks
 * the base URL and the page where its keys are made. Stored in the credential's `location`.
 */
export interface RegionSpec {
  id: string
  /** English name (the UI translates `apiKeys.region.<id>`). */
  label: string
  baseUrl: string
  docsUrl: string
}

/**
 * One provider as the table declares it. `id` is a plain string here; catalog-table.ts derives
 * `ProviderId` from the ids the table holds and narrows `CatalogEntry.id` to it.
 */
export interface ProviderSpec {
  id: string
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
  /** The text-to-speech model test's route and voice (providers that serve text_to_speech). */
  speech?: SpeechSpec
  /** Where the audio endpoints live when that is not the API root (PPQ: `https://ppq.ai/api/v1`). */
  audioBaseUrl?: string
  /** Regional endpoints; the first is the default (keys do not work across regions). */
  regions?: RegionSpec[]
}
