/**
 * THE validation of credential input (issue 11): every way in — IPC create / update, CLI
 * `add` / `update`, `migrate-env`, backup `import` — reaches the credentials service, which calls
 * `validateInput` here. It applies the field table's checks (src-preload/contract/
 * credential-fields.ts: kind, length, characters, URL shape, range), then what needs main: the
 * static URL guard (a blocked address is `url_blocked` at the door, nothing stored), the
 * provider's catalog entry (which fields it has, which it requires) and the service-account file.
 * Bad input throws AppError('validation' | 'url_blocked', …, { field, reason }) before anything
 * is written.
 */
import fs from 'node:fs'
import {
  CREDENTIAL_FIELDS,
  ENDPOINT_FIELDS,
  ENDPOINT_MODALITIES,
  PLAIN_FIELDS,
  checkField,
  type EndpointModality,
  type FieldDef,
  type FieldName,
  type FieldReason,
  type PlainFieldName,
  type SecretFieldName,
} from '../../src-preload/contract/credential-fields'
import { AppError } from '../errors'
import { checkUrl } from '../net/url-guard'
import type { CatalogEntry, CredentialField } from '../providers/catalog-types'
import type { StoredCredential } from '../store/schema'

export { ENDPOINT_FIELDS, PLAIN_FIELDS }
export type { EndpointModality, PlainFieldName as PlainField }

const MAX_SERVICE_ACCOUNT_BYTES = 64 * 1024

/** English text per reason (people read the translation of `reason`; the CLI prints this). */
const REASON_TEXT: Record<FieldReason | 'not_supported' | 'not_a_choice' | 'unreadable', string> = {
  required: 'is required',
  too_long: 'is too long',
  invalid_characters: 'contains characters it cannot hold (control, escape or direction codes)',
  invalid_url: 'is not a valid URL',
  invalid_scheme: 'must start with http:// or https://',
  credentials_in_url: 'must not contain a user name or password',
  invalid_number: 'must be a whole number',
  out_of_range: 'is out of range',
  invalid_json: 'is not a JSON object',
  not_supported: 'is not a field of this provider',
  not_a_choice: 'is not one of the values this provider offers',
  unreadable: 'could not be read',
}

/** A validation failure naming the field and its reason. */
export function invalid(
  field: string,
  reason: keyof typeof REASON_TEXT,
  params: Record<string, number> = {},
  detail = '',
): AppError {
  const limits =
    reason === 'too_long' && params.max !== undefined
      ? ` (at most ${params.max} characters)`
      : reason === 'out_of_range'
        ? ` (${params.min}–${params.max})`
        : ''
  return new AppError('validation', `${field} ${REASON_TEXT[reason]}${limits}${detail}.`, {
    field,
    reason,
    ...params,
  })
}

/** True when the provider's form has this field (or the field every credential has). */
export function hasField(entry: CatalogEntry, field: FieldName): boolean {
  const def: FieldDef = CREDENTIAL_FIELDS[field]
  if (def.always) return true
  const gate = (def.enabledBy ?? field) as CredentialField
  return entry.fields.some((f) => f.field === gate)
}

/** The table's check of one value, plus the static URL guard for URLs. Null = absent / cleared. */
export function cleanField(field: FieldName, raw: unknown): string | number | boolean | null {
  const r = checkField(field, raw)
  if (!r.ok) throw invalid(field, r.reason, r.params)
  if (typeof r.value === 'string' && CREDENTIAL_FIELDS[field].kind === 'url') {
    // The request-time guard stays (DNS, redirects); this refuses what no request could ever use.
    const guard = checkUrl(r.value)
    if (!guard.ok) {
      throw new AppError('url_blocked', `${field}: ${guard.message}`, {
        field,
        reason: guard.reason,
      })
    }
  }
  return r.value
}

/** Validated changes of one create / update / import, in the stored shape (secrets in clear). */
export interface CredentialChanges {
  /** Undefined: unchanged (update). */
  name?: string
  /** Only the fields the input named; null clears. */
  plain: Partial<Record<PlainFieldName, string | number | null>>
  /** Undefined: unchanged; null: all cleared; else per-modality (null clears that one). */
  endpoints?: Partial<Record<EndpointModality, string | null>> | null
  /** Secrets to set (string) or clear (null); absent: keep. */
  secrets: Partial<Record<SecretFieldName, string | null>>
  allowInsecureHttp?: boolean
}

/** What the input may look like: a create request, a patch, or a backup entry (unknown shape). */
export type RawInput = Record<string, unknown>

/**
 * Validates a create (`mode.create`) or an update of one provider's credential. For an update,
 * `storedPath` is the stored service-account path: re-sending it unchanged does not re-read the
 * file (the edit form sends every field back).
 */
