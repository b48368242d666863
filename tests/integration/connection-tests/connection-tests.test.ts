import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TestCode } from '../../../src-preload/contract/errors'
import { AppError } from '../../../src-main/errors'
import { classifyError } from '../../../src-main/net/classify-error'
import { createGuardedFetch } from '../../../src-main/net/guarded-fetch'
import { readJson, statusToCode } from '../../../src-main/net/read-body'
import type {
  DecryptedCredential,
  GuardedFetch,
  ProviderAdapter,
  TestOutcome,
} from '../../../src-main/providers/adapter-types'
import type { CatalogEntry, ProviderId } from '../../../src-main/providers/catalog-types'
import {
  createConnectionTests,
  type ConnectionTestDeps,
  type ConnectionTestResult,
} from '../../../src-main/services/connection-tests'
import type { LastTestResult } from '../../../src-main/store/schema'
import { closedPort, startServer, startSilentServer, type TestServer } from '../net/servers'
import { rejection } from '../../support/rejection'

const KEY = 'sk-test-CONNTESTSECRET000000001'
const NOW = new Date('2026-03-01T12:00:00.000Z')

function entry(id: ProviderId): CatalogEntry {
  return {
    id,
    displayName: id,
    modalities: ['language'],
    envVars: { required: [], map: {} },
    fields: [{ field: 'apiKey', required: true }],
    defaultBaseUrl: null,
    docsUrl: 'https://example.com/keys',
    testModel: null,
    apiShape: 'openai',
    discovery: 'api',
    local: false,
  }
}

const noDiscover: Pick<ProviderAdapter, 'discover' | 'modelTest'> = {
  discover: async () => [],
  modelTest: async () => ({ ok: false, code: 'server_error', message: 'unused' }),
}

/** An adapter that answers `outcome` after `delayMs` (a real timer), honouring the signal. */
class DelayAdapter implements ProviderAdapter {
  inFlight = 0
  maxInFlight = 0
  started: string[] = []
  /** Tests cut short by the run's cancel (their signal fired while they waited). */
  aborted = 0
  discover = noDiscover.discover
  modelTest = noDiscover.modelTest
  constructor(
    private readonly delayMs: number,
    private readonly outcome: (cred: DecryptedCredential) => TestOutcome = () => ({
      code: 'ok',
      message: 'Connected.',
    }),
  ) {}

  async test(cred: DecryptedCredential, ctx: { signal?: AbortSignal }): Promise<TestOutcome> {
    this.started.push(cred.id)
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      await new Promise<void>((resolve, reject) => {
        let waiting = true
        const t = setTimeout(() => {
          waiting = false
          resolve()
        }, this.delayMs)
        ctx.signal?.addEventListener('abort', () => {
          if (!waiting) return
          clearTimeout(t)
          this.aborted++
          reject(new AppError('cancelled', 'cancelled'))
        })
      })
      return this.outcome(cred)
    } finally {
      this.inFlight--
    }
  }
}

/** An OpenAI-style adapter that really calls GET {baseUrl}/models through the guarded fetch. */
const httpAdapter: ProviderAdapter = {
  ...noDiscover,
  async test(cred, ctx) {
    try {
      const res = await ctx.fetch(`${cred.baseUrl}/models`, {
        headers: { authorization: `Bearer ${cred.apiKey}` },
        signal: ctx.signal,
        sendsSecret: true,
        timeoutMs: 400,
      })
      const code = statusToCode(res.status)
      if (code !== 'ok') {
        await res.body?.cancel()
        return {
          code,
          message: `The server answered ${res.status}.`,
          params: { status: res.status },
        }
      }
      const body = await readJson<{ data: Array<{ id: string }> }>(res)
      return {
        code: 'ok',
        message: `Connected. ${body.data.length} models.`,
        details: { modelCount: body.data.length },
      }
    } catch (err) {
      const e = classifyError(err)
      return { code: e.code as TestCode, message: e.message, params: e.params }
    }
  },
}

