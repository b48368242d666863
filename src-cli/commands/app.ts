import { defineCommand, type CliCommand } from '../command'

/** Commands about the app itself. */
export const appCommands: CliCommand[] = [
  defineCommand({
    name: 'info',
    usage: '',
    summary: 'Show the version and the data directory',
    flags: {},
    run: async ({ app }) => {
      const a = app()
      return { name: 'Switchboard', version: a.version, dataDir: a.home }
    },
    human: (info, io) => {
      io.out(`Switchboard ${info.version}\ndata: ${info.dataDir}`)
    },
  }),
]
