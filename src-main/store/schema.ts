/**
 * What the store file holds (DESIGN §3), at the current schema version. The store module owns
 * reading, locking, atomic writes and migrations; everyone else reads and updates through the
 * Store interface below.
 */
import type { ModelType, ModelTypeKey } from '../../src-preload/contract/models-shared'
import type { TestCode } from '../../src-preload/contract/errors'
import type { TestLimits } from '../../src-preload/contract/credentials'
import type { ProviderId } from '../providers/catalog-types'
import type { DefaultSlotName } from '../../src-preload/contract/slot-names'
import type { ThemePreference } from '../../src-preload/contract/preferences'

export const SCHEMA_VERSION = 2

/** A secret field as stored: `v1.<base64 iv|tag|ciphertext>` (DESIGN §4). */
export type SealedSecret = string

export interface StoredCredential {
  id: string
  provider: ProviderId
  name: string
  baseUrl: string | null
  endpoint: string | null
  apiVersion: string | null
  endpoints: Partial<Record<ModelTypeKey, string>> | null
  project: string | null
  location: string | null
  credentialsPath: string | null
  numCtx: number | null
  /** Encrypted secret fields by name (`apiKey`, `serviceAccountJson`). */
  secrets: Partial<Record<'apiKey' | 'serviceAccountJson', SealedSecret>>
  /** The last 4 characters of the API key, kept for display without decrypting. */
  keyHint: string | null
  allowInsecureHttp: boolean
  isPrimary: boolean
  createdAt: string
  updatedAt: string
}

export interface StoredModel {
  id: string
  name: string
  provider: ProviderId
  type: ModelType
  credentialId: string
  createdAt: string
}

/** Model id per slot; null = empty. `cleared` remembers slots the user emptied on purpose. */
export interface StoredDefaults {
  slots: Record<DefaultSlotName, string | null>
  cleared: DefaultSlotName[]
}

export interface LastTestResult {
  code: TestCode
  message: string
  at: string
  latencyMs: number
  /** Rate-limit / quota signals of that test (absent in stores written before issue 12). */
  limits?: TestLimits | null
}

export interface StoredSettings {
  language: string | null
  theme: ThemePreference
  /** Extra local-server targets the user added (a LAN box), as base URLs. */
  localTargets: string[]
}

/** A gateway token (DESIGN §14): only its sha256 is kept; the token itself is shown once. */
export interface StoredGatewayToken {
  id: string
  name: string
  /** sha256 of the token (hex). Tokens are 256 random bits, so a plain hash is enough. */
  hash: string
  /** The last 4 characters, to tell tokens apart in lists. */
  hint: string
  /** Model names the token may use (as the client sends them); null = every model. */
  models: string[] | null
  /** Requests per minute; null = no limit. */
  rpm: number | null
  expiresAt: string | null
  createdAt: string
  lastUsedAt: string | null
}

/** Usage of one token with one model (the resolved `provider/name`). */
export interface GatewayUsageRow {
  tokenId: string
  /** The token's name, kept so usage of a revoked token still reads well. */
  name: string
  model: string
  requests: number
  errors: number
  inputTokens: number
  outputTokens: number
}

/** A credential's latest rate-limit state, read from the provider's response headers. */
export interface CredentialLimits {
  at: string
  requestsLimit: number | null
  requestsRemaining: number | null
  requestsReset: string | null
  tokensLimit: number | null
  tokensRemaining: number | null
  tokensReset: string | null
  /** Until when the gateway leaves this credential alone for a model after a 429 (ISO), if any. */
  retryAfterMs: number | null
}

export interface StoredGateway {
  /** Whether the app runs the gateway (off by default). */
  enabled: boolean
  port: number
  tokens: StoredGatewayToken[]
  usage: GatewayUsageRow[]
  limits: Record<string, CredentialLimits>
  /** Credentials the gateway stopped using after a 401/403, until they pass a test. */
  disabled: Record<string, { code: string; at: string }>
}

export const DEFAULT_GATEWAY_PORT = 8788

export interface StoreData {
  schemaVersion: number
  /** Per-install salt (base64) for the passphrase source's scrypt. */
  salt: string
  /** Key-check value: a known plaintext sealed with the master key (tells wrong key from corrupt). */
  keyCheck: SealedSecret | null
  /** Which master-key source sealed the data (a `KeySourceId`; kept as text so a newer one survives). */
  keySource: string | null
  credentials: StoredCredential[]
  models: StoredModel[]
  defaults: StoredDefaults
  lastTests: Record<string, LastTestResult>
  settings: StoredSettings
  /** The local gateway (DESIGN §14). */
  gateway: StoredGateway
}

/** A change a queued writer offers to the lock holder: a kind the appliers know, and its data. */
export interface StoreOp {
  kind: string
  payload: unknown
}

/**
 * How the store applies one kind of op. Pure rules over StoreData, owned by a service. `apply`
 * must be idempotent (an op applied twice, by a holder that died before answering and then by
 * its owner, changes the data once) and must throw only before it changes anything.
 */
export interface OpApplier<P = unknown, R = unknown> {
  /** The payload when it has this kind's shape, else null (the op is then never applied). */
  parse(payload: unknown): P | null
  /**
   * Applies the op: `{ result }` when done (JSON), null to leave it to its owner (it no longer
   * fits, e.g. sealed under another key); throws an AppError when the op fails for good.
   */
  apply(data: StoreData, payload: P): { result: R } | null
  /** A result read back from an outcome file, or null when it is not one this kind gives. */
  parseResult(result: unknown): R | null
}

/**
 * The store: every read-modify-write runs under a cross-process lock and is written atomically
 * (temp file, fsync, rename). `update`'s function gets a fresh copy read under the lock.
 */
export interface Store {
  /** The current data (re-read from disk when another process changed it). */
  read(): Promise<StoreData>
  /** Applies `fn` to the freshly read data under the lock and persists it; returns fn's value. */
  update<T>(fn: (data: StoreData) => T | Promise<T>): Promise<T>
  /** Makes ops of `kind` known: their owners may publish them, and a holder applies them. */
  register<P, R>(kind: string, applier: OpApplier<P, R>): void
  /**
   * Applies a registered op: like `update` with its applier, except that while it waits for the
   * lock the op is offered to the holder, who may apply it in its own write (group commit).
   * `done: false`: the applier left it (it no longer fits); nothing was written for it.
   */
  commit<R>(op: StoreOp): Promise<{ done: true; result: R } | { done: false }>
}
