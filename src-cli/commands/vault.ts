/** `vault status`, `vault rotate` (DESIGN §9): where the master key comes from, and a new one. */
import { defineCommand, type CliCommand } from '../command'
import { EXIT } from '../exit-codes'
import { plural } from '../format'

export const vaultCommands: CliCommand[] = [
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
