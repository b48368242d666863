/**
 * The credential field table (issues 11 and 13): every field a credential can have, written once
 * with its kind, limits, allowed characters, CLI flag, environment use, form group and label.
 * The contract's zod schemas, the CLI flags of `add` / `update`, the add / edit form and the one
 * validation in main (src-main/services/credential-input.ts) are all derived from this table, so
 * what `add` accepts is exactly what a backup `import` accepts. Which fields a provider shows and
 * requires stays in the provider catalog. Plain data and pure functions only: the renderer
 * imports this file too.
 */
import { trimKey } from './key-input'
import type { ModelTypeKey } from './model-types'

/** What a field holds; decides the input, the CLI parsing and the checks. */
export type FieldKind = 'text' | 'secret' | 'url' | 'number' | 'boolean' | 'json'

/** Where the value lives on a stored credential. */
export type FieldStorage =
  | 'name' // the credential's name
  | 'plain' // a top-level plain field (baseUrl, project …)
  | 'secret' // sealed by the vault (`secrets.<field>`)
  | 'endpoint' // `endpoints.<modality>` (Azure per-modality endpoints)
  | 'flag' // a boolean switch (allowInsecureHttp)

/** Characters a text value may hold (after trimming). */
export type CharRule =
  | 'label' // names: any printable text, no control / bidi-override / line-separator characters
  | 'key' // keys: printable ASCII (they travel in HTTP headers)
  | 'token' // API versions, project ids, regions: letters, digits and . _ : -
  | 'path' // file paths: no control characters
  | 'url' // URLs: no control characters (the URL parser would drop TAB / CR / LF silently)

export interface FieldDef {
  kind: FieldKind
  storage: FieldStorage
  /** Most characters the value may have (text, secret, url, json). */
  max?: number
  /** Inclusive range (number). */
  range?: readonly [number, number]
  chars?: CharRule
  /** The `add` / `update` flag (without `--`); null when the CLI sets it another way. */
  cli: string | null
  /** May a provider's environment variable fill it (`migrate-env`; names in the catalog)? */
  env: boolean
  /** Shown with the essentials, or under "Advanced" when the provider does not require it. */
  group: 'basic' | 'advanced'
  /** The label's i18n key (namespace `apiKeys`). */
  label: string
  /** `endpoints.<modality>` for endpoint fields. */
  modality?: ModelTypeKey
  /** Present on every credential (not listed per provider in the catalog). */
  always?: true
  /** Allowed when the provider has this other catalog field (the service account and its file). */
  enabledBy?: 'credentialsPath'
}

const URL_MAX = 2048

/** The table. Order is the form's order. */
export const CREDENTIAL_FIELDS = {
  name: {
    kind: 'text',
    storage: 'name',
    max: 100,
    chars: 'label',
    cli: 'name',
    env: false,
    group: 'basic',
    label: 'fields.name.label',
    always: true,
  },
  apiKey: {
    kind: 'secret',
    storage: 'secret',
    max: 8192,
    chars: 'key',
    cli: null, // --key-stdin: a key is never taken from argv
    env: true,
    group: 'basic',
    label: 'fields.apiKey.label',
  },
  baseUrl: {
    kind: 'url',
    storage: 'plain',
    max: URL_MAX,
    chars: 'url',
    cli: 'base-url',
    env: true,
    group: 'basic', // a local server's address is its main field
    label: 'fields.baseUrl.label',
  },
  endpoint: {
    kind: 'url',
    storage: 'plain',
    max: URL_MAX,
    chars: 'url',
    cli: 'endpoint',
    env: true,
    group: 'basic',
    label: 'fields.endpoint.label',
  },
  apiVersion: {
    kind: 'text',
    storage: 'plain',
    max: 64,
    chars: 'token',
    cli: 'api-version',
    env: true,
    group: 'basic',
    label: 'fields.apiVersion.label',
  },
  endpointLanguage: {
    kind: 'url',
    storage: 'endpoint',
    modality: 'language',
    max: URL_MAX,
    chars: 'url',
    cli: 'endpoint-language',
    env: true,
    group: 'advanced',
    label: 'fields.endpointLanguage.label',
  },
  endpointEmbedding: {
    kind: 'url',
    storage: 'endpoint',
    modality: 'embedding',
    max: URL_MAX,
    chars: 'url',
    cli: 'endpoint-embedding',
    env: true,
    group: 'advanced',
    label: 'fields.endpointEmbedding.label',
  },
  endpointSpeechToText: {
    kind: 'url',
    storage: 'endpoint',
    modality: 'speechToText',
    max: URL_MAX,
    chars: 'url',
    cli: 'endpoint-speech-to-text',
    env: true,
    group: 'advanced',
    label: 'fields.endpointSpeechToText.label',
  },
  endpointTextToSpeech: {
    kind: 'url',
    storage: 'endpoint',
    modality: 'textToSpeech',
    max: URL_MAX,
    chars: 'url',
    cli: 'endpoint-text-to-speech',
    env: true,
    group: 'advanced',
    label: 'fields.endpointTextToSpeech.label',
  },
  project: {
    kind: 'text',
    storage: 'plain',
    max: 200,
    chars: 'token',
    cli: 'project',
    env: true,
    group: 'basic',
    label: 'fields.project.label',
  },
  location: {
    kind: 'text',
    storage: 'plain',
    max: 100,
    chars: 'token',
    cli: 'location',
    env: true,
    group: 'basic',
    label: 'fields.location.label',
  },
  credentialsPath: {
    kind: 'text',
    storage: 'plain',
    max: 4096,
    chars: 'path',
    cli: 'credentials-path',
    env: true,
    group: 'basic',
    label: 'fields.credentialsPath.label',
  },
  serviceAccountJson: {
    kind: 'json',
    storage: 'secret',
    max: 65536,
    cli: null, // imported from --credentials-path (the file's content, encrypted)
    env: false,
    group: 'basic',
    label: 'fields.credentialsPath.label',
    enabledBy: 'credentialsPath',
  },
  numCtx: {
    kind: 'number',
    storage: 'plain',
    range: [1, 10_000_000],
    cli: 'num-ctx',
    env: true,
    group: 'advanced',
    label: 'fields.numCtx.label',
  },
  allowInsecureHttp: {
    kind: 'boolean',
    storage: 'flag',
    cli: 'allow-insecure-http',
    env: false,
    group: 'advanced',
    label: 'dialog.insecureConfirm',
    always: true,
  },
} as const satisfies Record<string, FieldDef>

