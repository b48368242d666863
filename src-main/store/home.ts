/**
 * Where Switchboard keeps its data (DESIGN §3): the same directory Electron's `userData` resolves
 * to for productName "Switchboard", so the app and the CLI share one store.
 */
import os from 'node:os'
import path from 'node:path'
import { AppError } from '../errors'

const APP_DIR = 'Switchboard'

/**
 * The data directory for this environment and platform; `SWITCHBOARD_HOME` wins everywhere. A set
 * but empty (or relative) `SWITCHBOARD_HOME` is a mistake, not a wish for the default folder: it
 * is refused, so a script never writes secrets to a folder it did not mean (issue 11).
 */
export function resolveHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  homedir: string = os.homedir(),
): string {
  const given = env.SWITCHBOARD_HOME
  if (given !== undefined) {
    if (!given.trim()) {
      throw new AppError(
        'validation',
        'SWITCHBOARD_HOME is set but empty. Unset it to use the default data folder, or set it to an absolute path.',
        { field: 'SWITCHBOARD_HOME', reason: 'empty' },
      )
    }
    if (!path.isAbsolute(given)) {
      throw new AppError(
        'validation',
        `SWITCHBOARD_HOME must be an absolute path (got a relative one: ${given.slice(0, 120)}).`,
        { field: 'SWITCHBOARD_HOME', reason: 'relative' },
      )
    }
    return path.resolve(given)
  }
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', APP_DIR)
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(homedir, 'AppData', 'Roaming')
    return path.win32.join(appData, APP_DIR)
  }
  const config = env.XDG_CONFIG_HOME || path.join(homedir, '.config')
  return path.join(config, APP_DIR)
}