interface Harness {
  deps: ConnectionTestDeps
  saved: Array<[string, LastTestResult]>
}

function harness(
  creds: DecryptedCredential[],
  adapter: ProviderAdapter,
  overrides: Partial<ConnectionTestDeps> = {},
): Harness {
  const saved: Array<[string, LastTestResult]> = []
  const fetch = createGuardedFetch({
    resolver: async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
    },
    // Safety net: anything that is not loopback would go to a closed loopback "proxy" port, so
    // even a broken guard could never send a test request off this machine.
    env: {
      HTTP_PROXY: `http://127.0.0.1:${trapPort}`,
      HTTPS_PROXY: `http://127.0.0.1:${trapPort}`,
    },
    isPublic: (t) => t.addressKinds.some((k) => k !== 'loopback'),
  })
  closers.push(() => fetch.close())
  const deps: ConnectionTestDeps = {
    getDecrypted: async (id) => {
      const c = creds.find((x) => x.id === id)
      if (!c) throw new AppError('not_found', 'No such credential.')
      return c
    },
    listCredentialIds: async () => creds.map((c) => c.id),
    getProvider: entry,
    getAdapter: () => adapter,
    fetch: fetch as GuardedFetch,
    saveResult: async (id, result) => {
      saved.push([id, result])
    },
    clock: () => NOW,
    ...overrides,
  }
  return { deps, saved }
}

function cred(id: string, extra: Partial<DecryptedCredential> = {}): DecryptedCredential {
  return { id, provider: 'openai', name: id, apiKey: KEY, ...extra }
}

const closers: Array<() => Promise<void>> = []
let trapPort = 0
beforeAll(async () => {
  trapPort = await closedPort()
})
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

async function server(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const s = await startServer(...args)
  closers.push(() => s.close())
  return s
}

