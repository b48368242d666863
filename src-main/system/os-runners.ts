/**
 * The real OS commands behind the CLI installer: `reg.exe` on Windows and the administrator
 * prompt on macOS (osascript "with administrator privileges") and Linux (pkexec, polkit's
 * prompt). Arguments go to execFile, never through a shell, except the one command the prompt
 * runs, which cli-install.ts builds from quoted paths.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Elevate, RegRunner } from './cli-install'

export const regRunner: RegRunner = (args) =>
  new Promise((resolve) => {
    execFile('reg', args, { windowsHide: true, timeout: 15_000 }, (err, stdout) => {
      const code = (err as { code?: unknown } | null)?.code
      resolve({ status: err ? (typeof code === 'number' ? code : 1) : 0, stdout: String(stdout) })
    })
  })

const run = (cmd: string, args: string[]) =>
  new Promise<boolean>((resolve) => {
    execFile(cmd, args, { timeout: 120_000 }, (err) => resolve(!err))
  })

function onPath(env: NodeJS.ProcessEnv, name: string): string | null {
  for (const dir of (env.PATH ?? '').split(':')) {
    const file = path.join(dir, name)
    try {
      fs.accessSync(file, fs.constants.X_OK)
      return file
    } catch {
      // not here
    }
  }
  return null
}

/** The admin prompt for this OS, or undefined where there is none. */
export function elevateFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Elevate | undefined {
  if (platform === 'darwin') {
    return (command) =>
      run('osascript', [
        '-e',
        `do shell script ${JSON.stringify(command)} with administrator privileges`,
      ])
  }
  if (platform === 'linux') {
    const pkexec = onPath(env, 'pkexec')
    if (pkexec) return (command) => run(pkexec, ['/bin/sh', '-c', command])
  }
  return undefined
}
