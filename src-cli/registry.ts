/** Every CLI command, from one table per domain (the order is the help's order). */
import type { CliCommand } from './command'
import { appCommands } from './commands/app'
import { testCommands } from './commands/connection-tests'
import { credentialCommands } from './commands/credentials'
import { defaultsCommands } from './commands/defaults'
import { envCommands } from './commands/env'
import { gatewayCommands } from './commands/gateway'
import { localCommands } from './commands/local'
import { modelCommands } from './commands/models'
import { vaultCommands } from './commands/vault'

export const commands: CliCommand[] = [
  ...credentialCommands,
  ...vaultCommands,
  ...testCommands,
  ...modelCommands,
  ...defaultsCommands,
  ...localCommands,
  ...envCommands,
  ...gatewayCommands,
  ...appCommands,
]