describe('testOne', () => {
  it('returns the outcome with latency and saves the last result', async () => {
    const adapter = new DelayAdapter(40, () => ({
      code: 'ok',
      message: 'Connected. 3 models.',
      details: { modelCount: 3 },
    }))
    const h = harness([cred('c1')], adapter)
    const r = await createConnectionTests(h.deps).testOne('c1')
    expect(r).toMatchObject({
      credentialId: 'c1',
      provider: 'openai',
      ok: true,
      code: 'ok',
      message: 'Connected. 3 models.',
      hint: null,
      details: { modelCount: 3 },
    })
    expect(r.latencyMs).toBeGreaterThanOrEqual(35)
    expect(h.saved).toEqual([
      [
        'c1',
        {
          code: 'ok',
          message: 'Connected. 3 models.',
          at: NOW.toISOString(),
          latencyMs: r.latencyMs,
        },
      ],
    ])
  })

  it('scrubs the key out of message, hint and params before returning and saving', async () => {
    const adapter = new DelayAdapter(1, (c) => ({
      code: 'auth_invalid',
      message: `Incorrect API key provided: ${c.apiKey}`,
      hint: `Your key ${c.apiKey} was rejected.`,
      params: { upstream: `key=${c.apiKey}` },
    }))
    const h = harness([cred('c1')], adapter)
    const r = await createConnectionTests(h.deps).testOne('c1')
    expect(r.ok).toBe(false)
    expect(JSON.stringify(r)).not.toContain(KEY)
    expect(JSON.stringify(h.saved)).not.toContain(KEY)
    expect(r.message).toContain('[redacted]')
  })

  it('an undecryptable credential → decryption_error (saved), not a throw', async () => {
    const h = harness([], new DelayAdapter(1), {
      getDecrypted: async () => {
        // What the credentials service throws when one stored value does not decrypt.
        throw new AppError('decryption_error', 'The secret could not be decrypted.', {
          provider: 'anthropic',
        })
      },
    })
    const r = await createConnectionTests(h.deps).testOne('c9')
    expect(r).toMatchObject({
      credentialId: 'c9',
      provider: 'anthropic',
      ok: false,
      code: 'decryption_error',
    })
    expect(r.hint).toMatch(/Re-enter the key/)
    expect(h.saved[0]![1].code).toBe('decryption_error')
  })

  it('rethrows a wrong master key: the vault is at fault, not the credential', async () => {
    const h = harness([], new DelayAdapter(1), {
      getDecrypted: async () => {
        throw new AppError('vault_wrong_key', 'The master key does not match.')
      },
    })
    expect((await rejection(createConnectionTests(h.deps).testOne('c9'))).code).toBe(
      'vault_wrong_key',
    )
    expect(h.saved).toEqual([])
  })

  it('rethrows vault_locked and not_found without saving', async () => {
    const locked = harness([], new DelayAdapter(1), {
      getDecrypted: async () => {
        throw new AppError('vault_locked', 'No master key.')
      },
    })
    expect((await rejection(createConnectionTests(locked.deps).testOne('c1'))).code).toBe(
      'vault_locked',
    )
    expect(locked.saved).toEqual([])
    const missing = harness([], new DelayAdapter(1))
    expect((await rejection(createConnectionTests(missing.deps).testOne('nope'))).code).toBe(
      'not_found',
    )
  })

  it('turns an adapter that throws into a result (coded, or a generic server_error)', async () => {
    const coded = new DelayAdapter(1, () => {
      throw new AppError('timeout', 'No answer in time.')
    })
    const r1 = await createConnectionTests(harness([cred('c1')], coded).deps).testOne('c1')
    expect(r1).toMatchObject({ code: 'timeout', ok: false })
    expect(r1.hint).toMatch(/in time/)

    const raw = new DelayAdapter(1, () => {
      throw new Error(`boom with ${KEY}`)
    })
    const r2 = await createConnectionTests(harness([cred('c1')], raw).deps).testOne('c1')
    expect(r2).toMatchObject({ code: 'server_error', ok: false })
    expect(JSON.stringify(r2)).not.toContain(KEY)
  })

  it('a cancelled test throws cancelled and saves nothing', async () => {
    const h = harness([cred('c1')], new DelayAdapter(1000))
    const ctl = new AbortController()
    setTimeout(() => ctl.abort(), 30)
    expect((await rejection(createConnectionTests(h.deps).testOne('c1', ctl.signal))).code).toBe(
      'cancelled',
    )
    expect(h.saved).toEqual([])
  })
})

