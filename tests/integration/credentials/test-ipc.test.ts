/**
 * The connection-test and catalog channels (credentials:providers / test / testAll /
 * cancelTests / lastTests) through the real dispatcher over a temp data dir, against the fake
 * provider servers of tests/fixtures: happy path, failures in words, streaming, cancel, schema
 * rejection, untrusted sender, a locked vault, and no key in any response or event.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { trayDepsFrom } from '../../../src-main/tray/tray-deps'
import { startAnthropicServer } from '../../fixtures/anthropic-server'
import { startOpenAiServer } from '../../fixtures/openai-server'
import { closedPortUrl, type FakeServer } from '../../fixtures/recording-server'
import { ENV_KEY, tmpHome } from '../vault/helpers'
import { ipcHarness } from '../../support/ipc-harness'

const OPENAI_KEY = 'sk-testipc-OPENAISECRET-0001'
const ANTHROPIC_KEY = 'sk-ant-testipc-ANTHROPICSECRET-0002'

/** Envelopes are read loosely here: each test asserts the fields it cares about. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
type Res = { ok: boolean; data?: Loose; error?: { code: string; params?: Record<string, unknown> } }

function harness(env: NodeJS.ProcessEnv, home = tmpHome()) {
  const h = ipcHarness(home, env)
  const call = (channel: string, payload: unknown, sender?: string): Promise<Res> =>
    h.call(channel, payload, sender)
  const create = async (req: Record<string, unknown>) => {
    const res = await call('credentials:create', req)
    expect(res.ok, JSON.stringify(res.error)).toBe(true)
    return res.data.id as string
  }
  return { ...h, call, create, events: h.events as [string, Loose][] }
}

const servers: FakeServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function serve<T extends FakeServer>(p: Promise<T>): Promise<T> {
  const s = await p
  servers.push(s)
  return s
}

/** A harness with one OpenAI credential whose base URL is a fake that accepts its key. */
async function oneOpenAi(name: string) {
  const fake = await serve(startOpenAiServer({ key: OPENAI_KEY }))
  const h = harness(ENV_KEY)
  const id = await h.create({ provider: 'openai', name, apiKey: OPENAI_KEY, baseUrl: fake.url })
  return { fake, h, id }
}

const secretsIn = (h: { outputs: string[]; events: unknown[] }) =>
  [...h.outputs, JSON.stringify(h.events)].join('\n')

describe('credentials:providers', () => {
  it('serves the catalog as form data: fields with required flags, docs link, no env or secrets', async () => {
    const h = harness(ENV_KEY)
    const res = await h.call('credentials:providers', {})
    expect(res.ok).toBe(true)
    const list = res.data as Loose[]
    expect(list).toHaveLength(23)
    const byId = new Map(list.map((p) => [p.id, p]))
    expect(byId.get('openai')).toMatchObject({
      displayName: 'OpenAI',
      local: false,
      docsUrl: 'https://platform.openai.com/api-keys',
      fields: [
        { field: 'apiKey', required: true },
        { field: 'baseUrl', required: false, placeholder: 'https://api.openai.com/v1' },
      ],
    })
    expect(byId.get('vertex').fields.map((f: Loose) => f.field)).toEqual([
      'project',
      'location',
      'credentialsPath',
    ])
    expect(byId.get('ollama')).toMatchObject({ local: true })
    expect(Object.keys(byId.get('azure')).sort()).toEqual(
      [
        'defaultBaseUrl',
        'displayName',
        'docsUrl',
        'fields',
        'guide',
        'id',
        'local',
        'modalities',
      ].sort(),
    )
  })
})

