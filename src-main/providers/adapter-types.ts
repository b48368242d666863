/**
 * What every provider adapter implements (DESIGN §5). An adapter speaks one API shape; the
 * catalog says which one a provider uses. Adapters get a decrypted credential handed in and a
 * guarded fetch; they never import the store or the vault.
 */
import type { ErrorParams, TestCode } from '../../src-preload/contract/errors'
import type { ModelType, ModelTypeKey } from '../../src-preload/contract/models-shared'
import type { CatalogEntry, ProviderId } from './catalog-types'
import type { Limits } from './limits'

/** A credential with its secrets decrypted, as adapters see it. Never leaves main. */
export interface DecryptedCredential {
  id: string
  provider: ProviderId
  name: string
  baseUrl?: string | null
  endpoint?: string | null
  apiVersion?: string | null
  endpoints?: Partial<Record<ModelTypeKey, string>> | null
  project?: string | null
  location?: string | null
  credentialsPath?: string | null
  numCtx?: number | null
  apiKey?: string | null
  serviceAccountJson?: string | null
  /** The user confirmed sending this key over plain http to a non-loopback host (DESIGN §7). */
  allowInsecureHttp?: boolean
}

/**
 * fetch through the network guard (src-main/net): URL guard, DNS pinning, proxy, timeout,
 * abort. Fails with AppError codes `url_blocked`, `network` (params.reason: refused | dns |
 * tls | reset), `timeout` or `cancelled` instead of raw errors.
 */
export type GuardedFetch = (
  url: string | URL,
  init?: RequestInit & {
    /** Per-request timeout in ms (default 10 000); 0 with a signal: the caller's signal is the only deadline. */
    timeoutMs?: number
    /** Carries a secret: refuse plain http to a non-loopback host unless allowed (DESIGN §7). */
    sendsSecret?: boolean
    allowInsecureHttp?: boolean
  },
) => Promise<Response>

export interface AdapterContext {
  entry: CatalogEntry
  fetch: GuardedFetch
  signal?: AbortSignal
  /** The bundled speech clip (16 kHz mono WAV, assets/audio/stt-test.wav) for speech_to_text tests. */
  sttClip?: () => Promise<Buffer>
}

/** The result of a connection test: a code, an informative English message and a fix hint. */
export interface TestOutcome {
  code: TestCode
  message: string
  /** What to do about it (translated in the UI by code + params; this is the English text). */
  hint?: string
  params?: ErrorParams
  /** Extra facts worth showing: how many models the key sees, remaining credit. */
  details?: { modelCount?: number; credit?: number | null }
  /** Rate-limit / quota signals of the test call (headers, a balance endpoint). */
  limits?: Limits
}

/** One model a provider lists, with the type from the API's metadata or the name rules. */
export interface DiscoveredModel {
  name: string
  type: ModelType
  /** Where the type came from: the API's own metadata, a name rule, or the catalog's static list. */
  typeSource: 'api' | 'name' | 'static'
  displayName?: string
  contextLength?: number
  sizeBytes?: number
  loaded?: boolean
}

export interface ModelTestOutcome {
  ok: boolean
  code: TestCode
  message: string
  /** language: the reply; embedding: dimensions; tts: bytes (and the clip); stt: transcript. */
  result?: {
    reply?: string
    dimensions?: number
    bytes?: number
    transcript?: string
    /** The generated clip (main only: the verification check checks and sends it; models:test drops it). */
    audio?: { mime: string; data: Uint8Array }
  }
  latencyMs?: number
}

export interface ProviderAdapter {
  /** The cheapest authenticated call that proves the credential works. Never throws. */
  test(cred: DecryptedCredential, ctx: AdapterContext): Promise<TestOutcome>
  /** Every model the credential can use, following pagination. Throws AppError on failure. */
  discover(cred: DecryptedCredential, ctx: AdapterContext): Promise<DiscoveredModel[]>
  /** Exercises one model by its type (DESIGN §5). Never throws. */
  modelTest(
    cred: DecryptedCredential,
    model: { name: string; type: ModelType },
    ctx: AdapterContext,
  ): Promise<ModelTestOutcome>
}