describe('testOne against real loopback servers', () => {
  const modelsBody = JSON.stringify({
    object: 'list',
    data: [
      { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
      { id: 'text-embedding-3-small', object: 'model', created: 1705948997, owned_by: 'system' },
    ],
  })

  async function run(
    baseUrl: string,
    extra: Partial<DecryptedCredential> = {},
  ): Promise<ConnectionTestResult> {
    const h = harness([cred('c1', { baseUrl, ...extra })], httpAdapter)
    return createConnectionTests(h.deps).testOne('c1')
  }

  it('ok with the model count; the key travels only in the Authorization header', async () => {
    const s = await server((_r, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(modelsBody),
    )
    const r = await run(`${s.origin}/v1`)
    expect(r).toMatchObject({ ok: true, code: 'ok', details: { modelCount: 2 } })
    expect(s.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(s.requests[0]!.url).toBe('/v1/models')
  })

  it.each([
    [401, 'auth_invalid', false],
    [403, 'auth_forbidden', false],
    [429, 'ok_rate_limited', true],
    [500, 'server_error', false],
  ])('status %i → %s (ok=%s)', async (status, code, ok) => {
    const s = await server((_r, res) =>
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end('{"error":{"message":"x"}}'),
    )
    expect(await run(`${s.origin}/v1`)).toMatchObject({ code, ok })
  })

  it('closed port → network with a "is the server running" hint', async () => {
    const r = await run(`http://127.0.0.1:${await closedPort()}/v1`)
    expect(r).toMatchObject({ code: 'network', params: { reason: 'refused' } })
    expect(r.hint).toMatch(/server running/)
  })

  it('unknown host → network/dns with a "check the host name" hint', async () => {
    const r = await run('https://api.nowhere.example/v1')
    expect(r).toMatchObject({ code: 'network', params: { reason: 'dns' } })
    expect(r.hint).toMatch(/host name/)
  })

  it('a server that never answers → timeout', async () => {
    const s = await startSilentServer()
    closers.push(() => s.close())
    expect(await run(`${s.origin}/v1`)).toMatchObject({ code: 'timeout', ok: false })
  })

  it('garbage body → server_error', async () => {
    const s = await server((_r, res) => res.writeHead(200).end('<html>not json'))
    expect(await run(`${s.origin}/v1`)).toMatchObject({
      code: 'server_error',
      params: { reason: 'invalid_body' },
    })
  })

  it('a metadata base URL → url_blocked, and a key over plain http to a LAN host → url_blocked', async () => {
    expect(await run('http://169.254.169.254/latest')).toMatchObject({
      code: 'url_blocked',
      params: { reason: 'metadata' },
    })
    expect(await run('http://192.168.1.50:11434/v1')).toMatchObject({
      code: 'url_blocked',
      params: { reason: 'insecure_http' },
    })
  })
})

describe('testAll: the bound applies per host', () => {
  it('tests twenty credentials on twenty hosts at once', async () => {
    const adapter = new DelayAdapter(40)
    const creds = Array.from({ length: 20 }, (_, i) => cred(`h${i}`))
    const h = harness(creds, adapter, { hostOf: async (id) => `host-${id}` })
    const run = await createConnectionTests(h.deps).testAll()
    expect(run.results).toHaveLength(20)
    expect(adapter.maxInFlight).toBe(20)
  })

  it('keeps at most `concurrency` tests on one host while other hosts proceed', async () => {
    const adapter = new DelayAdapter(30)
    const creds = Array.from({ length: 12 }, (_, i) => cred(`s${i}`))
    const shared = new Set(creds.slice(0, 10).map((c) => c.id))
    const h = harness(creds, adapter, {
      hostOf: async (id) => (shared.has(id) ? 'api.openai.com' : id),
    })
    const run = await createConnectionTests(h.deps).testAll({ concurrency: 3 })
    expect(run.results).toHaveLength(12)
    // 3 on the shared host + the 2 others.
    expect(adapter.maxInFlight).toBe(5)
    // The two other hosts started in the first wave, not behind the shared host's queue.
    expect(adapter.started.slice(0, 5)).toEqual(expect.arrayContaining(['s10', 's11']))
  })

  it('caps the total with maxTotal', async () => {
    const adapter = new DelayAdapter(20)
    const creds = Array.from({ length: 10 }, (_, i) => cred(`m${i}`))
    const h = harness(creds, adapter, { hostOf: async (id) => id })
    await createConnectionTests(h.deps).testAll({ concurrency: 8, maxTotal: 8 })
    expect(adapter.maxInFlight).toBe(8)
  })
})

describe('testAll', () => {
  const creds = Array.from({ length: 20 }, (_, i) => cred(`c${String(i).padStart(2, '0')}`))

  it('runs at most `concurrency` tests at once and streams results as they finish', async () => {
    // Odd-numbered credentials answer faster, so completion order differs from list order.
    const adapter = new DelayAdapter(0, () => ({ code: 'ok', message: 'ok' }))
    const delays = new Map(creds.map((c, i) => [c.id, i % 2 ? 20 : 60]))
    const timed: ProviderAdapter = {
      ...noDiscover,
      test: (c, ctx) =>
        new Promise((resolve) => setTimeout(resolve, delays.get(c.id))).then(() =>
          adapter.test(c, ctx),
        ),
    }
    let inFlight = 0
    let maxInFlight = 0
    const counting: ProviderAdapter = {
      ...noDiscover,
      test: async (c, ctx) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        try {
          return await timed.test(c, ctx)
        } finally {
          inFlight--
        }
      },
    }
    const h = harness(creds, counting)
    const streamed: string[] = []
    const out = await createConnectionTests(h.deps).testAll({
      concurrency: 8,
      onResult: (r) => streamed.push(r.credentialId),
    })
    expect(maxInFlight).toBe(8)
    expect(streamed).toHaveLength(20)
    expect(streamed).not.toEqual(creds.map((c) => c.id)) // streamed in completion order
    expect(out.results.map((r) => r.credentialId)).toEqual(creds.map((c) => c.id)) // final list in order
    expect(out.cancelled).toBe(false)
    expect(h.saved).toHaveLength(20)
  })

  it('bounded parallelism pays off: 20 tests of 150 ms at concurrency 20 take about one test', async () => {
    const adapter = new DelayAdapter(150)
    const h = harness(creds, adapter)
    const out = await createConnectionTests(h.deps).testAll({ concurrency: 20 })
    // All twenty in flight at once is what makes it about one test long (measured side by side
    // in bench/test-all.bench.ts; no upper time bound here, a loaded machine would trip it).
    expect(adapter.maxInFlight).toBe(20)
    expect(out.elapsedMs).toBeGreaterThanOrEqual(140)
    const eight = new DelayAdapter(150)
    const out8 = await createConnectionTests(harness(creds, eight).deps).testAll()
    expect(eight.maxInFlight).toBe(8) // the default bound
    expect(out8.elapsedMs).toBeGreaterThanOrEqual(3 * 140) // three waves
  })

  it('can be cancelled: returns what finished, starts nothing more', async () => {
    const adapter = new DelayAdapter(100)
    const h = harness(creds, adapter)
    const ctl = new AbortController()
    const streamed: ConnectionTestResult[] = []
    // Cancelled once the eighth result is in (during the second wave), on state, not a timer
    // a busy machine could outrun.
    const out = await createConnectionTests(h.deps).testAll({
      signal: ctl.signal,
      onResult: (r) => {
        streamed.push(r)
        if (streamed.length === 8) ctl.abort()
      },
    })
    expect(out.cancelled).toBe(true)
    expect(out.results).toHaveLength(8)
    expect(streamed).toHaveLength(8)
    // Nothing starts after the cancel: at most one replacement per finished test, never all 20.
    expect(adapter.started.length).toBeLessThanOrEqual(16)
    // The tests in flight are cut short, not waited for.
    expect(adapter.aborted).toBe(adapter.started.length - 8)
    expect(adapter.aborted).toBeGreaterThan(0)
    expect(h.saved).toHaveLength(8)
  })

  it('mixes provider failures into results and keeps going', async () => {
    const adapter = new DelayAdapter(5, (c) =>
      c.id === 'c03'
        ? { code: 'auth_invalid', message: 'Invalid API key.' }
        : { code: 'ok', message: 'ok' },
    )
    const out = await createConnectionTests(harness(creds, adapter).deps).testAll()
    expect(out.results).toHaveLength(20)
    expect(out.results.filter((r) => !r.ok).map((r) => r.credentialId)).toEqual(['c03'])
  })

  it('skips a credential deleted meanwhile; rejects when the vault is locked', async () => {
    const h = harness(creds.slice(0, 3), new DelayAdapter(5), {
      listCredentialIds: async () => ['c00', 'gone', 'c01', 'c02'],
    })
    const out = await createConnectionTests(h.deps).testAll()
    expect(out.results.map((r) => r.credentialId)).toEqual(['c00', 'c01', 'c02'])

    const locked = harness(creds, new DelayAdapter(5), {
      getDecrypted: async () => {
        throw new AppError('vault_locked', 'No master key.')
      },
    })
    expect((await rejection(createConnectionTests(locked.deps).testAll())).code).toBe(
      'vault_locked',
    )
  })

  it('answers an empty list at once', async () => {
    const out = await createConnectionTests(harness([], new DelayAdapter(1)).deps).testAll()
    expect(out).toMatchObject({ results: [], cancelled: false })
  })
})
