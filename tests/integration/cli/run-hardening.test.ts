/**
 * `switchboard run` and the CLI process itself, run as the built command (issue 11 "Secrets"):
 * the child never receives the master passphrase or the file that holds it; a child killed by any
 * signal gives 128 + N; and the CLI, which holds the passphrase, opens no debugger on SIGUSR1 and
 * refuses to run with one attached through NODE_OPTIONS.
 *
 * The child runs through src-cli/child (signals forwarded, 128 + N). The debugger refusal is
 * src-cli/harden's; its SIGUSR1 no-op listener is doubled by bin/switchboard.cjs, which this test
 * launches, so the SIGUSR1 case holds without it (a launcher that imports the bundle directly
 * relies on harden's alone).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { freePort, portOpen } from '../../support/ports'
import { ROOT } from '../../fixtures/built'
import { tmpDir } from '../env/helpers'

const MASTER = 'run hardening master passphrase'
const KEY = 'sk-run-hardening-0000000000000001'

interface Started {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exit: Promise<number>
  /** Resolves when stdout contains `text`. */
  waitFor: (text: string) => Promise<void>
}

function start(args: string[], env: Record<string, string>, stdin = ''): Started {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/switchboard.cjs'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  })
  let out = ''
  let err = ''
  const waiters: [string, () => void][] = []
  child.stdout!.on('data', (d) => {
    out += d
    for (const w of waiters.splice(0)) (out.includes(w[0]) ? w[1] : () => waiters.push(w))()
  })
  child.stderr!.on('data', (d) => (err += d))
  child.stdin!.end(stdin)
  const exit = new Promise<number>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? (signal ? -1 : -2))),
  )
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor: (text) =>
      new Promise((resolve) => (out.includes(text) ? resolve() : waiters.push([text, resolve]))),
  }
}

let home = ''
let keyFile = ''
beforeAll(async () => {
  execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'ignore' })
  home = tmpDir('sb-run-hard-')
  keyFile = path.join(home, 'master.key')
  fs.writeFileSync(keyFile, `${MASTER}\n`, { mode: 0o600 })
  const add = start(
    ['add', 'openai', '--name', 'Main', '--key-stdin'],
    {
      SWITCHBOARD_HOME: home,
      SWITCHBOARD_ENCRYPTION_KEY: MASTER,
    },
    KEY,
  )
  expect(await add.exit).toBe(0)
}, 120_000)

describe('switchboard run', () => {
  it('hands the child the provider key but no SWITCHBOARD_* secret (passphrase, key file, tokens)', async () => {
    for (const source of <Record<string, string>[]>[
      { SWITCHBOARD_ENCRYPTION_KEY: MASTER },
      { SWITCHBOARD_ENCRYPTION_KEY_FILE: keyFile },
    ]) {
      const r = start(
        ['run', '--', 'sh', '-c', 'env | grep "^SWITCHBOARD_\\|^OPENAI_API_KEY=" | sort'],
        {
          SWITCHBOARD_HOME: home,
          SWITCHBOARD_GATEWAY_TOKEN: 'sbg_not_for_children',
          ...source,
        },
      )
      expect(await r.exit).toBe(0)
      expect(r.stdout().split('\n').filter(Boolean)).toEqual([
        `OPENAI_API_KEY=${KEY}`,
        `SWITCHBOARD_HOME=${home}`,
      ])
    }
  })

  it('exits 128 + N for every signal that kills the child', async () => {
    const sigs = [
      'SIGHUP',
      'SIGINT',
      'SIGQUIT',
      'SIGABRT',
      'SIGKILL',
      'SIGUSR2',
      'SIGPIPE',
      'SIGALRM',
      'SIGTERM',
    ] as const
    const results = await Promise.all(
      sigs.map(async (sig) => {
        const r = start(['run', '--', 'sh', '-c', `kill -s ${sig.slice(3)} $$`], {
          SWITCHBOARD_HOME: home,
          SWITCHBOARD_ENCRYPTION_KEY: MASTER,
        })
        return [sig, await r.exit]
      }),
    )
    expect(results).toEqual(sigs.map((s) => [s, 128 + os.constants.signals[s]]))
  }, 30_000)

  it('passes SIGTERM on to the child and exits 143 when it dies of it', async () => {
    const r = start(['run', '--', 'sh', '-c', 'echo ready; exec sleep 30'], {
      SWITCHBOARD_HOME: home,
      SWITCHBOARD_ENCRYPTION_KEY: MASTER,
    })
    await r.waitFor('ready')
    r.child.kill('SIGTERM')
    expect(await r.exit).toBe(143)
  })
})

describe('the CLI process holding the passphrase', () => {
  it('opens no debugger on SIGUSR1', async () => {
    const port = await freePort()
    // --inspect-port only says where a SIGUSR1-started inspector would listen; it starts nothing.
    const r = start(['run', '--', 'sh', '-c', 'echo ready; sleep 1'], {
      SWITCHBOARD_HOME: home,
      SWITCHBOARD_ENCRYPTION_KEY: MASTER,
      NODE_OPTIONS: `--inspect-port=127.0.0.1:${port}`,
    })
    await r.waitFor('ready')
    r.child.kill('SIGUSR1')
    let opened = false
    let done = false
    void r.exit.then(() => (done = true))
    while (!done) {
      opened ||= await portOpen(port)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(await r.exit).toBe(0)
    expect(opened).toBe(false)
    expect(r.stderr()).not.toContain('Debugger listening')
  })

  it('refuses to run with a debugger attached through NODE_OPTIONS', async () => {
    const port = await freePort()
    const r = start(['--json', 'list'], {
      SWITCHBOARD_HOME: home,
      SWITCHBOARD_ENCRYPTION_KEY: MASTER,
      NODE_OPTIONS: `--inspect=127.0.0.1:${port}`,
    })
    expect(await r.exit).toBe(2)
    expect(r.stdout()).toBe('')
    expect(r.stderr()).toContain('refusing to run with a debugger attached')
  })
})
