/**
 * Where Switchboard keeps its data (DESIGN §3): the same directory Electron's `userData` resolves
 * to for productName "Switchboard", so the app and the CLI share one store.
 */
import os from 'node:os'
import path from 'node:path'

const APP_DIR = 'Switchboard'

/** The data directory for this environment and platform; `SWITCHBOARD_HOME` wins everywhere. */
export function resolveHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  homedir: string = os.homedir(),
): string {
  if (env.SWITCHBOARD_HOME) return path.resolve(env.SWITCHBOARD_HOME)
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', APP_DIR)
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(homedir, 'AppData', 'Roaming')
    return path.win32.join(appData, APP_DIR)
  }
  const config = env.XDG_CONFIG_HOME || path.join(homedir, '.config')
  return path.join(config, APP_DIR)
}
