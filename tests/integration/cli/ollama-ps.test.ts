/**
 * `switchboard ollama ps` against the fake Ollama (its /api/ps copies Ollama's docs/api.md
 * "List Running Models", `size` and `size_vram`): the human table shows each loaded model's
 * memory and the part in GPU memory; --json is the service's list as it is. The VRAM column was
 * always empty while the renderer read a field the contract does not have (`vramBytes`; the
 * contract's is `sizeVramBytes`): `defineCommand` types the renderer by the result, so it cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src-cli/main'
import { startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'
import { tmpHome } from '../../support/home'
import { capturingIo } from '../../fixtures/cli-in-process'

let ollama: FakeOllama
beforeAll(async () => {
  ollama = await startFakeOllama({ running: ['llama3.2:3b'] })
})
afterAll(() => ollama.close())

const capture = () =>
  capturingIo({ SWITCHBOARD_HOME: tmpHome('sb-ollama-ps-'), SWITCHBOARD_ENCRYPTION_KEY: 'ps test' })

describe('switchboard ollama ps', () => {
  it('shows the memory and the VRAM of each loaded model', async () => {
    const run = capture()
    expect(await runCli(['ollama', 'ps', '--host', ollama.url], run.io, { version: '1' })).toBe(0)
    // The fake reports size = 2019393189 + 1e9 bytes and size_vram = 2019393189 bytes.
    expect(run.out.join('\n').split('\n')).toEqual([
      'NAME         MEMORY   VRAM',
      'llama3.2:3b  3019 MB  2019 MB',
    ])
  })

  it('prints the list as it is with --json', async () => {
    const run = capture()
    expect(
      await runCli(['--json', 'ollama', 'ps', '--host', ollama.url], run.io, { version: '1' }),
    ).toBe(0)
    expect(JSON.parse(run.out.join(''))).toMatchObject([
      { name: 'llama3.2:3b', sizeBytes: 3019393189, sizeVramBytes: 2019393189 },
    ])
  })
})
