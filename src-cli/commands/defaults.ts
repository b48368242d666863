/** `defaults`, `defaults set`, `defaults auto` (DESIGN §9): the default model of each job. */
import { defaultSlots, isDefaultSlotName } from '../../src-preload/contract/slot-names'
import { defineCommand, invalid, type CliCommand } from '../command'
import { table } from '../format'

export const defaultsCommands: CliCommand[] = [
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
        throw invalid(`"${slot}" is not a slot (${defaultSlots.join(', ')})`, 'slot')
      const a = app()
      await a.defaults.set(slot, model === 'none' ? null : model)
      // DESIGN §9: every defaults command's --json is the one defaults object, `{chat, …}`.
      return a.defaults.getJson()
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
