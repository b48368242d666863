/** `providers`, `add`, `list`, `show`, `update`, `remove`, `primary`, `vault status|rotate` (DESIGN §9). */
import type {
  AsText,
  CredentialCreateRequest,
  CredentialPatch,
  CredentialView,
} from '../../src-preload/contract/credentials'
import { AppError } from '../../src-main/errors'
import { catalogView, getProvider } from '../../src-main/providers/catalog'
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
import { defineCommand, type CliCommand, type CliIo, type FlagValues } from '../command'
import { EXIT } from '../exit-codes'
import { plural, table } from '../format'
import { keyNoticeLines } from '../key-notices'

/**
 * The flags of `add` and `update`, derived from the credential field table: one per field with a
 * `cli` name (the key comes from --key-stdin, never argv). Values are passed on as text and the
 * credentials service's one validation checks them, exactly as for the app and backup import.
 */
const fieldFlags = { ...CLI_FIELD_FLAG_SPEC, 'key-stdin': { type: 'boolean' } } as const
type FieldFlags = FlagValues<typeof fieldFlags>

/** `[--base-url U] [--num-ctx N] …` for the usage line, from the table. */
const FLAG_USAGE = CLI_FIELD_FLAG_NAMES.filter((flag) => flag !== 'name')
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

const bad = (message: string, field?: string) =>
  new AppError('validation', message, field ? { field } : undefined)

/**
 * Reads the secret from stdin; never from argv. It is passed on as read: the credentials
 * service's validation trims it (whitespace and quotes, `trimKey`). In human mode the notices
 * (what trimming removed, an unusual key shape for `provider`) go to stderr.
 */
async function readKey(io: CliIo, provider: () => Promise<string>): Promise<string> {
  const raw = await io.readStdin()
  if (!trimKey(raw).value) throw bad('--key-stdin was given but stdin was empty', 'apiKey')
  if (!io.json) for (const line of keyNoticeLines(raw, await provider())) io.err(line)
  return raw
}

/** The request fields flags can name, besides `name` (the same for `add` and `update`). */
type FieldInput = AsText<Omit<CredentialCreateRequest, 'provider' | 'name'>>