describe('credentials:test', () => {
  it('tests one credential against its base URL override and remembers the result', async () => {
    const { fake, h, id } = await oneOpenAi('Main')
    const res = await h.call('credentials:test', { id })
    expect(res.data).toMatchObject({
      credentialId: id,
      provider: 'openai',
      ok: true,
      code: 'ok',
      details: { modelCount: 3 },
    })
    expect(res.data.message).toMatch(/3 models/)
    expect(res.data.latencyMs).toBeGreaterThanOrEqual(0)
    expect(fake.requests.map((r) => r.path)).toContain('/v1/models')
    expect(h.events).toContainEqual(['credentials:testResult', { result: res.data }])
    const last = await h.call('credentials:lastTests', {})
    expect(last.data[id]).toMatchObject({ code: 'ok', latencyMs: res.data.latencyMs })
    expect(Date.parse(last.data[id].at)).not.toBeNaN()
    expect(secretsIn(h)).not.toContain('OPENAISECRET')
  })

  it('keeps the rate-limit signals of the test call with its result (issue 12)', async () => {
    const fake = await serve(
      startOpenAiServer({
        key: OPENAI_KEY,
        headers: {
          'x-ratelimit-limit-requests': '10000',
          'x-ratelimit-remaining-requests': '9999',
          'x-ratelimit-reset-requests': '6ms',
        },
      }),
    )
    const h = harness(ENV_KEY)
    const id = await h.create({
      provider: 'openai',
      name: 'Limited',
      apiKey: OPENAI_KEY,
      baseUrl: fake.url,
    })
    const res = await h.call('credentials:test', { id })
    expect(res.data.limits).toMatchObject({ remaining: 9999, limit: 10000, credit: null })
    const last = await h.call('credentials:lastTests', {})
    expect(last.data[id].limits).toEqual(res.data.limits)
  })

  it('sends the last results again only when they changed since the version held', async () => {
    const { h, id } = await oneOpenAi('V')
    const none = await h.call('credentials:lastTestsIfChanged', {})
    expect(none.data.lastTests).toEqual({})
    const unchanged = await h.call('credentials:lastTestsIfChanged', { since: none.data.version })
    expect(unchanged.data).toEqual({ version: none.data.version, lastTests: null })
    // A rename writes the store but no result: still the same version.
    await h.call('credentials:update', { id, name: 'Renamed' })
    const renamed = await h.call('credentials:lastTestsIfChanged', { since: none.data.version })
    expect(renamed.data.lastTests).toBeNull()
    // A test stores a result: the results come again, with a new version.
    await h.call('credentials:test', { id })
    const tested = await h.call('credentials:lastTestsIfChanged', { since: none.data.version })
    expect(tested.data.version).not.toBe(none.data.version)
    expect(tested.data.lastTests[id]).toMatchObject({ code: 'ok' })
    expect(secretsIn(h)).not.toContain('OPENAISECRET')
  })

  it('explains a rejected key with the docs link, and a refused connection with a fix', async () => {
    const fake = await serve(startOpenAiServer({ key: 'sk-the-right-one-000000' }))
    const h = harness(ENV_KEY)
    const bad = await h.create({
      provider: 'openai',
      name: 'Bad',
      apiKey: OPENAI_KEY,
      baseUrl: fake.url,
    })
    const down = await h.create({
      provider: 'anthropic',
      name: 'Down',
      apiKey: ANTHROPIC_KEY,
      baseUrl: await closedPortUrl(),
    })
    const rejected = (await h.call('credentials:test', { id: bad })).data
    expect(rejected).toMatchObject({ ok: false, code: 'auth_invalid', params: { status: 401 } })
    expect(rejected.hint).toContain('https://platform.openai.com/api-keys')
    const refused = (await h.call('credentials:test', { id: down })).data
    expect(refused).toMatchObject({ ok: false, code: 'network', params: { reason: 'refused' } })
    expect(refused.hint).toMatch(/server is running/)
    expect((await h.call('credentials:lastTests', {})).data).toMatchObject({
      [bad]: { code: 'auth_invalid' },
      [down]: { code: 'network' },
    })
    expect(secretsIn(h)).not.toContain('OPENAISECRET')
    expect(secretsIn(h)).not.toContain('ANTHROPICSECRET')
  })

  it('says url_blocked / insecure_http for a key over plain http to a non-loopback host', async () => {
    const h = harness(ENV_KEY)
    // 10.255.255.1 is never contacted: the guard refuses before connecting.
    const id = await h.create({
      provider: 'openai',
      name: 'LAN',
      apiKey: OPENAI_KEY,
      baseUrl: 'http://10.255.255.1:9/v1',
    })
    const res = (await h.call('credentials:test', { id })).data
    expect(res).toMatchObject({
      ok: false,
      code: 'url_blocked',
      params: { reason: 'insecure_http' },
    })
  })

  it('answers not_found for an unknown id and keeps lastTests clean', async () => {
    const h = harness(ENV_KEY)
    const res = await h.call('credentials:test', { id: 'no-such-credential' })
    expect(res.error?.code).toBe('not_found')
    expect((await h.call('credentials:lastTests', {})).data).toEqual({})
  })

  it('with a locked vault: a keyed credential fails with vault_locked, nothing saved', async () => {
    const fake = await serve(startOpenAiServer({ key: OPENAI_KEY }))
    const first = harness(ENV_KEY)
    const id = await first.create({
      provider: 'openai',
      name: 'K',
      apiKey: OPENAI_KEY,
      baseUrl: fake.url,
    })
    const locked = harness({}, first.home)
    const res = await locked.call('credentials:test', { id })
    expect(res.error?.code).toBe('vault_locked')
    expect(fake.requests).toHaveLength(0)
    expect((await locked.call('credentials:lastTests', {})).data).toEqual({})
    const all = await locked.call('credentials:testAll', {})
    expect(all.error?.code).toBe('vault_locked')
  })
})

