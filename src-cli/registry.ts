/** Every CLI command, from one table per domain. */
import type { CliCommand } from './command'
import { appCommands } from './commands/app'

export const commands: CliCommand[] = [...appCommands]
