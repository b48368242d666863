/**
 * What the store file holds (DESIGN §3), at the current schema version. The store module owns
 * reading, locking, atomic writes and migrations; everyone else reads and updates through the
 * Store interface below.
 */
import type { ModelType } from '../../src-preload/contract/models-shared'
import type { TestCode } from '../../src-preload/contract/errors'
import type { ProviderId } from '../providers/catalog-types'

export const SCHEMA_VERSION = 1

/** A secret field as stored: `v1.<base64 iv|tag|ciphertext>` (DESIGN §4). */
export type SealedSecret = string

export interface StoredCredential {
  id: string
  provider: ProviderId
  name: string
  baseUrl: string | null
  endpoint: string | null
  apiVersion: string | null
  endpoints: Partial<
    Record<'language' | 'embedding' | 'speechToText' | 'textToSpeech', string>
  > | null
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

export const DEFAULT_SLOTS = [
  'chat',
  'embedding',
  'textToSpeech',
  'speechToText',
  'transformation',
  'tools',
  'largeContext',
] as const
export type DefaultSlot = (typeof DEFAULT_SLOTS)[number]

/** Model id per slot; null = empty. `cleared` remembers slots the user emptied on purpose. */
export interface StoredDefaults {
  slots: Record<DefaultSlot, string | null>
  cleared: DefaultSlot[]
}

export interface LastTestResult {
  code: TestCode
  message: string
  at: string
  latencyMs: number
}

export interface StoredSettings {
  language: string | null
  theme: 'system' | 'light' | 'dark'
  /** Extra local-server targets the user added (a LAN box), as base URLs. */
  localTargets: string[]
}

export interface StoreData {
  schemaVersion: number
  /** Per-install salt (base64) for the passphrase source's scrypt. */
  salt: string
  /** Key-check value: a known plaintext sealed with the master key (tells wrong key from corrupt). */
  keyCheck: SealedSecret | null
  /** Which master-key source sealed the data ('env' | 'keychain' | 'safeStorage'). */
  keySource: string | null
  credentials: StoredCredential[]
  models: StoredModel[]
  defaults: StoredDefaults
  lastTests: Record<string, LastTestResult>
  settings: StoredSettings
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
}
