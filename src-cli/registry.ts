/** Every CLI command, from one table per domain (the order is the help's order). */
import type { CliCommand } from './command'
import { appCommands } from './commands/app'
import { credentialCommands } from './commands/credentials'
import { envCommands } from './commands/env'
import { gatewayCommands } from './commands/gateway'
import { localCommands } from './commands/local'
import { modelCommands } from './commands/models'

export const commands: CliCommand[] = [
  ...credentialCommands,
  ...modelCommands,
  ...localCommands,
  ...envCommands,
  ...gatewayCommands,
  ...appCommands,
]