export function validateInput(
  entry: CatalogEntry,
  input: RawInput,
  mode: {
    create: boolean
    storedPath?: string | null
    hasStoredAccount?: boolean
    /** False on import: a backup carries the service account itself; no local file is read. */
    readFiles?: boolean
  },
): CredentialChanges {
  const out: CredentialChanges = { plain: {}, secrets: {} }
  // name: required on create, never emptied by an update.
  if (mode.create || input.name !== undefined) {
    const name = cleanField('name', input.name)
    if (typeof name !== 'string') throw invalid('name', 'required')
    out.name = name
  }
  for (const field of PLAIN_FIELDS) {
    if (input[field] === undefined) continue
    const value = cleanField(field, input[field]) as string | number | null
    if (value !== null && !hasField(entry, field)) throw invalid(field, 'not_supported')
    const choices = entry.fields.find((s) => s.field === field)?.choices
    if (value !== null && choices && !choices.some((c) => c.value === value)) {
      throw invalid(field, 'not_a_choice', {}, ` (${choices.map((c) => c.value).join(', ')})`)
    }
    out.plain[field] = value
  }
  out.endpoints = cleanEndpoints(entry, input.endpoints)
  // Secrets: an empty value means "keep the stored one" (the edit form leaves the key blank);
  // null clears it.
  for (const field of ['apiKey', 'serviceAccountJson'] as const) {
    const raw = input[field]
    if (raw === undefined) continue
    if (raw === null) {
      out.secrets[field] = null
      continue
    }
    const value = cleanField(field, raw)
    if (value === null) continue
    if (!hasField(entry, field)) throw invalid(field, 'not_supported')
    out.secrets[field] = value as string
  }
  // Vertex: the file's content is imported and encrypted, so moving the file later breaks nothing.
  const path = out.plain.credentialsPath
  if (
    path !== undefined &&
    out.secrets.serviceAccountJson === undefined &&
    mode.readFiles !== false
  ) {
    const samePath = !mode.create && path === mode.storedPath && mode.hasStoredAccount
    if (!samePath)
      out.secrets.serviceAccountJson = path ? readServiceAccountFile(String(path)) : null
  }
  if (input.allowInsecureHttp !== undefined && input.allowInsecureHttp !== null) {
    out.allowInsecureHttp = cleanField('allowInsecureHttp', input.allowInsecureHttp) as boolean
  }
  return out
}

/** The per-modality endpoints of an input: undefined = unchanged, null = clear all. */
function cleanEndpoints(
  entry: CatalogEntry,
  raw: unknown,
): CredentialChanges['endpoints'] | undefined {
  if (raw === undefined) return undefined
  if (raw === null) return null
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('endpoints', 'invalid_url')
  const out: Partial<Record<EndpointModality, string | null>> = {}
  for (const [modality, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = ENDPOINT_FIELDS[modality as EndpointModality]
    if (!field) throw invalid(`endpoints.${modality.slice(0, 40)}`, 'not_supported')
    if (value === undefined) continue
    const url = cleanField(field, value) as string | null
    if (url !== null && !hasField(entry, field)) throw invalid(field, 'not_supported')
    out[modality as EndpointModality] = url
  }
  return out
}

/** Applies validated changes to a stored credential (plain fields and endpoints; not secrets). */
export function applyChanges(cred: StoredCredential, changes: CredentialChanges): void {
  if (changes.name !== undefined) cred.name = changes.name
  Object.assign(cred, changes.plain)
  if (changes.endpoints === null) cred.endpoints = null
  else if (changes.endpoints) {
    const next: Partial<Record<EndpointModality, string>> = { ...(cred.endpoints ?? {}) }
    for (const m of ENDPOINT_MODALITIES) {
      const v = changes.endpoints[m]
      if (v === undefined) continue
      if (v === null) delete next[m]
      else next[m] = v
    }
    cred.endpoints = Object.keys(next).length ? next : null
  }
  if (changes.allowInsecureHttp !== undefined) cred.allowInsecureHttp = changes.allowInsecureHttp
}

/** Reads and checks a service-account file (Vertex) so its content can be stored encrypted. */
export function readServiceAccountFile(file: string): string {
  let text: string
  try {
    const st = fs.statSync(file)
    if (!st.isFile() || st.size > MAX_SERVICE_ACCOUNT_BYTES) throw new Error('size')
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw invalid('credentialsPath', 'unreadable')
  }
  const r = checkField('serviceAccountJson', text)
  if (!r.ok || r.value === null) throw invalid('credentialsPath', 'invalid_json')
  return r.value as string
}

/** Fails when a required field of the provider is missing on the finished credential. */
export function checkRequired(entry: CatalogEntry, cred: StoredCredential): void {
  for (const spec of entry.fields) {
    if (!spec.required) continue
    const f = spec.field
    const def: FieldDef = CREDENTIAL_FIELDS[f]
    const present =
      def.storage === 'secret'
        ? Boolean(cred.secrets?.[f as SecretFieldName])
        : def.modality
          ? Boolean(cred.endpoints?.[def.modality])
          : cred[f as PlainFieldName] !== null && cred[f as PlainFieldName] !== undefined
    if (!present) throw invalid(f, 'required', {}, ` for ${entry.displayName}`)
  }
}
