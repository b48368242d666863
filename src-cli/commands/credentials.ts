/** `providers`, `add`, `list`, `show`, `update`, `remove`, `primary`, `vault status|rotate` (DESIGN §9). */
import type {
  CredentialCreateRequest,
  CredentialPatch,
  CredentialView,
} from '../../src-preload/contract'
import { AppError } from '../../src-main/errors'
import type { VaultStatus } from '../../src-main/vault/vault'
import { catalogView, getProvider } from '../../src-main/providers/catalog'
import {
  CLI_FIELD_FLAGS,
  CREDENTIAL_FIELDS,
  FIELD_NAMES,
  type FieldDef,
  type FieldName,
} from '../../src-preload/contract/credential-fields'
import { trimKey } from '../../src-preload/contract/key-input'
import type { CliCommand, CommandInput, FlagSpec } from '../command'
import { plural, table } from '../format'
import { keyNoticeLines } from '../key-notices'

/**
 * The flags of `add` and `update`, derived from the credential field table: one per field with a
 * `cli` name (the key comes from --key-stdin, never argv). Values are passed on as text and the
 * credentials service's one validation checks them, exactly as for the app and backup import.
 */
const fieldFlags: FlagSpec = {
  ...Object.fromEntries(
    Object.entries(CLI_FIELD_FLAGS).map(([flag, field]) => [
      flag,
      { type: CREDENTIAL_FIELDS[field].kind === 'boolean' ? 'boolean' : 'string' } as const,
    ]),
  ),
  'key-stdin': { type: 'boolean' },
}

/** `[--base-url U] [--num-ctx N] …` for the usage line, from the table. */
const FLAG_USAGE = Object.entries(CLI_FIELD_FLAGS)
  .filter(([, field]) => field !== 'name')
  .map(([flag, field]) => {
    const kind = CREDENTIAL_FIELDS[field].kind
    return kind === 'boolean'
      ? `[--${flag}]`
      : `[--${flag} ${kind === 'url' ? 'U' : kind === 'number' ? 'N' : 'V'}]`
  })
  .join(' ')

/** Fields `update --clear` may empty: every optional one of the table, and the key. */
const CLEARABLE = FIELD_NAMES.filter((f) => f !== 'name' && f !== 'allowInsecureHttp')

const bad = (message: string, field?: string) =>
  new AppError('validation', message, field ? { field } : undefined)

/**
 * Reads the secret from stdin; never from argv. It is passed on as read: the credentials
 * service's validation trims it (whitespace and quotes, `trimKey`). In human mode the notices
 * (what trimming removed, an unusual key shape for `provider`) go to stderr.
 */
async function readKey(input: CommandInput, provider: () => Promise<string>): Promise<string> {
  const raw = await input.io.readStdin()
  if (!trimKey(raw).value) throw bad('--key-stdin was given but stdin was empty', 'apiKey')
  if (!input.io.json) for (const line of keyNoticeLines(raw, await provider())) input.io.err(line)
  return raw
}