export type FieldName = keyof typeof CREDENTIAL_FIELDS
export const FIELD_NAMES = Object.keys(CREDENTIAL_FIELDS) as FieldName[]

/** The fields a provider's catalog entry lists (the form fields; `name` etc. are implied). */
export const credentialFields = FIELD_NAMES.filter(
  (f) => !('always' in CREDENTIAL_FIELDS[f]) && !('enabledBy' in CREDENTIAL_FIELDS[f]),
) as readonly CatalogFieldName[]
export type CatalogFieldName = Exclude<
  FieldName,
  'name' | 'allowInsecureHttp' | 'serviceAccountJson'
>

/** Fields stored as top-level plain values. */
export type PlainFieldName = {
  [K in FieldName]: (typeof CREDENTIAL_FIELDS)[K]['storage'] extends 'plain' ? K : never
}[FieldName]
export const PLAIN_FIELDS = FIELD_NAMES.filter(
  (f) => CREDENTIAL_FIELDS[f].storage === 'plain',
) as PlainFieldName[]

export type EndpointFieldName = {
  [K in FieldName]: (typeof CREDENTIAL_FIELDS)[K]['storage'] extends 'endpoint' ? K : never
}[FieldName]
export type EndpointModality = NonNullable<FieldDef['modality']>
/** `endpoints.<modality>` ↔ the endpoint field, from the table. */
export const ENDPOINT_FIELDS = Object.fromEntries(
  FIELD_NAMES.flatMap((f) => {
    const d: FieldDef = CREDENTIAL_FIELDS[f]
    return d.modality ? [[d.modality, f]] : []
  }),
) as Record<EndpointModality, EndpointFieldName>
export const ENDPOINT_MODALITIES = Object.keys(ENDPOINT_FIELDS) as EndpointModality[]

export type SecretFieldName = 'apiKey' | 'serviceAccountJson'
export const SECRET_FIELDS = FIELD_NAMES.filter(
  (f) => CREDENTIAL_FIELDS[f].storage === 'secret',
) as SecretFieldName[]

/** Why a value is refused: `params.reason` of a `validation` error, translated per reason. */
export type FieldReason =
  | 'required'
  | 'too_long'
  | 'invalid_characters'
  | 'invalid_url'
  | 'invalid_scheme'
  | 'credentials_in_url'
  | 'invalid_number'
  | 'out_of_range'
  | 'invalid_json'

export type FieldCheck<T> =
  { ok: true; value: T } | { ok: false; reason: FieldReason; params?: Record<string, number> }

// Characters no name, path or URL may hold: C0 and C1 controls and DEL (terminal escapes, fake
// line breaks), bidirectional overrides and isolates ("Trojan Source" reordering), and the
// Unicode line / paragraph separators. Zero-width joiners stay (emoji need them).
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/** Text with every character no label may hold replaced by U+FFFD (for reports of bad input). */
export function neutralise(text: string): string {
  return text.replace(new RegExp(UNPRINTABLE.source, 'g'), '\ufffd')
}

