/**
 * The flags `add` and `update` share, derived from the credential field table, and how their
 * values (and the key from stdin) become a create request or a patch.
 */
import type {
  AsText,
  CredentialCreateRequest,
  CredentialPatch,
} from '../../src-preload/contract/credentials'
import {
  CLI_FIELD_FLAG_NAMES,
  CLI_FIELD_FLAG_SPEC,
  CLI_FIELD_FLAGS,
  CREDENTIAL_FIELDS,
  FIELD_NAMES,
  type FieldName,
  isEndpointField,
} from '../../src-preload/contract/credential-fields'
import { trimKey } from '../../src-preload/contract/key-input'
import { invalid, type CliIo, type FlagValues } from '../command'
import { keyNoticeLines } from '../key-notices'

/**
 * The flags of `add` and `update`, derived from the credential field table: one per field with a
 * `cli` name (the key comes from --key-stdin, never argv). Values are passed on as text and the
 * credentials service's one validation checks them, exactly as for the app and backup import.
 */
export const fieldFlags = { ...CLI_FIELD_FLAG_SPEC, 'key-stdin': { type: 'boolean' } } as const
type FieldFlags = FlagValues<typeof fieldFlags>

/** `[--base-url U] [--num-ctx N] …` for the usage line, from the table. */
export const FLAG_USAGE = CLI_FIELD_FLAG_NAMES.filter((flag) => flag !== 'name')
  .map((flag) => {
    const kind = CREDENTIAL_FIELDS[CLI_FIELD_FLAGS[flag]].kind
    return kind === 'boolean'
      ? `[--${flag}]`
      : `[--${flag} ${kind === 'url' ? 'U' : kind === 'number' ? 'N' : 'V'}]`
  })
  .join(' ')

/** Fields `update --clear` may empty: every optional one of the table, and the key. */
const CLEARABLE = FIELD_NAMES.filter(
  (f): f is Exclude<FieldName, 'name' | 'allowInsecureHttp'> =>
    f !== 'name' && f !== 'allowInsecureHttp',
)

/**
 * Reads the secret from stdin; never from argv. It is passed on as read: the credentials
 * service's validation trims it (whitespace and quotes, `trimKey`). In human mode the notices
 * (what trimming removed, an unusual key shape for `provider`) go to stderr.
 */
export async function readKey(io: CliIo, provider: () => Promise<string>): Promise<string> {
  const raw = await io.readStdin()
  if (!trimKey(raw).value) throw invalid('--key-stdin was given but stdin was empty', 'apiKey')
  if (!io.json) for (const line of keyNoticeLines(raw, await provider())) io.err(line)
  return raw
}

/** The request fields flags can name, besides `name` (the same for `add` and `update`). */
type FieldInput = AsText<Omit<CredentialCreateRequest, 'provider' | 'name'>>

/** The request fields named by flags (absent flags are left out; `name` too). */
export function fieldsFrom(flags: FieldFlags): FieldInput {
  const out: FieldInput = {}
  const endpoints: NonNullable<FieldInput['endpoints']> = {}
  for (const flag of CLI_FIELD_FLAG_NAMES) {
    const v = flags[flag]
    const field = CLI_FIELD_FLAGS[flag]
    if (v === undefined || field === 'name') continue
    if (field === 'allowInsecureHttp') {
      if (v === true) out.allowInsecureHttp = true
      continue
    }
    if (typeof v !== 'string') continue
    if (isEndpointField(field)) endpoints[CREDENTIAL_FIELDS[field].modality] = v
    // Numbers stay text too: the validation parses them and names the field and reason.
    else out[field] = v
  }
  if (Object.keys(endpoints).length) out.endpoints = endpoints
  return out
}

/** `--clear FIELD`: the field set to null in `patch` (an endpoint inside `endpoints`). */
export function clearField(patch: AsText<CredentialPatch>, name: string): void {
  if (name === 'endpoints') {
    patch.endpoints = null
    return
  }
  const field = CLEARABLE.find((f) => f === name)
  if (!field)
    throw invalid(`--clear takes one of: ${[...CLEARABLE, 'endpoints'].join(', ')}`, 'clear')
  if (isEndpointField(field)) {
    const endpoints = { ...(patch.endpoints ?? {}) }
    endpoints[CREDENTIAL_FIELDS[field].modality] = null
    patch.endpoints = endpoints
  } else patch[field] = null
}