describe('credentials:testAll', () => {
  it('streams each result as it arrives and answers them all in credential order', async () => {
    const openai = await serve(startOpenAiServer({ key: OPENAI_KEY }))
    const anthropic = await serve(startAnthropicServer({ key: 'sk-ant-other-000000000' }))
    const h = harness(ENV_KEY)
    const ids = [
      await h.create({ provider: 'openai', name: 'O', apiKey: OPENAI_KEY, baseUrl: openai.url }),
      await h.create({
        provider: 'anthropic',
        name: 'A',
        apiKey: ANTHROPIC_KEY,
        baseUrl: anthropic.url,
      }),
      await h.create({ provider: 'ollama', name: 'L', baseUrl: await closedPortUrl() }),
    ]
    const res = await h.call('credentials:testAll', {})
    expect(res.ok).toBe(true)
    expect(res.data.cancelled).toBe(false)
    expect(res.data.elapsedMs).toBeGreaterThanOrEqual(0)
    expect(res.data.results.map((r: Loose) => [r.credentialId, r.code])).toEqual([
      [ids[0], 'ok'],
      [ids[1], 'auth_invalid'],
      [ids[2], 'network'],
    ])
    const streamed = h.events
      .filter(([e]) => e === 'credentials:testResult')
      .map(([, p]) => p.result)
    expect(streamed.map((r) => r.credentialId).sort()).toEqual([...ids].sort())
    expect(Object.keys((await h.call('credentials:lastTests', {})).data).sort()).toEqual(
      [...ids].sort(),
    )
    expect(secretsIn(h)).not.toContain('OPENAISECRET')
    expect(secretsIn(h)).not.toContain('ANTHROPICSECRET')
  })

  it('is cancellable, and refuses a second run while one is going', async () => {
    const slow = await serve(startOpenAiServer({ key: OPENAI_KEY }))
    slow.mode = 'slow'
    slow.slowMs = 5_000
    const h = harness(ENV_KEY)
    for (let i = 0; i < 3; i++) {
      await h.create({ provider: 'openai', name: `S${i}`, apiKey: OPENAI_KEY, baseUrl: slow.url })
    }
    const started = Date.now()
    const running = h.call('credentials:testAll', { concurrency: 2 })
    await new Promise((r) => setTimeout(r, 150))
    expect((await h.call('credentials:testAll', {})).error?.code).toBe('conflict')
    expect((await h.call('credentials:cancelTests', {})).data).toEqual({ cancelled: true })
    const res = await running
    expect(res.data).toMatchObject({ cancelled: true, results: [] })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect((await h.call('credentials:cancelTests', {})).data).toEqual({ cancelled: false })
    expect((await h.call('credentials:lastTests', {})).data).toEqual({})
  })
})

describe('credentials:testAll and the tray share one run (issue 13)', () => {
  it("refuses a window's run while the tray's runs, and cancelTests stops the tray's", async () => {
    const slow = await serve(startOpenAiServer({ key: OPENAI_KEY }))
    slow.mode = 'slow'
    slow.slowMs = 5_000
    const h = harness(ENV_KEY)
    await h.create({ provider: 'openai', name: 'S', apiKey: OPENAI_KEY, baseUrl: slow.url })
    const tray = trayDepsFrom(h.app).testAll(() => undefined)
    await new Promise((r) => setTimeout(r, 150))
    const refused = await h.call('credentials:testAll', {})
    expect(refused.error).toMatchObject({ code: 'conflict', params: { context: 'running' } })
    expect((await h.call('credentials:cancelTests', {})).data).toEqual({ cancelled: true })
    expect(await tray).toMatchObject({ cancelled: true, results: [] })
  })
})

describe('schema and sender checks', () => {
  const BAD: [string, unknown][] = [
    ['credentials:providers', { all: true }],
    ['credentials:test', { id: '../../etc/passwd' }],
    ['credentials:test', {}],
    ['credentials:testAll', { concurrency: 0 }],
    ['credentials:testAll', { concurrency: 'many' }],
    // One range for IPC and the CLI's --concurrency (src-preload/contract/test-all.ts).
    ['credentials:testAll', { concurrency: 65 }],
    ['credentials:cancelTests', { id: 'x' }],
    ['credentials:lastTests', { since: 1 }],
    ['credentials:lastTestsIfChanged', { since: 1 }],
    ['credentials:lastTestsIfChanged', { since: 'v'.repeat(201) }],
    ['credentials:lastTestsIfChanged', { since: 'v', all: true }],
  ]

  it('rejects malformed payloads before any work', async () => {
    const h = harness(ENV_KEY)
    for (const [channel, bad] of BAD) {
      const res = await h.call(channel, bad)
      expect([channel, res.ok, res.error?.code]).toEqual([channel, false, 'validation'])
    }
    expect(h.events).toEqual([])
  })

  it('refuses an untrusted sender on every new channel', async () => {
    const h = harness(ENV_KEY)
    for (const channel of [
      'credentials:providers',
      'credentials:test',
      'credentials:testAll',
      'credentials:cancelTests',
      'credentials:lastTests',
      'credentials:lastTestsIfChanged',
    ]) {
      const res = await h.call(
        channel,
        channel === 'credentials:test' ? { id: 'x' } : {},
        'https://evil.example/',
      )
      expect([channel, res.error?.code]).toEqual([channel, 'forbidden_sender'])
    }
  })
})
