/**
 * The add / edit form as pure data: initial values from a credential, client-side validation per
 * catalog field, and the create request / update patch built from the values. The form's values
 * live in the dialog's local state only (the API key too) and are dropped after submit.
 */
import {
  CREDENTIAL_FIELDS,
  ENDPOINT_FIELDS as TABLE_ENDPOINTS,
  PLAIN_FIELDS,
  checkField,
  type EndpointFieldName,
  type EndpointModality,
  type FieldDef,
  type FieldReason,
  type PlainFieldName,
} from '../../../../src-preload/contract/credential-fields'
import type {
  CredentialCreateRequest,
  CredentialPatch,
  CredentialView,
  ErrorBody,
  ProviderFieldView,
  ProviderFormView,
} from '../../../../src-preload/contract'

type CatalogField = ProviderFieldView['field']
export type FieldName = CatalogField | 'name'
/** Form values: every catalog field plus the name, as the inputs hold them (text). */
export type FormValues = Record<FieldName, string>

/** Azure's per-modality endpoint fields ↔ `endpoints.<modality>` (from the field table). */
export const ENDPOINT_FIELDS = Object.fromEntries(
  Object.entries(TABLE_ENDPOINTS).map(([modality, field]) => [field, modality]),
) as Record<EndpointFieldName, EndpointModality>
type EndpointField = keyof typeof ENDPOINT_FIELDS
const isEndpointField = (f: string): f is EndpointField => f in ENDPOINT_FIELDS
const PLAIN = PLAIN_FIELDS.filter((f) => CREDENTIAL_FIELDS[f].kind !== 'number') as Exclude<
  PlainFieldName,
  'numCtx'
>[]

/** A client-side validation failure: the same reasons main gives (`apiKeys:serverReason.*`). */
export type FieldProblem = FieldReason | 'not_a_choice'

/** The input a field needs, from its kind in the table. */
export function inputTypeOf(field: FieldName): 'text' | 'url' | 'number' | 'secret' {
  const kind = CREDENTIAL_FIELDS[field].kind
  return kind === 'secret' || kind === 'url' || kind === 'number' ? kind : 'text'
}

/** The translation params of a problem: the field's limits from the table. */
export function problemParams(field: FieldName): Record<string, number> {
  const def: FieldDef = CREDENTIAL_FIELDS[field]
  return def.range ? { min: def.range[0], max: def.range[1] } : def.max ? { max: def.max } : {}
}

/** Optional fields the table files under "Advanced" (a provider's required fields stay up top). */
export function isAdvanced(spec: ProviderFieldView): boolean {
  return !spec.required && CREDENTIAL_FIELDS[spec.field].group === 'advanced'
}

/** The form's starting values: empty for add, the credential's values for edit (never a key). */
export function initialValues(
  provider: ProviderFormView,
  cred?: CredentialView | null,
): FormValues {
  const values = { name: cred?.name ?? '' } as FormValues
  for (const spec of provider.fields) {
    const f = spec.field
    let v = ''
    if (cred && f !== 'apiKey') {
      if (isEndpointField(f)) v = cred.endpoints?.[ENDPOINT_FIELDS[f]] ?? ''
      else if (f === 'numCtx') v = cred.numCtx === null ? '' : String(cred.numCtx)
      else v = cred[f] ?? ''
    }
    // A field with choices starts on the first one (the provider's default, e.g. its first region).
    if (!v && spec.choices?.[0]) v = spec.choices[0].value
    values[f] = v
  }
  return values
}

/** Is the field a URL input? */
export const isUrlField = (f: string) =>
  f in CREDENTIAL_FIELDS && CREDENTIAL_FIELDS[f as FieldName].kind === 'url'

/**
 * Checks one field with the field table's own check (the one main runs too, so the form and the
 * app agree). On edit an empty key is fine (it keeps the stored key) when one is stored.
 * Returns null when the value is acceptable.
 */
export function validateField(
  field: FieldName,
  value: string,
  spec: ProviderFieldView | undefined,
  mode: { editing: boolean; hasStoredKey: boolean },
): FieldProblem | null {
  if (!value.trim()) {
    if (field === 'name') return 'required'
    if (field === 'apiKey' && mode.editing && mode.hasStoredKey) return null
    return spec?.required ? 'required' : null
  }
  const r = checkField(field, value)
  if (!r.ok) return r.reason
  if (spec?.choices && !spec.choices.some((c) => c.value === value.trim())) return 'not_a_choice'
  return null
}

