import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { PullProgress } from '../../../src-preload/contract/local'
import { createOllamaLibrary } from '../../../src-main/local/ollama-library'
import { createGuardedFetch } from '../../../src-main/net/guarded-fetch'
import { startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'
import { closedPort, json, serveJson } from '../../fixtures/local-servers'
import { closedAfter } from '../../support/servers'

const guarded = createGuardedFetch({ env: {}, defaultTimeoutMs: 2000 })
const track = closedAfter()
afterAll(async () => {
  await guarded.close()
})

async function fake(opts: Parameters<typeof startFakeOllama>[0] = {}): Promise<FakeOllama> {
  return track(await startFakeOllama(opts))
}

describe('Ollama library', () => {
  let server: FakeOllama
  beforeEach(async () => {
    server = await fake()
  })
  const lib = (over: Partial<Parameters<typeof createOllamaLibrary>[0]> = {}) =>
    createOllamaLibrary({ baseUrl: server.url, fetch: guarded, ...over })

  it('lists installed models with size, family, quantization and capabilities', async () => {
    const list = await lib().list()
    expect(list[0]).toEqual({
      name: 'llama3.2:3b',
      sizeBytes: 2019393189,
      digest: expect.any(String),
      modifiedAt: expect.any(String),
      family: 'llama',
      parameterSize: '3.2B',
      quantization: 'Q4_K_M',
      capabilities: ['completion', 'tools'],
      type: 'language',
    })
    expect(list.find((m) => m.name === 'qwen3-embedding:0.6b')?.type).toBe('embedding')
  })

  it('pulls with live progress over several layers, then lists the model', async () => {
    server.pull.delayMs = 20
    const seen: PullProgress[] = []
    const last = await lib().pull('gemma3:1b', { jobId: 'j1', onProgress: (p) => seen.push(p) })
    expect(last).toMatchObject({
      jobId: 'j1',
      model: 'gemma3:1b',
      done: true,
      percent: 100,
      status: 'success',
    })
    expect(last.totalBytes).toBe(2_000_000 + 1_400 + 7_700)
    const digests = seen.filter(
      (p) => p.status.startsWith('pulling ') && p.status !== 'pulling manifest',
    )
    expect(digests.length).toBeGreaterThanOrEqual(12)
    expect(new Set(digests.map((p) => p.status)).size).toBe(3)
    const percents = digests.map((p) => p.percent ?? 0)
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true)
    expect(seen.some((p) => p.bytesPerSecond !== null && p.bytesPerSecond > 0)).toBe(true)
    expect(seen.map((p) => p.status)).toEqual(
      expect.arrayContaining([
        'pulling manifest',
        'verifying sha256 digest',
        'writing manifest',
        'success',
      ]),
    )
    expect((await lib().list()).map((m) => m.name)).toContain('gemma3:1b')
  })

  it('an error line mid-stream ends the pull with a scrubbed AppError and a final report', async () => {
    server.pull.errorAfterLines = 3
    server.pull.errorMessage =
      'max retries exceeded: Get "https://registry.ollama.ai/v2/x?token=abcdefSECRET123": EOF'
    const seen: PullProgress[] = []
    const err = await lib()
      .pull('llama3.2:1b', { onProgress: (p) => seen.push(p) })
      .catch((e) => e)
    expect(err).toMatchObject({ code: 'server_error', params: { reason: 'stream_error' } })
    expect(err.message).toContain('max retries exceeded')
    expect(err.message).not.toContain('abcdefSECRET123')
    const final = seen[seen.length - 1]!
    expect(final).toMatchObject({ done: true, error: { code: 'server_error' } })
    expect(JSON.stringify(final)).not.toContain('abcdefSECRET123')
  })

  it('an unknown model fails with the server’s message', async () => {
    await expect(lib().pull('missing-model:1b')).rejects.toMatchObject({
      code: 'server_error',
      message: expect.stringContaining('file does not exist'),
    })
  })

  it('cancel aborts the stream; pulling again resumes the partial layer', async () => {
    server.pull.delayMs = 40
    const c = new AbortController()
    const seen: PullProgress[] = []
    const p = lib().pull('qwen2.5:0.5b', {
      signal: c.signal,
      onProgress: (x) => {
        seen.push(x)
        if (seen.length === 3) c.abort()
      },
    })
    await expect(p).rejects.toMatchObject({ code: 'cancelled' })
    expect(seen[seen.length - 1]).toMatchObject({ done: true, error: { code: 'cancelled' } })
    await new Promise((r) => setTimeout(r, 60))
    expect(server.pullsAborted).toBe(1)
    // Ollama keeps partial blobs: the next pull of the same model starts where it stopped.
    const first = server.pull.layers[0]!
    server.pull.partial = { [first.digest]: 1_500_000 }
    server.pull.delayMs = 1
    const resumed = await lib().pull('qwen2.5:0.5b')
    expect(resumed.resumedBytes).toBe(1_500_000)
    expect(resumed.done).toBe(true)
  })

  it('removes a model; removing an unknown one is not_found', async () => {
    await lib().remove('nomic-embed-text:latest')
    expect(server.models.map((m) => m.name)).not.toContain('nomic-embed-text:latest')
    await expect(lib().remove('nope:1b')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('shows running models with memory use and unloads with keep_alive 0', async () => {
    const ps = await lib().ps()
    expect(ps).toEqual([
      {
        name: 'llama3.2:3b',
        sizeBytes: 2019393189 + 1_000_000_000,
        sizeVramBytes: 2019393189,
        expiresAt: expect.any(String),
        family: 'llama',
        parameterSize: '3.2B',
        quantization: 'Q4_K_M',
      },
    ])
    await lib().unload('llama3.2:3b')
    expect(server.unloaded).toEqual(['llama3.2:3b'])
    expect(await lib().ps()).toEqual([])
  })

  it('imports a local GGUF file: uploads the blob once, then creates from `files`', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-gguf-'))
    const file = path.join(dir, 'tiny-model.Q4_0.gguf')
    writeFileSync(file, 'GGUF' + 'x'.repeat(5000))
    const r = await lib().importGguf(file, 'tiny:latest')
    expect(r).toMatchObject({
      model: 'tiny:latest',
      uploaded: true,
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    })
    expect(server.created).toEqual([
      { model: 'tiny:latest', files: { 'tiny-model.Q4_0.gguf': r.digest } },
    ])
    const again = await lib().importGguf(file, 'tiny2')
    expect(again.uploaded).toBe(false)
    const notGguf = path.join(dir, 'notes.txt')
    writeFileSync(notGguf, 'hello')
    await expect(lib().importGguf(notGguf, 'x')).rejects.toMatchObject({ code: 'validation' })
    await expect(lib().importGguf(path.join(dir, 'absent.gguf'), 'x')).rejects.toMatchObject({
      code: 'validation',
    })
  })

  it('sends the key as Bearer and never puts it in an error', async () => {
    const keyed = await fake({ apiKey: 'sk-ollama-SECRETSECRET123' })
    const ok = createOllamaLibrary({
      baseUrl: keyed.url,
      fetch: guarded,
      apiKey: 'sk-ollama-SECRETSECRET123',
    })
    expect((await ok.list()).length).toBe(3)
    const bad = createOllamaLibrary({
      baseUrl: keyed.url,
      fetch: guarded,
      apiKey: 'sk-wrong-SECRETSECRET999',
    })
    const err = await bad.list().catch((e) => e)
    expect(err).toMatchObject({ code: 'auth_invalid' })
    expect(JSON.stringify({ m: err.message, p: err.params })).not.toContain('SECRETSECRET')
  })

  it('network failures: refused, garbage, 5xx', async () => {
    const refused = createOllamaLibrary({ baseUrl: await closedPort(), fetch: guarded })
    await expect(refused.list()).rejects.toMatchObject({ code: 'network' })
    // A plain fetch (no guard) fails the same way.
    const plain = createOllamaLibrary({ baseUrl: await closedPort(), fetch: (u, i) => fetch(u, i) })
    await expect(plain.ps()).rejects.toMatchObject({
      code: 'network',
      params: { reason: 'refused' },
    })
    const broken = await serveJson((req, res) => {
      if (req.url === '/api/tags')
        return json(res, 500, { error: 'llama runner process has terminated' })
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json')
    })
    track(broken)
    const b = createOllamaLibrary({ baseUrl: broken.url, fetch: guarded })
    await expect(b.list()).rejects.toMatchObject({ code: 'server_error', params: { status: 500 } })
    await expect(b.ps()).rejects.toMatchObject({ code: 'server_error' })
  })
})
