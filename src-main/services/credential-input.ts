/**
 * Validation of credential input against the provider's catalog entry: which fields the
 * provider has, which are required, URL and number shapes. Bad input throws
 * AppError('validation', …, { field, reason }) before anything is written.
 */
import fs from 'node:fs'
import type { CredentialPatch } from '../../src-preload/contract/credentials'
import { AppError } from '../errors'
import type { CatalogEntry, CredentialField } from '../providers/catalog-types'
import type { StoredCredential } from '../store/schema'

/** Plain (non-secret) stored fields, each with the catalog field that enables it. */
export const PLAIN_FIELDS = [
  'baseUrl',
  'endpoint',
  'apiVersion',
  'project',
  'location',
  'credentialsPath',
  'numCtx',
] as const satisfies readonly (keyof StoredCredential & CredentialField)[]
export type PlainField = (typeof PLAIN_FIELDS)[number]

/** `endpoints.<modality>` ↔ the catalog's per-modality endpoint fields. */
export const ENDPOINT_FIELDS = {
  language: 'endpointLanguage',
  embedding: 'endpointEmbedding',
  speechToText: 'endpointSpeechToText',
  textToSpeech: 'endpointTextToSpeech',
} as const satisfies Record<string, CredentialField>
export type EndpointModality = keyof typeof ENDPOINT_FIELDS

const URL_FIELDS = new Set<string>(['baseUrl', 'endpoint'])
const MAX_SERVICE_ACCOUNT_BYTES = 64 * 1024

/** A validation failure naming the field. */
export const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation', message, { field, reason })

/** True when the provider's form has this field. */
export function hasField(entry: CatalogEntry, field: CredentialField): boolean {
  return entry.fields.some((f) => f.field === field)
}

/** Trims text; empty becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const t = value.trim()
  return t === '' ? null : t
}

/** Checks an http(s) URL without credentials in it; returns it without trailing slashes. */
export function cleanUrl(field: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalid(field, 'invalid_url', `${field} is not a valid URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(field, 'invalid_scheme', `${field} must start with http:// or https://.`)
  }
  if (url.username || url.password) {
    throw invalid(field, 'credentials_in_url', `${field} must not contain a user name or password.`)
  }
  return value.replace(/\/+$/, '')
}

/** Validates one plain field's new value for this provider; null clears it. */
export function cleanPlain(
  entry: CatalogEntry,
  field: PlainField,
  value: string | number | null,
): string | number | null {
  if (value === null || value === '') return null
  if (!hasField(entry, field)) {
    throw invalid(field, 'not_supported', `${entry.displayName} credentials have no ${field}.`)
  }
  if (field === 'numCtx') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw invalid(field, 'invalid_number', 'numCtx must be a positive whole number.')
    }
    return value
  }
  const text = cleanText(String(value))
  if (text === null) return null
  return URL_FIELDS.has(field) ? cleanUrl(field, text) : text
}

/** Validates the per-modality endpoints; returns null when none is left. */
export function cleanEndpoints(
  entry: CatalogEntry,
  current: StoredCredential['endpoints'],
  patch: CredentialPatch['endpoints'],
): StoredCredential['endpoints'] {
  if (patch === undefined) return current
  if (patch === null) return null
  const next: Partial<Record<EndpointModality, string>> = { ...(current ?? {}) }
  for (const [modality, field] of Object.entries(ENDPOINT_FIELDS) as [
    EndpointModality,
    CredentialField,
  ][]) {
    const value = patch[modality]
    if (value === undefined) continue
    const text = cleanText(value)
    if (text === null) {
      delete next[modality]
      continue
    }
    if (!hasField(entry, field)) {
      throw invalid(field, 'not_supported', `${entry.displayName} credentials have no ${field}.`)
    }
    next[modality] = cleanUrl(field, text)
  }
  return Object.keys(next).length ? next : null
}

/** Reads and checks a service-account file (Vertex) so its content can be stored encrypted. */
export function readServiceAccountFile(file: string): string {
  let text: string
  try {
    const st = fs.statSync(file)
    if (!st.isFile() || st.size > MAX_SERVICE_ACCOUNT_BYTES) throw new Error('size')
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw invalid('credentialsPath', 'unreadable', 'The service-account file could not be read.')
  }
  return checkServiceAccountJson(text, 'credentialsPath')
}

/** Checks that a service-account document is a JSON object. */
export function checkServiceAccountJson(text: string, field = 'serviceAccountJson'): string {
  try {
    const doc = JSON.parse(text) as unknown
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) return text
  } catch {
    // fall through
  }
  throw invalid(field, 'invalid_json', 'The service-account file is not a JSON object.')
}

/** Fails when a required field of the provider is missing on the finished credential. */
export function checkRequired(entry: CatalogEntry, cred: StoredCredential): void {
  for (const spec of entry.fields) {
    if (!spec.required) continue
    const f = spec.field
    const present =
      f === 'apiKey'
        ? Boolean(cred.secrets.apiKey)
        : f in ENDPOINT_FIELDS_BY_FIELD
          ? Boolean(cred.endpoints?.[ENDPOINT_FIELDS_BY_FIELD[f] as EndpointModality])
          : cred[f as PlainField] !== null && cred[f as PlainField] !== undefined
    if (!present) throw invalid(f, 'required', `${f} is required for ${entry.displayName}.`)
  }
}

const ENDPOINT_FIELDS_BY_FIELD: Record<string, string> = Object.fromEntries(
  Object.entries(ENDPOINT_FIELDS).map(([m, f]) => [f, m]),
)
