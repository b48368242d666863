/**
 * The PATH installer of the command-line tool (issue 15), per OS, over a temp HOME. The launcher
 * is the real one from build/cli/linux; a stand-in `switchboard-bin` beside it prints what it got,
 * so running the installed link proves the launcher finds its folder through the symlink.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createCliInstaller,
  parseRegQuery,
  type CliInstallerDeps,
  type RegRunner,
} from '../../../src-main/system/cli-install'
import { tmpHome } from '../../support/home'

const ROOT = path.resolve(__dirname, '../../..')
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

/** A temp world: HOME, an installed app's resources (launcher + stand-in SEA + keytar), a bin. */
function world() {
  const root = tmpHome('sb-cli-install-')
  dirs.push(root)
  const home = path.join(root, 'home')
  const resources = path.join(root, 'app', 'resources')
  const cli = path.join(resources, 'cli')
  fs.mkdirSync(home, { recursive: true })
  fs.mkdirSync(cli, { recursive: true })
  fs.copyFileSync(path.join(ROOT, 'build/cli/linux/switchboard'), path.join(cli, 'switchboard'))
  fs.chmodSync(path.join(cli, 'switchboard'), 0o755)
  fs.writeFileSync(path.join(cli, 'switchboard-bin'), '#!/bin/sh\necho "standalone $*"\n', {
    mode: 0o755,
  })
  const keytar = path.join(resources, 'app.asar.unpacked', 'node_modules', 'keytar')
  fs.mkdirSync(keytar, { recursive: true })
  fs.writeFileSync(path.join(keytar, 'package.json'), '{"name":"keytar"}')
  const systemBin = path.join(root, 'usr-local-bin')
  return { root, home, resources, cli, systemBin }
}

function linux(w: ReturnType<typeof world>, extra: Partial<CliInstallerDeps> = {}) {
  return createCliInstaller({
    platform: 'linux',
    homedir: w.home,
    env: { PATH: '/usr/bin:/bin' },
    resourcesPath: w.resources,
    systemBin: w.systemBin,
    packageLink: path.join(w.root, 'usr-bin-switchboard'),
    ...extra,
  })
}

const run = (file: string, ...args: string[]) =>
  execFileSync(file, args, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } }).trim()

describe('CLI on PATH: macOS and Linux', () => {
  it('links into the system bin folder when this user may write there', async () => {
    const w = world()
    fs.mkdirSync(w.systemBin)
    const installer = linux(w, { env: { PATH: `${w.systemBin}:/usr/bin` } })
    expect(await installer.status()).toMatchObject({ available: true, installed: false })
    const s = await installer.install()
    const link = path.join(w.systemBin, 'switchboard')
    expect(s).toMatchObject({ installed: true, location: link, onPath: true, method: 'symlink' })
    expect(fs.readlinkSync(link)).toBe(path.join(w.cli, 'switchboard'))
    expect(run(link, '--version')).toBe('standalone --version')
    // Again: nothing breaks, same answer.
    expect(await installer.install()).toEqual(s)
  })

  it('falls back to ~/.local/bin without a prompt, and says it is not on PATH', async () => {
    const w = world() // systemBin does not exist: not writable
    let prompted = 0
    const installer = linux(w, { elevate: async () => (prompted++, true) })
    const s = await installer.install()
    const link = path.join(w.home, '.local', 'bin', 'switchboard')
    expect(s).toMatchObject({ installed: true, location: link, onPath: false, canElevate: true })
    expect(prompted).toBe(0)
    expect(run(link, 'list')).toBe('standalone list')
  })

  it('reports ~/.local/bin on PATH when it is', async () => {
    const w = world()
    const userBin = path.join(w.home, '.local', 'bin')
    const s = await linux(w, { env: { PATH: `/usr/bin:${userBin}` } }).install()
    expect(s).toMatchObject({ location: path.join(userBin, 'switchboard'), onPath: true })
  })

  it('asks for the admin prompt only when told to, and runs one quoted command', async () => {
    const w = world()
    const commands: string[] = []
    const installer = linux(w, {
      elevate: async (command) => {
        commands.push(command)
        execFileSync('/bin/sh', ['-c', command]) // the prompt's effect, as the admin would run it
        return true
      },
    })
    const s = await installer.install({ elevate: true })
    expect(commands).toHaveLength(1)
    expect(commands[0]).toContain(`'${path.join(w.systemBin, 'switchboard')}'`)
    expect(s).toMatchObject({ installed: true, location: path.join(w.systemBin, 'switchboard') })
  })

  it('changes nothing when the admin prompt is refused', async () => {
    const w = world()
    const installer = linux(w, { elevate: async () => false })
    await expect(installer.install({ elevate: true })).rejects.toMatchObject({ code: 'cancelled' })
    expect(await installer.status()).toMatchObject({ installed: false })
  })

  it("never replaces someone else's switchboard", async () => {
    const w = world()
    fs.mkdirSync(w.systemBin)
    const theirs = path.join(w.systemBin, 'switchboard')
    fs.writeFileSync(theirs, '#!/bin/sh\necho theirs\n', { mode: 0o755 })
    await expect(linux(w).install()).rejects.toMatchObject({
      code: 'conflict',
      params: { path: theirs },
    })
    expect(fs.readFileSync(theirs, 'utf8')).toContain('theirs')
  })

  it('copies an AppImage’s CLI folder (and keytar) out of the mount and links the copy', async () => {
    const w = world()
    const dataHome = path.join(w.home, 'data')
    const installer = linux(w, {
      env: { PATH: '/usr/bin', APPIMAGE: '/apps/Switchboard.AppImage', XDG_DATA_HOME: dataHome },
    })
    const s = await installer.install()
    const copy = path.join(dataHome, 'switchboard', 'cli')
    expect(fs.readlinkSync(s.location!)).toBe(path.join(copy, 'switchboard'))
    expect(fs.existsSync(path.join(copy, 'node_modules', 'keytar', 'package.json'))).toBe(true)
    // The mount goes away; the command still runs.
    fs.rmSync(w.resources, { recursive: true })
    expect(run(s.location!, '--version')).toBe('standalone --version')
  })

  it("counts the deb's /usr/bin/switchboard link as installed", async () => {
    const w = world()
    fs.symlinkSync(path.join(w.cli, 'switchboard'), path.join(w.root, 'usr-bin-switchboard'))
    expect(await linux(w).status()).toMatchObject({
      installed: true,
      method: 'package',
      onPath: true,
    })
  })

  it('has nothing to install in a development run', async () => {
    const w = world()
    const installer = linux(w, { resourcesPath: undefined })
    expect(await installer.status()).toMatchObject({ available: false, installed: false })
    await expect(installer.install()).rejects.toMatchObject({ code: 'unsupported' })
  })

  it('treats /usr/local/bin as on PATH on macOS (it is in /etc/paths)', async () => {
    const w = world()
    fs.mkdirSync(w.systemBin)
    const s = await createCliInstaller({
      platform: 'darwin',
      homedir: w.home,
      env: { PATH: '/usr/bin:/bin' }, // a Dock-started app's short PATH
      resourcesPath: w.resources,
      systemBin: w.systemBin,
    }).install()
    expect(s).toMatchObject({ installed: true, onPath: true })
  })
})