/** The request fields named by flags (absent flags are left out; `name` too). */
function fieldsFrom(flags: CommandInput['flags']): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const endpoints: Record<string, string> = {}
  for (const [flag, field] of Object.entries(CLI_FIELD_FLAGS)) {
    const v = flags[flag]
    if (v === undefined || field === 'name') continue
    const def: FieldDef = CREDENTIAL_FIELDS[field]
    if (def.kind === 'boolean') {
      if (v === true) out[field] = true
      continue
    }
    if (typeof v !== 'string') continue
    if (def.modality) endpoints[def.modality] = v
    // Numbers stay text too: the validation parses them and names the field and reason.
    else out[field] = v
  }
  if (Object.keys(endpoints).length) out.endpoints = endpoints
  return out
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
  {
    name: 'providers',
    usage: '',
    summary: 'List every provider Switchboard knows, with its fields and environment variables',
    run: async () => catalogView(),
    human: (r, io) => {
      const list = r as ReturnType<typeof catalogView>
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
  },
  {
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
      // Typed loosely on purpose: the service's validation is the judge of every value.
      const request = { provider, name, ...fieldsFrom(input.flags) } as CredentialCreateRequest
      if (input.flags['key-stdin']) request.apiKey = await readKey(input, async () => provider)
      return credentialJson(await input.app().credentials.create(request))
    },
    human: (r, io) => {
      const c = r as CredentialView
      io.err(`Added ${c.name} (${c.provider}).`)
      io.out(c.id)
    },
  },
  {
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
    human: (r, io) => {
      const list = r as CredentialView[]
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
  },
  {
    name: 'show',
    usage: '<id>',
    summary: 'Show one credential',
    positionals: [1, 1],
    run: async ({ app, positionals }) =>
      credentialJson(await app().credentials.show(positionals[0]!)),
    human: (r, io) => printCredential(r as ReturnType<typeof credentialJson>, io.out),
  },
  {
    name: 'update',
    usage: '<id> [flags of add] [--clear FIELD ...]',
    summary:
      'Change only the given fields; --key-stdin replaces the key, --clear empties an optional field',
    flags: { ...fieldFlags, clear: { type: 'string', multiple: true } },
    positionals: [1, 1],
    run: async (input) => {
      const patch = fieldsFrom(input.flags) as CredentialPatch & Record<string, unknown>
      if (typeof input.flags.name === 'string') patch.name = input.flags.name
      for (const field of (input.flags.clear as string[] | undefined) ?? []) {
        const known = [...CLEARABLE, 'endpoints']
        if (!known.includes(field as never))
          throw bad(`--clear takes one of: ${known.join(', ')}`, 'clear')
        const def: FieldDef | undefined = CREDENTIAL_FIELDS[field as FieldName]
        if (def?.modality) patch.endpoints = { ...(patch.endpoints ?? {}), [def.modality]: null }
        else patch[field] = null
      }
      const id = input.positionals[0]!
      if (input.flags['key-stdin']) {
        patch.apiKey = await readKey(
          input,
          async () => (await input.app().credentials.show(id)).provider,
        )
      }
      if (!Object.keys(patch).length) throw bad('nothing to change: give at least one flag')
      return credentialJson(await input.app().credentials.update(id, patch))
    },
    human: (r, io) => printCredential(r as ReturnType<typeof credentialJson>, io.out),
  },
  {
    name: 'remove',
    usage: '<id>',
    summary: 'Remove a credential, its registered models, and the default slots that used them',
    positionals: [1, 1],
    run: async ({ app, positionals }) => app().credentials.delete(positionals[0]!),
    human: (r, io) => {
      const res = r as { id: string; deletedModels: number; clearedSlots: string[] }
      io.err(
        `Removed ${res.id} with ${plural(res.deletedModels, 'model')}` +
          (res.clearedSlots.length
            ? `; cleared default slots: ${res.clearedSlots.join(', ')}`
            : ''),
      )
    },
  },
  {
    name: 'primary',
    usage: '<id>',
    summary: "Make a credential its provider's primary one",
    positionals: [1, 1],
    run: async ({ app, positionals }) =>
      credentialJson(await app().credentials.setPrimary(positionals[0]!)),
    human: (r, io) =>
      io.err(
        `${(r as CredentialView).name} is now the primary ${(r as CredentialView).provider} credential.`,
      ),
  },
  {
    name: 'vault status',
    usage: '',
    summary: 'Where the master key comes from, and why other sources are unavailable',
    run: async ({ app }) => app().vault.status(),
    human: (r, io) => {
      const s = r as VaultStatus
      io.out(`vault: ${s.state}${s.source ? ` (master key from ${s.source})` : ''}`)
      for (const src of s.sources)
        io.out(
          `  ${src.available ? '✓' : '✗'} ${src.id}${src.reason ? ` — ${src.reason}` : ''}${src.detail ? `: ${src.detail}` : ''}`,
        )
    },
    exitCode: (r) => ((r as { state: string }).state === 'unlocked' ? 0 : 3),
  },
  {
    name: 'vault rotate',
    usage: '',
    summary: 'Re-encrypt every secret with a new master key',
    run: async ({ app }) => app().vault.rotate(),
    human: (r, io) => {
      const res = r as { source: string; reencrypted: number; skipped: number }
      io.err(
        `Re-encrypted ${plural(res.reencrypted, 'secret')} with a new key in ${res.source}` +
          (res.skipped ? ` (${res.skipped} undecryptable left as they were)` : '') +
          '.',
      )
    },
  },
]
