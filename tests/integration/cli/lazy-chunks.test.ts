/**
 * `switchboard --help` loads only the entry and what it imports statically (issue 17): the app
 * context (services, SDKs, undici, zod schemas) is a chunk loaded when a command runs. Proved by
 * running the built CLI from a copy that holds only the statically reachable files: help,
 * version and usage errors work; a command that needs the app fails for want of its chunk.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, ensureBuilt } from '../../fixtures/built'

const CLI_DIR = path.join(ROOT, 'out/cli')
let copy = ''
let reachable: string[] = []
let all: string[] = []

/** Files the entry imports statically, transitively (`from"./chunk-….mjs"`, not `import(…)`). */
function staticClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>([entry])
  const queue = [entry]
  while (queue.length) {
    const text = fs.readFileSync(path.join(dir, queue.shift()!), 'utf8')
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.mjs)"/g)) {
      if (!seen.has(m[1]!)) {
        seen.add(m[1]!)
        queue.push(m[1]!)
      }
    }
  }
  return [...seen]
}

const run = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(copy, 'switchboard.mjs'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, SWITCHBOARD_HOME: path.join(copy, 'home') },
    timeout: 20_000,
  })

beforeAll(() => {
  ensureBuilt()
  all = fs.readdirSync(CLI_DIR).filter((f) => f.endsWith('.mjs'))
  reachable = staticClosure(CLI_DIR, 'switchboard.mjs')
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-cli-lazy-'))
  for (const f of reachable) fs.copyFileSync(path.join(CLI_DIR, f), path.join(copy, f))
})
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }))

describe('CLI chunks', () => {
  it('keeps undici, the SDKs and zod out of what the entry loads', () => {
    expect(all.length).toBeGreaterThan(reachable.length)
    const read = (files: string[]) =>
      files.map((f) => fs.readFileSync(path.join(CLI_DIR, f), 'utf8')).join('\n')
    const text = read(reachable)
    const everything = read(all)
    // Markers of each library's own code (the error classes they define): in the bundle, but
    // not in what the entry loads.
    for (const marker of ['UndiciError', 'ZodError', 'OpenAIError']) {
      expect(everything).toContain(marker)
      expect(text.includes(marker), marker).toBe(false)
    }
    const bytes = reachable.reduce((n, f) => n + fs.statSync(path.join(CLI_DIR, f)).size, 0)
    expect(bytes).toBeLessThan(100 * 1024)
  })

  it('answers --help, --version and usage errors without the command chunks', () => {
    const help = run('--help')
    expect(help.stderr).toBe('')
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('Usage: switchboard [--json] <command>')
    expect(help.stdout).toContain('model-test')
    expect(run('add', '--help').stdout).toContain('Usage: switchboard [--json] add')
    expect(run('--version').status).toBe(0)
    const bad = run('--json', 'frobnicate')
    expect(bad.status).toBe(2)
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'validation' } })
  })

  it('needs the command chunks to run a command (so they really are loaded on demand)', () => {
    const list = run('--json', 'list')
    expect(list.status).not.toBe(0)
  })
})
