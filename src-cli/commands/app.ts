import type { CliCommand } from '../command'

/** Commands about the app itself. */
export const appCommands: CliCommand[] = [
  {
    name: 'info',
    usage: '',
    summary: 'Show the version and the data directory',
    run: async ({ app }) => {
      const a = app()
      return { name: 'Switchboard', version: a.version, dataDir: a.home }
    },
    human: (r, io) => {
      const info = r as { version: string; dataDir: string }
      io.out(`Switchboard ${info.version}\ndata: ${info.dataDir}`)
    },
  },
]