/** The request fields named by flags (absent flags are left out; `name` too). */
function fieldsFrom(flags: FieldFlags): FieldInput {
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
function clearField(patch: AsText<CredentialPatch>, name: string): void {
  if (name === 'endpoints') {
    patch.endpoints = null
    return
  }
  const field = CLEARABLE.find((f) => f === name)
  if (!field) throw bad(`--clear takes one of: ${[...CLEARABLE, 'endpoints'].join(', ')}`, 'clear')
  if (isEndpointField(field)) {
    const endpoints = { ...(patch.endpoints ?? {}) }
    endpoints[CREDENTIAL_FIELDS[field].modality] = null
    patch.endpoints = endpoints
  } else patch[field] = null
}

function printCredential(c: ReturnType<typeof credentialJson>, out: (t: string) => void) {
  const entry = safeEntry(c.provider)
  out(
    table([
      ['id', c.id],
      ['provider', entry?.displayName ?? c.provider],
      ['name', c.name],
      ['key', c.hasKey ? `…${c.keyHint ?? ''}` : '(none)'],
      ...(
        [
          'baseUrl',
          'endpoint',
          'apiVersion',
          'project',
          'location',
          'credentialsPath',
          'numCtx',
        ] as const
      )
        .filter((k) => c[k] !== null)
        .map((k) => [k, String(c[k])]),
      ['primary', c.isPrimary ? 'yes' : 'no'],
      ['models', c.modelCount],
      ['status', c.status === 'ok' ? 'ok' : 'cannot be decrypted (re-enter the key or remove it)'],
    ]),
  )
}

/** DESIGN §9 credential JSON: exactly these fields, in this order (the app's view has two more). */
export function credentialJson(c: CredentialView) {
  return {
    id: c.id,
    provider: c.provider,
    name: c.name,
    baseUrl: c.baseUrl,
    endpoint: c.endpoint,
    apiVersion: c.apiVersion,
    project: c.project,
    location: c.location,
    credentialsPath: c.credentialsPath,
    numCtx: c.numCtx,
    isPrimary: c.isPrimary,
    hasKey: c.hasKey,
    keyHint: c.keyHint,
    modelCount: c.modelCount,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  }
}

const safeEntry = (id: string) => {
  try {
    return getProvider(id)
  } catch {
    return null
  }
}

export const credentialCommands: CliCommand[] = [
  defineCommand({
    name: 'providers',
    usage: '',
    summary: 'List every provider Switchboard knows, with its fields and environment variables',
    flags: {},
    run: async () => catalogView(),
    human: (list, io) => {
      io.out(
        table([
          ['ID', 'NAME', 'FIELDS (* required)', 'ENV'],
          ...list.map((p) => [
            p.id,
            p.displayName,
            p.fields.map((f) => `${f.field}${f.required ? '*' : ''}`).join(' '),
            [...p.envVars.required, ...(p.envVars.anyOf ?? [])].join(' '),
          ]),
        ]),
      )
    },
  }),
  defineCommand({
    name: 'add',
    usage: `<provider> --name N ${FLAG_USAGE} [--key-stdin]`,
    summary: 'Add a credential; the key is read from stdin with --key-stdin',
    flags: fieldFlags,
    positionals: [1, 1],
    run: async (input) => {
      const provider = input.positionals[0]!
      getProvider(provider) // unknown provider → validation
      const name = input.flags.name
      if (typeof name !== 'string' || !name.trim()) throw bad('--name is required', 'name')
      // Values stay text: the service's validation is the judge of every value.
      const request: AsText<CredentialCreateRequest> = {
        provider,
        name,
        ...fieldsFrom(input.flags),
      }
      if (input.flags['key-stdin']) request.apiKey = await readKey(input.io, async () => provider)
      return credentialJson(await input.app().credentials.create(request))
    },
    human: (c, io) => {
      io.err(`Added ${c.name} (${c.provider}).`)
      io.out(c.id)
    },
  }),
  defineCommand({
    name: 'list',
    usage: '[--provider P]',
    summary: 'List credentials (never their keys)',
    flags: { provider: { type: 'string' } },
    run: async ({ app, flags }) =>
      (
        await app().credentials.list(
          typeof flags.provider === 'string' ? { provider: flags.provider } : undefined,
        )
      ).map(credentialJson),
    human: (list, io) => {
      if (!list.length) {
        io.err('No credentials yet. Add one: switchboard add openai --name "My key" --key-stdin')
        return
      }
      io.out(
        table([
          ['ID', 'PROVIDER', 'NAME', 'KEY', 'PRIMARY', 'MODELS', 'STATUS'],
          ...list.map((c) => [
            c.id,
            c.provider,
            c.name,
            c.hasKey ? `…${c.keyHint ?? ''}` : '-',
            c.isPrimary ? 'yes' : '',
            c.modelCount,
            c.status,
          ]),
        ]),
      )
      io.err(plural(list.length, 'credential'))
    },
  }),
  defineCommand({
    name: 'show',
    usage: '<id>',
    summary: 'Show one credential',
    flags: {},
    positionals: [1, 1],
    run: async ({ app, positionals }) =>
      credentialJson(await app().credentials.show(positionals[0]!)),
    human: (c, io) => printCredential(c, io.out),
  }),
  defineCommand({
    name: 'update',
    usage: '<id> [flags of add] [--clear FIELD ...]',
    summary:
      'Change only the given fields; --key-stdin replaces the key, --clear empties an optional field',
    flags: { ...fieldFlags, clear: { type: 'string', multiple: true } },
    positionals: [1, 1],
    run: async (input) => {
      const patch: AsText<CredentialPatch> = fieldsFrom(input.flags)
      if (typeof input.flags.name === 'string') patch.name = input.flags.name
      for (const field of input.flags.clear ?? []) clearField(patch, field)
      const id = input.positionals[0]!
      if (input.flags['key-stdin']) {
        patch.apiKey = await readKey(
          input.io,
          async () => (await input.app().credentials.show(id)).provider,
        )
      }
      if (!Object.keys(patch).length) throw bad('nothing to change: give at least one flag')
      return credentialJson(await input.app().credentials.update(id, patch))
    },
    human: (c, io) => printCredential(c, io.out),
  }),
  defineCommand({
    name: 'remove',
    usage: '<id>',
    summary: 'Remove a credential, its registered models, and the default slots that used them',
    flags: {},
    positionals: [1, 1],
    run: async ({ app, positionals }) => app().credentials.delete(positionals[0]!),
    human: (res, io) => {
      io.err(
        `Removed ${res.id} with ${plural(res.deletedModels, 'model')}` +
          (res.clearedSlots.length
            ? `; cleared default slots: ${res.clearedSlots.join(', ')}`
            : ''),
      )
    },
  }),
  defineCommand({
    name: 'primary',
    usage: '<id>',
    summary: "Make a credential its provider's primary one",
    flags: {},
    positionals: [1, 1],
    run: async ({ app, positionals }) =>
      credentialJson(await app().credentials.setPrimary(positionals[0]!)),
    human: (c, io) => io.err(`${c.name} is now the primary ${c.provider} credential.`),
  }),
  defineCommand({
    name: 'vault status',
    usage: '',
    summary: 'Where the master key comes from, and why other sources are unavailable',
    flags: {},
    run: async ({ app }) => app().vault.status(),
    human: (s, io) => {
      io.out(`vault: ${s.state}${s.source ? ` (master key from ${s.source})` : ''}`)
      for (const src of s.sources)
        io.out(
          `  ${src.available ? '✓' : '✗'} ${src.id}${src.reason ? ` — ${src.reason}` : ''}${src.detail ? `: ${src.detail}` : ''}`,
        )
    },
    exitCode: (s) => (s.state === 'unlocked' ? EXIT.ok : EXIT.vault),
  }),
  defineCommand({
    name: 'vault rotate',
    usage: '',
    summary: 'Re-encrypt every secret with a new master key',
    flags: {},
    run: async ({ app }) => app().vault.rotate(),
    human: (res, io) => {
      io.err(
        `Re-encrypted ${plural(res.reencrypted, 'secret')} with a new key in ${res.source}` +
          (res.skipped ? ` (${res.skipped} undecryptable left as they were)` : '') +
          '.',
      )
    },
  }),
]
