/**
 * src-cli/harden on its own, in a child Node process that imports it and nothing else of the CLI
 * (tests/integration/cli/run-hardening.test.ts drives the built command, whose launcher
 * bin/switchboard.cjs adds a SIGUSR1 listener of its own, so it cannot tell whether harden's
 * works). Node opens its inspector on SIGUSR1 unless a listener exists; the child's `process.on`
 * is wrapped before harden loads, so harden's listener reports when it has handled the signal —
 * a state to wait on, not a delay. After it: no inspector URL, nothing listening on the inspect
 * port, no "Debugger listening", and the process still running until told to stop.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { transformSync } from 'esbuild'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freePort, portOpen } from '../../support/ports'
import { ROOT } from '../../fixtures/built'
import { tmpHome } from '../../support/home'

let dir = ''
beforeAll(() => {
  dir = tmpHome('sb-harden-')
  // Node 20 runs no TypeScript: the module as it is, types stripped by the bundler the CLI uses.
  const source = fs.readFileSync(path.join(ROOT, 'src-cli/harden.ts'), 'utf8')
  fs.writeFileSync(
    path.join(dir, 'harden.mjs'),
    transformSync(source, { loader: 'ts', format: 'esm' }).code,
  )
  fs.writeFileSync(
    path.join(dir, 'child.mjs'),
    `import inspector from 'node:inspector'
const on = process.on
process.on = function (event, fn) {
  if (event !== 'SIGUSR1') return on.call(this, event, fn)
  return on.call(this, event, (...a) => {
    fn(...a)
    process.stdout.write('usr1 handled\\n')
  })
}
await import('./harden.mjs')
process.on = on
process.stdout.write('ready\\n')
process.stdin.on('data', () => {
  process.stdout.write('inspector ' + (inspector.url() ?? 'none') + '\\n')
  process.exit(0)
})
`,
  )
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
// A child a failed assertion left running (with an inspector open, if harden failed) is ended.
const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill()
})

function startChild(nodeOptions: string) {
  const child = spawn(process.execPath, [path.join(dir, 'child.mjs')], {
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: nodeOptions },
  })
  children.push(child)
  let out = ''
  let err = ''
  const waiters: Array<() => void> = []
  const wake = () => waiters.splice(0).forEach((w) => w())
  child.stdout.on('data', (d) => ((out += d), wake()))
  child.stderr.on('data', (d) => ((err += d), wake()))
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  /** Resolves with the first of `texts` seen on stdout or stderr. */
  const first = async (...texts: string[]): Promise<string> => {
    for (;;) {
      const hit = texts.find((t) => out.includes(t) || err.includes(t))
      if (hit) return hit
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  return { child, exit, first, stdout: () => out, stderr: () => err }
}

describe('src-cli/harden', () => {
  it('SIGUSR1 opens no inspector, and the process keeps running', async () => {
    const port = await freePort()
    // --inspect-port only says where a SIGUSR1-started inspector would listen; it starts nothing.
    const c = startChild(`--inspect-port=127.0.0.1:${port}`)
    expect(await c.first('ready', 'refusing')).toBe('ready')
    c.child.kill('SIGUSR1')
    // Harden's listener handles it; without one Node would print "Debugger listening" instead.
    expect(await c.first('usr1 handled', 'Debugger listening')).toBe('usr1 handled')
    expect(await portOpen(port)).toBe(false)
    c.child.stdin.end('stop\n')
    expect(await c.exit).toBe(0)
    expect(c.stdout()).toContain('inspector none')
    expect(c.stderr()).not.toContain('Debugger listening')
  })

  it('a debugger asked for through NODE_OPTIONS is closed and the process stops with 2', async () => {
    const port = await freePort()
    const c = startChild(`--inspect=127.0.0.1:${port}`)
    expect(await c.first('ready', 'refusing to run')).toBe('refusing to run')
    expect(await c.exit).toBe(2)
    expect(c.stdout()).toBe('')
    expect(c.stderr()).toContain('refusing to run with a debugger attached')
    expect(await portOpen(port)).toBe(false)
  })
})
