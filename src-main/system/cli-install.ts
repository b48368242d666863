/**
 * Puts the installed app's `switchboard` command on PATH the way each OS expects (issue 15).
 * Plain Node: the platform, home folder, environment, the system bin folder, the `reg` runner and
 * the admin prompt are injected, so every OS's path is tested here with a temp HOME.
 * - macOS / Linux: a symlink named `switchboard` to the launcher in the app's resources/cli, in
 *   /usr/local/bin when this user may write there, else ~/.local/bin. An admin prompt (osascript /
 *   pkexec) only when the person asks for the system-wide link because ~/.local/bin is not on PATH.
 * - An AppImage is mounted at a new path each run, so its CLI folder is first copied to
 *   $XDG_DATA_HOME/switchboard/cli (with keytar) and the link points at the copy.
 * - Windows: the resources\cli folder is appended to the user's PATH (HKCU\Environment, read and
 *   written with `reg`, which, unlike setx, does not cut the value at 1024 characters).
 * - deb: the package's after-install script links /usr/bin/switchboard; that counts as installed.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { CliStatus } from '../../src-preload/contract/cli'
import { AppError } from '../errors'

/** Runs `reg.exe` with these arguments (Windows). */
export type RegRunner = (args: string[]) => Promise<{ status: number; stdout: string }>
/** Runs a shell command as an administrator after the OS's own prompt; false when refused. */
export type Elevate = (command: string) => Promise<boolean>

export interface CliInstallerDeps {
  platform: NodeJS.Platform
  homedir: string
  env: NodeJS.ProcessEnv
  /** The packaged app's resources folder; undefined in a development run (nothing to install). */
  resourcesPath: string | undefined
  /** The system-wide bin folder (tests pass a temp dir). */
  systemBin?: string
  /** The deb's link (tests pass a temp path). */
  packageLink?: string
  reg?: RegRunner
  /** Undefined where no admin prompt exists. */
  elevate?: Elevate
  /** File existence (tests of the Windows path pass one: C:\ paths do not exist here). */
  exists?: (file: string) => boolean
}

export interface CliInstaller {
  status(): Promise<CliStatus>
  install(options?: { elevate?: boolean }): Promise<CliStatus>
}

const ENV_KEY = 'HKCU\\Environment'

/** Quotes one word for a POSIX shell. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** Where a symlink finally points, or null when it is not a link (or is dangling). */
function linkTarget(file: string): string | null {
  try {
    if (!fs.lstatSync(file).isSymbolicLink()) return null
    return fs.realpathSync(file)
  } catch {
    return null
  }
}

function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Parses `reg query HKCU\Environment /v Path` output (learn.microsoft.com: reg query). */
export function parseRegQuery(stdout: string): { type: string; value: string } | null {
  const m = /^\s*Path\s+(REG_SZ|REG_EXPAND_SZ)\s{2,}(.*)$/im.exec(stdout)
  return m ? { type: m[1]!, value: m[2]!.trim() } : null
}

const samePathEntry = (a: string, b: string) =>
  a.replace(/[\\/]+$/, '').toLowerCase() === b.replace(/[\\/]+$/, '').toLowerCase()

