/**
 * The lint rules that keep two classes of bug closed (issue 11, "the edges"): raw IPC outside
 * its two files, by every import path Electron offers, and a bare fetch / socket API in
 * src-main/local, whose addresses come from OLLAMA_HOST, saved targets and the user. Runs the
 * project's real ESLint config over snippets placed at the paths the rules cover.
 */
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: ROOT })

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('raw IPC stays in src-main/electron/ipc.ts and src-preload/index.ts', () => {
  it.each([
    "import { ipcMain } from 'electron'\nvoid ipcMain\n",
    "import { ipcMain } from 'electron/main'\nvoid ipcMain\n",
    "import { ipcRenderer } from 'electron/renderer'\nvoid ipcRenderer\n",
  ])('refuses %j elsewhere', async (code) => {
    expect(await ruleIds(code, 'src-main/electron/window.ts')).toContain('no-restricted-imports')
    expect(await ruleIds(code, 'src-main/local/detect.ts')).toContain('no-restricted-imports')
  })

  it('allows it in the two files that own it', async () => {
    const code = "import { ipcMain } from 'electron/main'\nvoid ipcMain\n"
    expect(await ruleIds(code, 'src-main/electron/ipc.ts')).toEqual([])
  })
}, 60_000)

describe('main parses outside input through parseUntrusted', () => {
  it('refuses a bare safeParse in src-main', async () => {
    const code = 'export const f = (s: { safeParse: (v: unknown) => unknown }) => s.safeParse(1)\n'
    expect(await ruleIds(code, 'src-main/ipc/x.ts')).toContain('no-restricted-syntax')
    expect(await ruleIds(code, 'src-main/local/x.ts')).toContain('no-restricted-syntax')
  })

  it('accepts parseUntrusted', async () => {
    const code =
      "import { z } from 'zod'\n" +
      "import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'\n" +
      'export const r = parseUntrusted(z.string(), 1)\n'
    expect(await ruleIds(code, 'src-main/ipc/x.ts')).toEqual([])
  })
}, 60_000)

describe('src-main/local has no bare network call', () => {
  it.each([
    ["await fetch('http://127.0.0.1:11434/api/tags')\n", 'no-restricted-globals'],
    ["await globalThis.fetch('http://x')\n", 'no-restricted-properties'],
    ["import http from 'node:http'\nhttp.request('http://x')\n", 'no-restricted-imports'],
    ["import { request } from 'https'\nrequest('https://x')\n", 'no-restricted-imports'],
    ["import { fetch as f } from 'undici'\nawait f('http://x')\n", 'no-restricted-imports'],
    ["import net from 'node:net'\nnet.connect(80)\n", 'no-restricted-imports'],
  ])('refuses %j', async (code, rule) => {
    expect(await ruleIds(`export {}\n${code}`, 'src-main/local/probe-x.ts')).toContain(rule)
  })

  it('accepts the injected guarded fetch', async () => {
    const code =
      'export async function f(deps: { fetch: (u: string) => Promise<unknown> }) {\n' +
      "  return deps.fetch('http://127.0.0.1:11434/api/version')\n}\n"
    expect(await ruleIds(code, 'src-main/local/probe-x.ts')).toEqual([])
  })
}, 60_000)