/** Every field's problem (only fields with one are present). */
export function validateAll(
  provider: ProviderFormView,
  values: FormValues,
  mode: { editing: boolean; hasStoredKey: boolean },
): Partial<Record<FieldName, FieldProblem>> {
  const out: Partial<Record<FieldName, FieldProblem>> = {}
  const nameProblem = validateField('name', values.name, undefined, mode)
  if (nameProblem) out.name = nameProblem
  for (const spec of provider.fields) {
    const p = validateField(spec.field, values[spec.field] ?? '', spec, mode)
    if (p) out[spec.field] = p
  }
  return out
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i

/** True when a URL is plain http to a host that is not this machine (DESIGN §7). */
export function isInsecureRemote(value: string): boolean {
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' && !LOOPBACK.test(url.hostname)
  } catch {
    return false
  }
}

/** True when the key would travel over plain http to another host with these values. */
export function needsInsecureConfirm(
  provider: ProviderFormView,
  values: FormValues,
  hasStoredKey: boolean,
): boolean {
  const willHaveKey = Boolean(values.apiKey?.trim()) || hasStoredKey
  if (!willHaveKey || !provider.fields.some((f) => f.field === 'apiKey')) return false
  return (['baseUrl', 'endpoint'] as const).some(
    (f) => provider.fields.some((s) => s.field === f) && isInsecureRemote(values[f] ?? ''),
  )
}

/** The host a key would reach over plain http (for the warning), or '' when none would. */
export function insecureHostOf(values: FormValues): string {
  for (const f of ['baseUrl', 'endpoint'] as const) {
    const v = values[f]
    if (v && isInsecureRemote(v)) {
      try {
        return new URL(v.trim()).host
      } catch {
        return v
      }
    }
  }
  return ''
}

/** Where the key is made: a regional provider's page follows the chosen region. */
export function keyPageOf(provider: ProviderFormView, values: FormValues): string {
  return (
    provider.fields
      .flatMap((s) => s.choices?.filter((c) => c.value === values[s.field]) ?? [])
      .find((c) => c.docsUrl)?.docsUrl ?? provider.docsUrl
  )
}

/**
 * The form field main's refusal is about (a validation failure, or an address blocked at the
 * door), with the `apiKeys:serverReason.*` key that says why; null when the refusal is not about
 * one of this provider's fields (the form shows it as a whole).
 */
export function refusedField(
  body: ErrorBody,
  provider: ProviderFormView,
): { field: FieldName; reason: string | undefined } | null {
  const field = body.params?.field as string | undefined
  const fieldNames = new Set<string>(['name', ...provider.fields.map((s) => s.field)])
  if ((body.code !== 'validation' && body.code !== 'url_blocked') || !field) return null
  if (!fieldNames.has(field)) return null
  const reason =
    body.code === 'url_blocked' ? 'url_blocked' : (body.params?.reason as string | undefined)
  return { field: field as FieldName, reason }
}

/** The create request for the values (empty optional fields are left out). */
export function toCreateRequest(
  provider: ProviderFormView,
  values: FormValues,
  allowInsecureHttp: boolean,
): CredentialCreateRequest {
  const req: CredentialCreateRequest = { provider: provider.id, name: values.name.trim() }
  const endpoints: Record<string, string> = {}
  for (const { field } of provider.fields) {
    const v = (values[field] ?? '').trim()
    if (!v) continue
    if (field === 'apiKey') req.apiKey = v
    else if (field === 'numCtx') req.numCtx = Number(v)
    else if (isEndpointField(field)) endpoints[ENDPOINT_FIELDS[field]] = v
    else req[field] = v
  }
  if (Object.keys(endpoints).length) req.endpoints = endpoints
  if (allowInsecureHttp) req.allowInsecureHttp = true
  return req
}

/**
 * The update patch: only what changed. An emptied field that had a value becomes null (cleared);
 * an empty key is left out (keeps the stored key).
 */
export function toPatch(
  provider: ProviderFormView,
  before: FormValues,
  values: FormValues,
  allowInsecureHttp: boolean,
  wasAllowed: boolean,
): CredentialPatch {
  const patch: CredentialPatch = {}
  if (values.name.trim() !== before.name) patch.name = values.name.trim()
  const endpoints: Record<string, string | null> = {}
  for (const { field } of provider.fields) {
    const v = (values[field] ?? '').trim()
    if (field === 'apiKey') {
      if (v) patch.apiKey = v
      continue
    }
    if (v === (before[field] ?? '')) continue
    if (field === 'numCtx') patch.numCtx = v ? Number(v) : null
    else if (isEndpointField(field)) endpoints[ENDPOINT_FIELDS[field]] = v || null
    else if ((PLAIN as readonly string[]).includes(field))
      patch[field as (typeof PLAIN)[number]] = v || null
  }
  if (Object.keys(endpoints).length) patch.endpoints = endpoints
  if (allowInsecureHttp !== wasAllowed) patch.allowInsecureHttp = allowInsecureHttp
  return patch
}
