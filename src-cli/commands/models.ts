/** `test`, `discover`, `register`, `models`, `model-test`, `unregister`, `defaults …` (DESIGN §9). */
import type { DiscoverResult, ModelType, ModelView, TestLimits } from '../../src-preload/contract'
// Plain data, not the zod enum: the command table loads before any schema library (issue 17).
import { isModelTypeName, MODEL_TYPE_NAMES } from '../../src-preload/contract/model-types'
import { TEST_ALL_CONCURRENCY } from '../../src-preload/contract/test-all'
import { defaultSlots, isDefaultSlotName } from '../../src-preload/contract/slot-names'
import { AppError } from '../../src-main/errors'
import { defineCommand, type CliCommand } from '../command'
import { EXIT } from '../exit-codes'
import { plural, table } from '../format'
import { safeText } from '../safe-text'

const bad = (message: string, field?: string) =>
  new AppError('validation', message, field ? { field } : undefined)

/** DESIGN §9 model JSON: exactly these fields. */
const modelJson = (m: ModelView) => ({
  id: m.id,
  name: m.name,
  provider: m.provider,
  type: m.type,
  credentialId: m.credentialId,
})

type TestJson = {
  credentialId: string
  provider: string | null
  ok: boolean
  code: string
  message: string
  latencyMs: number
  /** Rate-limit / quota signals (issue 12): every field null when unknown; null when none. */
  limits: TestLimits | null
}
const testJson = (r: TestJson): TestJson => ({
  credentialId: r.credentialId,
  provider: r.provider,
  ok: r.ok,
  code: r.code,
  message: r.message,
  latencyMs: r.latencyMs,
  limits: r.limits
    ? {
        remaining: r.limits.remaining,
        limit: r.limits.limit,
        resetAt: r.limits.resetAt,
        credit: r.limits.credit,
      }
    : null,
})

function parseType(value: string, field: string): ModelType {
  if (!isModelTypeName(value))
    throw bad(`"${value}" is not a model type (${MODEL_TYPE_NAMES.join(', ')})`, field)
  return value
}

export const modelCommands: CliCommand[] = [
  defineCommand({
    name: 'test',
    usage: '<id> | --all [--concurrency N]',
    summary: 'Test credentials with the cheapest authenticated call; --all runs them in parallel',
    flags: { all: { type: 'boolean' }, concurrency: { type: 'string' } },
    positionals: [0, 1],
    run: async ({ app, positionals, flags, io }) => {
      const tests = app().tests
      if (flags.all) {
        if (positionals.length) throw bad('give an id or --all, not both')
        const { min, max } = TEST_ALL_CONCURRENCY
        const concurrency =
          flags.concurrency === undefined ? TEST_ALL_CONCURRENCY.default : Number(flags.concurrency)
        if (!Number.isInteger(concurrency) || concurrency < min || concurrency > max)
          throw bad(`--concurrency takes ${min} to ${max}`, 'concurrency')
        const run = await tests.testAll({
          concurrency,
          onResult: (r) =>
            io.err(`${r.ok ? '✓' : '✗'} ${r.provider} ${r.credentialId}: ${safeText(r.message)}`),
        })
        return { results: run.results.map(testJson), elapsedMs: run.elapsedMs }
      }
      if (!positionals[0]) throw bad('give a credential id, or --all')
      const r = await tests.testOne(positionals[0])
      if (!io.json && r.hint) io.err(`hint: ${safeText(r.hint)}`)
      return testJson(r)
    },
    human: (r, io) => {
      if ('results' in r) {
        const all = r
        const failed = all.results.filter((x) => !x.ok).length
        io.err(
          `${plural(all.results.length, 'credential')} tested in ${all.elapsedMs} ms: ${all.results.length - failed} working, ${failed} failing`,
        )
        return
      }
      io.out(`${r.ok ? '✓' : '✗'} ${r.message} (${r.code}, ${r.latencyMs} ms)`)
      const l = r.limits
      if (l) {
        const parts = [
          l.remaining !== null
            ? `requests left ${l.remaining}${l.limit !== null ? `/${l.limit}` : ''}`
            : '',
          l.resetAt ? `resets ${l.resetAt}` : '',
          l.credit !== null ? `credit ${l.credit}` : '',
        ].filter(Boolean)
        if (parts.length) io.out(`  ${parts.join(' · ')}`)
      }
    },
    exitCode: (r) => {
      const results = 'results' in r ? r.results : [r]
      return results.every((x) => x.ok) ? EXIT.ok : EXIT.failed
    },
  }),
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
      if (!flags.all && !wanted.length) throw bad('give --model NAME[:TYPE] (repeatable) or --all')
      if (flags.all && wanted.length) throw bad('give --model or --all, not both')
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
              throw bad(
                `"${spec}" is not in the credential's listing; give its type: --model "${spec}:language"`,
                'model',
              )
            return { name: found.name, type: found.type }
          })
      if (!models.length) throw bad('discovery listed no models to register')
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
  defineCommand({
    name: 'defaults',
    usage: '',
    summary: 'Show the default model of each job (chat, embedding, …)',
    flags: {},
    run: async ({ app, io }) => {
      const a = app()
      if (!io.json) return a.defaults.get()
      return a.defaults.getJson()
    },
    human: (view, io) => {
      // Only `--json` gets the plain slot → model map; people get the view.
      if (!('slots' in view)) return
      io.out(
        table([
          ['SLOT', 'MODEL', 'NOTE'],
          ...Object.values(view.slots).map((s) => [
            `${s.slot}${s.required ? '*' : ''}`,
            s.effectiveModelId ?? '-',
            [s.fallback ? 'falls back to chat' : '', s.problem ?? '', s.cleared ? 'cleared' : '']
              .filter(Boolean)
              .join(', '),
          ]),
        ]),
      )
      if (view.missingRequired.length)
        io.err(
          `Missing required: ${view.missingRequired.join(', ')} — try: switchboard defaults auto`,
        )
    },
  }),
  defineCommand({
    name: 'defaults set',
    usage: `<${defaultSlots.join('|')}> <modelId|none>`,
    summary: 'Set or clear one default slot',
    flags: {},
    positionals: [2, 2],
    run: async ({ app, positionals }) => {
      const slot = positionals[0]!
      const model = positionals[1]!
      if (!isDefaultSlotName(slot))
        throw bad(`"${slot}" is not a slot (${defaultSlots.join(', ')})`, 'slot')
      const res = await app().defaults.set(slot, model === 'none' ? null : model)
      return res.defaults
    },
    human: (_r, io) => io.err('Saved.'),
  }),
  defineCommand({
    name: 'defaults auto',
    usage: '',
    summary: 'Fill the empty required slots from the registered models (never a slot you cleared)',
    flags: {},
    run: async ({ app }) => app().defaults.autoAssign(),
    human: (res, io) => {
      for (const a of res.assigned) io.out(`${a.slot} → ${a.modelId}`)
      if (!res.assigned.length) io.err('Nothing to assign.')
      if (res.missing.length)
        io.err(`Still missing: ${res.missing.join(', ')} (register a model of that type first)`)
    },
  }),
]