export function createCliInstaller(deps: CliInstallerDeps): CliInstaller {
  const win = deps.platform === 'win32'
  const p = win ? path.win32 : path.posix
  const systemBin = deps.systemBin ?? '/usr/local/bin'
  const userBin = p.join(deps.homedir, '.local', 'bin')
  const packageLink = deps.packageLink ?? '/usr/bin/switchboard'
  const cliDir = deps.resourcesPath ? p.join(deps.resourcesPath, 'cli') : null
  const launcher = cliDir ? p.join(cliDir, win ? 'switchboard.cmd' : 'switchboard') : null
  const appImage = !win && Boolean(deps.env.APPIMAGE)
  const dataHome = deps.env.XDG_DATA_HOME || p.join(deps.homedir, '.local', 'share')
  const copiedDir = p.join(dataHome, 'switchboard', 'cli')
  const pathDirs = (deps.env.PATH ?? deps.env.Path ?? '').split(win ? ';' : ':').filter(Boolean)
  const onEnvPath = (dir: string) => pathDirs.some((d) => samePathEntry(d, dir))
  // /usr/local/bin is in macOS's /etc/paths, so every shell has it even though an app started
  // from the Dock gets a shorter PATH.
  const onPath = (dir: string) =>
    onEnvPath(dir) || (deps.platform === 'darwin' && samePathEntry(dir, systemBin))

  /** The launcher the link should point at (the copy for an AppImage). */
  const source = () => (appImage ? p.join(copiedDir, 'switchboard') : launcher)
  const ours = (file: string) => {
    const target = linkTarget(file)
    if (!target) return false
    const want = [launcher, appImage ? p.join(copiedDir, 'switchboard') : null]
      .filter((x): x is string => Boolean(x))
      .map((f) => {
        try {
          return fs.realpathSync(f)
        } catch {
          return f
        }
      })
    return want.includes(target)
  }

  const base = (): CliStatus => ({
    available: Boolean(launcher && (deps.exists ?? fs.existsSync)(launcher)),
    installed: false,
    location: null,
    onPath: false,
    canElevate: !win && Boolean(deps.elevate),
    method: win ? 'userPath' : 'symlink',
  })

  async function readUserPath(): Promise<{ type: string; value: string } | null> {
    if (!deps.reg) throw new AppError('unsupported', 'The Windows registry is not reachable.')
    const r = await deps.reg(['query', ENV_KEY, '/v', 'Path'])
    // Exit 1: the value does not exist yet (a fresh profile).
    if (r.status !== 0) return null
    return parseRegQuery(r.stdout)
  }

  async function status(): Promise<CliStatus> {
    const s = base()
    if (!launcher || !cliDir) return s
    if (win) {
      const current = await readUserPath()
      const entries = (current?.value ?? '').split(';').filter(Boolean)
      if (entries.some((e) => samePathEntry(e, cliDir))) {
        return { ...s, installed: true, location: cliDir, onPath: true }
      }
      return s
    }
    if (deps.platform === 'linux' && ours(packageLink)) {
      return { ...s, installed: true, location: packageLink, onPath: true, method: 'package' }
    }
    for (const dir of [systemBin, userBin]) {
      const link = p.join(dir, 'switchboard')
      if (ours(link)) return { ...s, installed: true, location: link, onPath: onPath(dir) }
    }
    return s
  }

  /** The AppImage's CLI folder (launcher, bundle, SEA) and keytar, copied to a stable place. */
  function copyOutOfAppImage(): void {
    fs.rmSync(copiedDir, { recursive: true, force: true })
    fs.mkdirSync(copiedDir, { recursive: true })
    fs.cpSync(cliDir!, copiedDir, { recursive: true })
    const keytar = p.join(deps.resourcesPath!, 'app.asar.unpacked', 'node_modules', 'keytar')
    if (fs.existsSync(keytar)) {
      fs.cpSync(keytar, p.join(copiedDir, 'node_modules', 'keytar'), { recursive: true })
    }
  }

  function linkInto(dir: string): string {
    const link = p.join(dir, 'switchboard')
    // A dangling link (an old AppImage copy, a moved app) is replaced; someone else's command is not.
    if (fs.existsSync(link) && !ours(link)) {
      throw new AppError('conflict', 'Another switchboard command is already there.', {
        path: link,
      })
    }
    if (fs.existsSync(link) || isDangling(link)) fs.rmSync(link, { force: true })
    fs.mkdirSync(dir, { recursive: true })
    fs.symlinkSync(source()!, link)
    return link
  }

  async function install(options: { elevate?: boolean } = {}): Promise<CliStatus> {
    const s = base()
    if (!s.available || !launcher || !cliDir) {
      throw new AppError('unsupported', 'Only the installed app ships the command-line tool.')
    }
    if (win) {
      const current = await readUserPath()
      const entries = (current?.value ?? '').split(';').filter(Boolean)
      if (!entries.some((e) => samePathEntry(e, cliDir))) {
        const value = [...entries, cliDir].join(';')
        const r = await deps.reg!([
          'add',
          ENV_KEY,
          '/v',
          'Path',
          '/t',
          current?.type ?? 'REG_EXPAND_SZ',
          '/d',
          value,
          '/f',
        ])
        if (r.status !== 0) {
          throw new AppError('internal', 'Windows refused to change the user PATH.')
        }
      }
      return status()
    }
    if (appImage) copyOutOfAppImage()
    if (options.elevate) {
      if (!deps.elevate) throw new AppError('unsupported', 'No administrator prompt is available.')
      const link = p.join(systemBin, 'switchboard')
      if (fs.existsSync(link) && !ours(link)) {
        throw new AppError('conflict', 'Another switchboard command is already there.', {
          path: link,
        })
      }
      const ok = await deps.elevate(
        `mkdir -p ${shellQuote(systemBin)} && ln -sf ${shellQuote(source()!)} ${shellQuote(link)}`,
      )
      if (!ok) throw new AppError('cancelled', 'The administrator prompt was cancelled.')
      return status()
    }
    linkInto(writable(systemBin) ? systemBin : userBin)
    return status()
  }

  return { status, install }
}

function isDangling(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink() && !fs.existsSync(file)
  } catch {
    return false
  }
}
