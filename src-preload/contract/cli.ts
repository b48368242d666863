/**
 * Channels of the `cli` domain (issue 15): put the installed app's `switchboard` command on PATH.
 */
import { z } from 'zod'
import { channel } from './define'

export interface CliStatus {
  /** The app ships the command (a packaged build); false in a development run. */
  available: boolean
  installed: boolean
  /** The link (macOS/Linux) or the PATH folder (Windows) that provides `switchboard`. */
  location: string | null
  /** That folder is on PATH (new terminals find the command). */
  onPath: boolean
  /** A system-wide link can be made after an administrator prompt. */
  canElevate: boolean
  /** symlink (macOS/Linux), userPath (Windows), package (the deb's /usr/bin link). */
  method: 'symlink' | 'userPath' | 'package'
}

export const cliChannels = {
  'cli:status': channel<CliStatus>()(z.object({}).strict()),
  /** `elevate`: link into /usr/local/bin after the OS's administrator prompt. */
  'cli:install': channel<CliStatus>()(z.object({ elevate: z.boolean().optional() }).strict()),
}

export const cliEvents = {}
