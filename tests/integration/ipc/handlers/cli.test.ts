/**
 * The `cli:*` channels (src-main/ipc/handlers/cli.ts) through the real IPC pipeline, over a
 * context whose PATH installer works in a temp world: the status, a link into the user's bin,
 * the `elevate` flag handed to the administrator prompt, and a development run that has nothing
 * to install.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppContext } from '../../../../src-main/app-context'
import { createCliInstaller } from '../../../../src-main/system/cli-install'
import { tmpHome } from '../../../support/home'
import { ipcHarness, OWN, ownDispatch } from '../../../support/ipc-harness'

function world() {
  const root = tmpHome('sb-cli-ipc-')
  const home = path.join(root, 'home')
  const cli = path.join(root, 'resources', 'cli')
  const systemBin = path.join(root, 'system-bin')
  fs.mkdirSync(home, { recursive: true })
  fs.mkdirSync(cli, { recursive: true })
  fs.writeFileSync(path.join(cli, 'switchboard'), '#!/bin/sh\necho launched\n', { mode: 0o755 })
  const prompts: string[] = []
  const app = createAppContext({
    home: path.join(root, 'data'),
    env: {},
    cliInstaller: createCliInstaller({
      platform: 'linux',
      homedir: home,
      env: { PATH: '/usr/bin' },
      resourcesPath: path.join(root, 'resources'),
      systemBin,
      packageLink: path.join(root, 'usr-bin', 'switchboard'),
      // The prompt "grants" by running the command as it was given.
      elevate: async (command) => {
        prompts.push(command)
        execFileSync('/bin/sh', ['-c', command])
        return true
      },
    }),
  })
  const dispatch = ownDispatch(app)
  return { home, systemBin, prompts, call: (c: string, p: unknown) => dispatch(c, p, OWN) }
}

describe('cli:status / cli:install', () => {
  it('reports the shipped command and links it into the user bin', async () => {
    const w = world()
    expect(await w.call('cli:status', {})).toMatchObject({
      ok: true,
      data: { available: true, installed: false, canElevate: true, method: 'symlink' },
    })
    const userLink = path.join(w.home, '.local', 'bin', 'switchboard')
    expect(await w.call('cli:install', {})).toMatchObject({
      ok: true,
      data: { installed: true, location: userLink, onPath: false },
    })
    expect(execFileSync(userLink, { encoding: 'utf8' })).toBe('launched\n')
    expect(w.prompts).toEqual([])
  })

  it('hands elevate to the administrator prompt, which links into the system bin', async () => {
    const w = world()
    const r = await w.call('cli:install', { elevate: true })
    expect(r).toMatchObject({ ok: true, data: { installed: true } })
    expect(w.prompts).toHaveLength(1)
    expect(fs.readlinkSync(path.join(w.systemBin, 'switchboard'))).toMatch(
      /resources\/cli\/switchboard$/,
    )
  })

  it('has nothing to install in a development run', async () => {
    const h = ipcHarness(tmpHome('sb-cli-ipc-dev-'), {})
    expect((await h.call('cli:status', {})).data).toMatchObject({ available: false })
    expect((await h.call('cli:install', {})).error?.code).toBe('unsupported')
  })
})
