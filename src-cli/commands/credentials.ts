/** `providers`, `add`, `list`, `show`, `update`, `remove`, `primary` (DESIGN §9). */
import type {
  AsText,
  CredentialCreateRequest,
  CredentialPatch,
  CredentialView,
} from '../../src-preload/contract/credentials'
import { catalogView, getProvider } from '../../src-main/providers/catalog'
import { defineCommand, invalid, type CliCommand } from '../command'
import { plural, table } from '../format'
import { clearField, fieldFlags, fieldsFrom, FLAG_USAGE, readKey } from './credential-flags'

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
      if (typeof name !== 'string' || !name.trim()) throw invalid('--name is required', 'name')
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
      if (!Object.keys(patch).length) throw invalid('nothing to change: give at least one flag')
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
]