const CHARS: Record<CharRule, (s: string) => boolean> = {
  label: (s) => !UNPRINTABLE.test(s),
  // A key is sent as an HTTP header value: outside printable ASCII the HTTP stack refuses it
  // (CR, LF, NUL, anything above U+00FF) or the server reads mojibake (obs-text). Shell
  // metacharacters ($( ), backticks, quotes) stay: self-hosted servers take any string their admin
  // chose, and they are only dangerous to a shell, which `env` quotes for.
  key: (s) => /^[\u0020-\u007e]+$/.test(s),
  token: (s) => /^[A-Za-z0-9._:-]+$/.test(s),
  path: (s) => !UNPRINTABLE.test(s),
  url: (s) => !UNPRINTABLE.test(s),
}

const fail = <T>(reason: FieldReason, params?: Record<string, number>): FieldCheck<T> =>
  params ? { ok: false, reason, params } : { ok: false, reason }

/** Checks and normalises a URL: http(s) only, no user:password, stored as `URL.href` (no trailing slash). */
export function normaliseUrl(text: string): FieldCheck<string> {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail('invalid_url')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('invalid_scheme')
  if (url.username || url.password) return fail('credentials_in_url')
  if (!url.hostname) return fail('invalid_url')
  // `href` is the one spelling (lower-case host, punycode, dotted IPv4, default port dropped);
  // trailing slashes are dropped as before, so `…/v1` and `…/v1/` are the same base URL.
  return { ok: true, value: url.search || url.hash ? url.href : url.href.replace(/\/+$/, '') }
}

/**
 * The table's own checks of one field's value (kind, length, characters, URL shape, range):
 * the same in the form, the CLI, IPC, migrate-env and backup import. Text is trimmed (a key also
 * of surrounding quotes: `trimKey`, the one rule, see key-input.ts); an empty
 * text is `{ ok: true, value: null }` (absent). What needs main (the URL guard, files, the
 * catalog) is checked there after this.
 */
export function checkField(
  field: FieldName,
  raw: unknown,
): FieldCheck<string | number | boolean | null> {
  const def: FieldDef = CREDENTIAL_FIELDS[field]
  if (raw === null || raw === undefined) return { ok: true, value: null }
  if (def.kind === 'boolean') {
    return typeof raw === 'boolean' ? { ok: true, value: raw } : fail('invalid_characters')
  }
  if (def.kind === 'number') {
    // The CLI and env variables hand numbers over as text.
    const n = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) return fail('invalid_number')
    const [min, max] = def.range!
    if (n < min || n > max) return fail('out_of_range', { min, max })
    return { ok: true, value: n }
  }
  if (typeof raw !== 'string') return fail('invalid_characters')
  // A key also loses the quotes a copy from code or a .env file leaves around it (issue 16).
  const text = def.kind === 'secret' ? trimKey(raw).value : raw.trim()
  if (!text) return { ok: true, value: null }
  if (def.max !== undefined && text.length > def.max) return fail('too_long', { max: def.max })
  if (def.chars && !CHARS[def.chars](text)) return fail('invalid_characters')
  if (def.kind === 'url') return normaliseUrl(text)
  if (def.kind === 'json') {
    try {
      const doc = JSON.parse(text) as unknown
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) return { ok: true, value: text }
    } catch {
      // fall through
    }
    return fail('invalid_json')
  }
  return { ok: true, value: text }
}

/** Whether a field is one of the per-modality endpoints (`endpoints.<modality>`). */
export const isEndpointField = (field: FieldName): field is EndpointFieldName =>
  CREDENTIAL_FIELDS[field].storage === 'endpoint'

/** Each field's `add` / `update` flag, for the fields that have one (flag → field). */
export type CliFieldFlags = {
  [K in FieldName as (typeof CREDENTIAL_FIELDS)[K]['cli'] & string]: K
}
export type CliFieldFlag = keyof CliFieldFlags

/** The CLI flags of `add` / `update`, from the table (flag → field). */
export const CLI_FIELD_FLAGS = Object.fromEntries(
  FIELD_NAMES.flatMap((f) => {
    const flag: string | null = CREDENTIAL_FIELDS[f].cli
    return flag ? [[flag, f]] : []
  }),
) as CliFieldFlags
export const CLI_FIELD_FLAG_NAMES = Object.keys(CLI_FIELD_FLAGS) as CliFieldFlag[]

/**
 * The same flags as node's parseArgs takes them: a boolean field is a switch, every other field
 * takes text (numbers too: the one validation parses them and names the field and the reason).
 */
export type CliFieldFlagSpec = {
  [F in CliFieldFlag]: {
    type: (typeof CREDENTIAL_FIELDS)[CliFieldFlags[F]]['kind'] extends 'boolean'
      ? 'boolean'
      : 'string'
  }
}
export const CLI_FIELD_FLAG_SPEC = Object.fromEntries(
  CLI_FIELD_FLAG_NAMES.map((flag) => [
    flag,
    { type: CREDENTIAL_FIELDS[CLI_FIELD_FLAGS[flag]].kind === 'boolean' ? 'boolean' : 'string' },
  ]),
) as CliFieldFlagSpec
