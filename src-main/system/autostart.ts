/**
 * Launch at login on Linux: Electron's `app.setLoginItemSettings` does nothing there, so we write
 * the XDG autostart entry ourselves (freedesktop "Desktop Application Autostart Specification":
 * `$XDG_CONFIG_HOME/autostart/<name>.desktop`, default `~/.config/autostart`;
 * https://specifications.freedesktop.org/autostart-spec/latest/). Plain Node, tested with a
 * temp HOME.
 */
import fs from 'node:fs'
import path from 'node:path'

export const AUTOSTART_FILE = 'switchboard.desktop'
/** The argument a login start carries: the app starts in the tray without opening its window. */
export const HIDDEN_ARG = '--hidden'

export interface AutostartOptions {
  env: NodeJS.ProcessEnv
  homedir: string
  /** What to start: the AppImage file itself when running from one, else the executable. */
  execPath: string
}

/** The autostart file's path for this environment. */
export function autostartPath(env: NodeJS.ProcessEnv, homedir: string): string {
  const config = env.XDG_CONFIG_HOME || path.join(homedir, '.config')
  return path.join(config, 'autostart', AUTOSTART_FILE)
}

/** The executable to start at login: `$APPIMAGE` (a stable file) when set, else `execPath`. */
export function autostartExec(env: NodeJS.ProcessEnv, execPath: string): string {
  return env.APPIMAGE || execPath
}

/** Quotes a path for a desktop entry's Exec key (spec: reserved characters inside double quotes). */
function quoteExec(file: string): string {
  return `"${file.replace(/(["`$\\])/g, '\\$1')}"`
}

export function autostartEntry(exec: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Switchboard',
    `Exec=${quoteExec(exec)} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** Writes or removes the entry; returns where it is (or was). */
export function setLinuxAutostart(enabled: boolean, options: AutostartOptions): string {
  const file = autostartPath(options.env, options.homedir)
  if (!enabled) {
    fs.rmSync(file, { force: true })
    return file
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, autostartEntry(autostartExec(options.env, options.execPath)), {
    mode: 0o644,
  })
  fs.renameSync(tmp, file)
  return file
}

/** True when the entry exists (the user may have removed it in their desktop's settings). */
export function linuxAutostartEnabled(env: NodeJS.ProcessEnv, homedir: string): boolean {
  return fs.existsSync(autostartPath(env, homedir))
}
