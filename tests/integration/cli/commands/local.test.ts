/**
 * The local-server commands of the CLI (src-cli/commands/local.ts) in-process against the fake
 * Ollama (tests/fixtures/ollama-server.ts): `detect` finds it (and with `--register` connects it,
 * once), `ollama pull` downloads with progress on stderr and a JSON result on stdout, `ollama rm`
 * deletes. `ollama ps` has its own test (../ollama-ps.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../../src-cli/main'
import { capturingIo } from '../../../fixtures/cli-in-process'
import { startFakeOllama, type FakeOllama } from '../../../fixtures/ollama-server'
import { tmpHome } from '../../../support/home'

let ollama: FakeOllama
beforeAll(async () => {
  ollama = await startFakeOllama()
})
afterAll(() => ollama.close())

const envFor = (home: string) => ({
  SWITCHBOARD_HOME: home,
  SWITCHBOARD_ENCRYPTION_KEY: 'local commands test',
  SWITCHBOARD_DETECT_DEFAULTS: '0',
  OLLAMA_HOST: ollama.url,
})

async function cli(args: string[], home: string) {
  const run = capturingIo(envFor(home))
  const code = await runCli(args, run.io, { version: '1' })
  const out = run.out.join('')
  return { code, out, err: run.err.join('\n'), json: args[0] === '--json' ? JSON.parse(out) : null }
}

describe('switchboard detect', () => {
  it('lists the server, and --register connects it once', async () => {
    const home = tmpHome('sb-cli-local-')
    const found = await cli(['--json', 'detect'], home)
    expect(found.code).toBe(0)
    expect(found.json.servers).toMatchObject([{ kind: 'ollama', credentialId: null }])
    expect(found.json.servers[0].models.map((m: { id: string }) => m.id)).toContain('llama3.2:3b')

    const reg = await cli(['--json', 'detect', '--register'], home)
    const id = reg.json.servers[0].credentialId
    expect(id).toEqual(expect.any(String))
    expect(reg.err).toContain('connected ollama at')
    // Found again: the existing credential, without a second one.
    expect((await cli(['--json', 'detect'], home)).json.servers[0].credentialId).toBe(id)
    expect((await cli(['--json', 'list'], home)).json).toHaveLength(1)
  })

  it('says how to get a server when none answers', async () => {
    const run = capturingIo({
      ...envFor(tmpHome('sb-cli-local-')),
      OLLAMA_HOST: 'http://127.0.0.1:9',
    })
    expect(await runCli(['detect'], run.io, { version: '1' })).toBe(0)
    expect(run.err.join('\n')).toContain('No local model server found')
  })
})

describe('switchboard ollama pull / rm', () => {
  it('pulls with progress on stderr and a JSON result, then deletes the model', async () => {
    const home = tmpHome('sb-cli-local-')
    const pulled = await cli(['--json', 'ollama', 'pull', 'tinyllama', '--host', ollama.url], home)
    expect(pulled.code).toBe(0)
    expect(pulled.json).toMatchObject({ model: 'tinyllama', status: 'success' })
    expect(pulled.err).not.toBe('')
    expect(ollama.models.some((m) => m.name.startsWith('tinyllama'))).toBe(true)

    const rm = await cli(['--json', 'ollama', 'rm', 'tinyllama', '--host', ollama.url], home)
    expect(rm).toMatchObject({ code: 0, json: { removed: 'tinyllama' } })
    expect(ollama.models.some((m) => m.name.startsWith('tinyllama'))).toBe(false)
    // A model that is not there: not found, exit 1.
    expect(
      (await cli(['--json', 'ollama', 'rm', 'tinyllama', '--host', ollama.url], home)).code,
    ).toBe(1)
  })
})
