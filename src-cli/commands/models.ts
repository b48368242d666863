/** `discover`, `register`, `models`, `model-test`, `unregister` (DESIGN §9). */
import type { DiscoverResult, ModelType, ModelView } from '../../src-preload/contract'
// Plain data, not the zod enum: the command table loads before any schema library (issue 17).
import { isModelTypeName, MODEL_TYPE_NAMES } from '../../src-preload/contract/model-types'
import { AppError } from '../../src-main/errors'
import { defineCommand, invalid, type CliCommand } from '../command'
import { EXIT } from '../exit-codes'
import { plural, table } from '../format'

/** DESIGN §9 model JSON: exactly these fields. */
const modelJson = (m: ModelView) => ({
  id: m.id,
  name: m.name,
  provider: m.provider,
  type: m.type,
  credentialId: m.credentialId,
})

function parseType(value: string, field: string): ModelType {
  if (!isModelTypeName(value))
    throw invalid(`"${value}" is not a model type (${MODEL_TYPE_NAMES.join(', ')})`, field)
  return value
}

export const modelCommands: CliCommand[] = [
  defineCommand({
    name: 'discover',
    usage: '<id>',
    summary: 'List the models a credential can use, typed (registered and recommended ones marked)',
    flags: {},
    positionals: [1, 1],
    run: async ({ app, positionals }) => app().models.discover(positionals[0]!),
    // The human table also names the slots the provider's guide recommends each model for
    // (issue 16); the JSON stays DESIGN §9's discover shape.
    json: (r) => ({
      credentialId: r.credentialId,
      provider: r.provider,
      models: r.models.map((m) => ({
        id: m.id,
        name: m.name,
        type: m.type,
        registered: m.registered,
      })),
      error: r.error ? { code: r.error.code, message: r.error.message } : null,
    }),
    human: (d, io) => {
      if (d.error) {
        io.err(`discovery failed: ${d.error.message} (${d.error.code})`)
        return
      }
      io.out(
        table([
          ['NAME', 'TYPE', 'REGISTERED', 'RECOMMENDED FOR'],
          ...d.models.map((m) => [
            m.name,
            m.type,
            m.registered ? 'yes' : '',
            m.recommended?.length ? `★ ${m.recommended.join(', ')}` : '',
          ]),
        ]),
      )
      const recommended = d.models.filter((m) => m.recommended?.length).length
      io.err(
        plural(d.models.length, 'model') +
          (recommended
            ? `; ★ ${recommended} recommended by the provider's guide for the slots named`
            : ''),
      )
    },
    exitCode: (d) => (d.error ? EXIT.failed : EXIT.ok),
  }),
  defineCommand({
    name: 'register',
    usage: '<id> (--model NAME[:TYPE] ... | --all)',
    summary: 'Register models for a credential; the type defaults to what discovery says',
    flags: { model: { type: 'string', multiple: true }, all: { type: 'boolean' } },
    positionals: [1, 1],
    run: async ({ app, positionals, flags }) => {
      const id = positionals[0]!
      const wanted = flags.model ?? []
      if (!flags.all && !wanted.length)
        throw invalid('give --model NAME[:TYPE] (repeatable) or --all')
      if (flags.all && wanted.length) throw invalid('give --model or --all, not both')
      const needsDiscovery =
        flags.all ||
        wanted.some((w) => !w.includes(':') || !isModelTypeName(w.slice(w.lastIndexOf(':') + 1)))
      let discovered: DiscoverResult | null = null
      if (needsDiscovery) {
        discovered = await app().models.discover(id)
        if (discovered.error) throw new AppError(discovered.error.code, discovered.error.message)
      }
      const models = flags.all
        ? discovered!.models.map((m) => ({ name: m.name, type: m.type }))
        : wanted.map((spec) => {
            const colon = spec.lastIndexOf(':')
            const maybeType = colon > 0 ? spec.slice(colon + 1) : ''
            if (maybeType && isModelTypeName(maybeType)) {
              return { name: spec.slice(0, colon), type: parseType(maybeType, 'model') }
            }
            const found = discovered?.models.find(
              (m) => m.name.toLowerCase() === spec.toLowerCase(),
            )
            if (!found)
              throw invalid(
                `"${spec}" is not in the credential's listing; give its type: --model "${spec}:language"`,
                'model',
              )
            return { name: found.name, type: found.type }
          })
      if (!models.length) throw invalid('discovery listed no models to register')
      const r = await app().models.register(id, models)
      return { created: r.created.map(modelJson), existing: r.existing.map(modelJson) }
    },
    human: (res, io) => {
      io.err(
        `Registered ${plural(res.created.length, 'model')}` +
          (res.existing.length ? ` (${res.existing.length} already registered)` : '') +
          '.',
      )
      for (const m of res.created) io.out(`${m.id}  ${m.name}  ${m.type}`)
    },
  }),
  defineCommand({
    name: 'models',
    usage: '[--type T] [--credential ID]',
    summary: 'List registered models',
    flags: { type: { type: 'string' }, credential: { type: 'string' } },
    run: async ({ app, flags }) => {
      const filter: { type?: ModelType; credentialId?: string } = {}
      if (typeof flags.type === 'string') filter.type = parseType(flags.type, 'type')
      if (typeof flags.credential === 'string') filter.credentialId = flags.credential
      return (await app().models.list(filter)).map(modelJson)
    },
    human: (list, io) => {
      if (!list.length) {
        io.err('No registered models. Discover some: switchboard discover <credential-id>')
        return
      }
      io.out(
        table([
          ['ID', 'NAME', 'TYPE', 'PROVIDER'],
          ...list.map((m) => [m.id, m.name, m.type, m.provider]),
        ]),
      )
    },
  }),
  defineCommand({
    name: 'model-test',
    usage: '<modelId>',
    summary:
      'Exercise a model by its type: a chat reply, embedding dimensions, speech bytes or a transcript',
    flags: {},
    positionals: [1, 1],
    run: async ({ app, positionals }) => app().models.modelTest(positionals[0]!),
    human: (t, io) => {
      const what =
        t.result?.reply ??
        (t.result?.dimensions
          ? `${t.result.dimensions} dimensions`
          : t.result?.bytes
            ? `${t.result.bytes} bytes of audio`
            : (t.result?.transcript ?? ''))
      io.out(
        `${t.ok ? '✓' : '✗'} ${t.name}: ${t.message}${what ? ` — ${what}` : ''} (${t.latencyMs} ms)`,
      )
    },
    exitCode: (t) => (t.ok ? EXIT.ok : EXIT.failed),
  }),
  defineCommand({
    name: 'unregister',
    usage: '<modelId>',
    summary: 'Remove a registered model (default slots that used it are emptied)',
    flags: {},
    positionals: [1, 1],
    run: async ({ app, positionals }) => {
      const r = await app().models.unregister(positionals[0]!)
      return { removed: modelJson(r.removed), clearedSlots: r.clearedSlots }
    },
    human: (res, io) => {
      io.err(
        `Removed ${res.removed.name}` +
          (res.clearedSlots.length
            ? `; emptied default slots: ${res.clearedSlots.join(', ')}`
            : '') +
          '.',
      )
    },
  }),
]