/**
 * A registry stand-in for `reg query` / `reg add` on HKCU\Environment, answering in reg.exe's
 * documented output format (learn.microsoft.com/windows-server/administration/windows-commands/
 * reg-query and reg-add): exit 1 when the value does not exist.
 */
function fakeRegistry(initial?: { type: string; value: string }) {
  let value = initial ?? null
  const calls: string[][] = []
  const reg: RegRunner = async (args) => {
    calls.push(args)
    if (args[0] === 'query') {
      if (!value) return { status: 1, stdout: '' }
      return {
        status: 0,
        stdout: `\r\nHKEY_CURRENT_USER\\Environment\r\n    Path    ${value.type}    ${value.value}\r\n\r\n`,
      }
    }
    if (args[0] === 'add') {
      value = { type: args[args.indexOf('/t') + 1]!, value: args[args.indexOf('/d') + 1]! }
      return { status: 0, stdout: 'The operation completed successfully.\r\n' }
    }
    return { status: 1, stdout: '' }
  }
  return { reg, calls, value: () => value }
}

describe('CLI on PATH: Windows (user PATH in HKCU\\Environment)', () => {
  const resources = 'C:\\Users\\me\\AppData\\Local\\Programs\\Switchboard\\resources'
  const cliDir = `${resources}\\cli`
  const win = (reg: RegRunner) =>
    createCliInstaller({
      platform: 'win32',
      homedir: 'C:\\Users\\me',
      env: { Path: 'C:\\Windows' },
      resourcesPath: resources,
      reg,
      exists: (f) => f === `${cliDir}\\switchboard.cmd`,
    })

  it('appends the cli folder once, keeping the value type and every other entry', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `C:\\Tools\\tool-number-${i}`).join(';')
    const r = fakeRegistry({ type: 'REG_EXPAND_SZ', value: `%USERPROFILE%\\bin;${long}` })
    const installer = win(r.reg)
    expect(await installer.status()).toMatchObject({ available: true, installed: false })
    const s = await installer.install()
    expect(s).toMatchObject({ installed: true, location: cliDir, method: 'userPath' })
    expect(r.value()).toEqual({
      type: 'REG_EXPAND_SZ',
      value: `%USERPROFILE%\\bin;${long};${cliDir}`,
    })
    expect(r.value()!.value.length).toBeGreaterThan(1024) // setx would have cut it here
    await installer.install()
    expect(r.calls.filter((c) => c[0] === 'add')).toHaveLength(1)
  })

  it('creates the user PATH when the profile has none', async () => {
    const r = fakeRegistry()
    await win(r.reg).install()
    expect(r.value()).toEqual({ type: 'REG_EXPAND_SZ', value: cliDir })
  })

  it('recognises the folder whatever its case or trailing backslash', async () => {
    const r = fakeRegistry({ type: 'REG_SZ', value: `C:\\X;${cliDir.toUpperCase()}\\` })
    expect(await win(r.reg).status()).toMatchObject({ installed: true })
  })

  it('parses reg.exe output', () => {
    expect(
      parseRegQuery('\r\nHKEY_CURRENT_USER\\Environment\r\n    Path    REG_SZ    C:\\a;C:\\b\r\n'),
    ).toEqual({ type: 'REG_SZ', value: 'C:\\a;C:\\b' })
    expect(parseRegQuery('ERROR: The system was unable to find the specified registry key')).toBe(
      null,
    )
  })
})
