/**
 * The frame of an adapter for a provider reached with one API key over plain HTTP (Anthropic,
 * Google AI, Cohere, Voyage, Deepgram, ElevenLabs): the root and key are resolved once per call
 * (a missing one is the not_configured outcome, thrown by discovery, a failed model test), and
 * the provider's parts get a session whose calls carry its auth header, body rule and secrets.
 * Each adapter then says only what is its own: endpoints, auth header, body rule, metadata.
 */
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import { fetchBytes, fetchJson, throwOutcome, type Answer, type CallSpec } from './http'
import { headersWith, postJson, resolveRoot } from './api-request'
import { probe } from './probe'
import { isOutcome, modelTestByType, type TypeRunners } from './model-test'
import { notConfigured, type FailureFacts } from './outcome'
import { type BodyRule } from './failure-code'

/** One credential's calls to a keyed provider. */
export interface KeyedSession {
  root: string
  key: string
  ctx: AdapterContext
  /** The auth header(s), a JSON accept, then `extra`. */
  headers(extra?: Record<string, string>): Record<string, string>
  /** A GET of `url` with the auth headers. */
  get(url: string): CallSpec
  /** A JSON POST of `payload` to `url` with the auth headers (and `extra`). */
  post(url: string, payload: unknown, timeoutMs?: number, extra?: Record<string, string>): CallSpec
  /** One JSON call: non-2xx → AppError (through the body rule), body checked by `isShape`. */
  json<T>(spec: CallSpec, isShape: (j: unknown) => j is T): Promise<T>
  /** One binary (audio) call. */
  bytes(spec: CallSpec): Promise<Uint8Array>
  /** The connection test call: 2xx → `onOk`, else `onStatus` quirks, else the shared table. */
  probe(
    spec: CallSpec,
    onOk: (answer: Answer, facts: FailureFacts) => TestOutcome,
    onStatus?: (answer: Answer, facts: FailureFacts) => TestOutcome | null,
  ): Promise<TestOutcome>
}

/** What a keyed provider's adapter is made of. */
export interface KeyedProvider {
  /** Auth header(s) carrying the key. */
  auth: (key: string) => Record<string, string>
  /** The provider's error-body reader, applied to every call. */
  rule?: BodyRule
  /** Drop a version segment from the root (APIs that version per endpoint). */
  stripVersion?: boolean
  test(s: KeyedSession): Promise<TestOutcome>
  discover(s: KeyedSession): Promise<DiscoveredModel[]>
  /** The model test per type the provider serves, for one model. */
  modelTests(model: { name: string; type: ModelType }): TypeRunners<KeyedSession>
}

/** The session of one credential, or the not_configured outcome naming what is missing. */
function session(
  p: KeyedProvider,
  cred: DecryptedCredential,
  ctx: AdapterContext,
): KeyedSession | TestOutcome {
  const root = resolveRoot(cred, ctx.entry, { stripVersion: p.stripVersion ?? false })
  if (typeof root !== 'string') return root
  const key = cred.apiKey
  if (!key) return notConfigured(ctx.entry, 'no API key is set.')
  const secrets = [key]
  const headers = (extra: Record<string, string> = {}) => headersWith(p.auth(key), extra)
  return {
    root,
    key,
    ctx,
    headers,
    get: (url) => ({ url, headers: headers() }),
    post: (url, payload, timeoutMs, extra) => postJson(url, headers(extra), payload, timeoutMs),
    json: (spec, isShape) => fetchJson(ctx, cred, spec, secrets, isShape, p.rule),
    bytes: (spec) => fetchBytes(ctx, cred, spec, secrets, p.rule),
    probe: (spec, onOk, onStatus) =>
      probe(ctx, cred, spec, {
        secrets,
        ...(p.rule ? { rule: p.rule } : {}),
        onOk,
        ...(onStatus ? { onStatus } : {}),
      }),
  }
}

/** The ProviderAdapter of a keyed provider. */
export function keyedAdapter(p: KeyedProvider): ProviderAdapter {
  return {
    async test(cred, ctx) {
      const s = session(p, cred, ctx)
      return isOutcome(s) ? s : p.test(s)
    },
    async discover(cred, ctx) {
      const s = session(p, cred, ctx)
      if (isOutcome(s)) throwOutcome(s)
      return p.discover(s)
    },
    async modelTest(cred, model, ctx) {
      const runners = p.modelTests(model)
      return modelTestByType(
        ctx,
        model.type,
        () => session(p, cred, ctx),
        (s) => [s.key],
        runners,
      )
    },
  }
}
