import type { LookupAddress } from 'node:dns'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createGuardedFetch, type GuardedFetchOptions } from '../../../src-main/net/guarded-fetch'
import { VET_TTL_MS } from '../../../src-main/net/guarded-stream'
import type { Resolver } from '../../../src-main/net/pinned-lookup'
import { readJson, statusToCode } from '../../../src-main/net/read-body'
import { testOnlyTls } from '../../fixtures/tls'
import {
  closedPort,
  startProxy,
  startServer,
  startSilentServer,
  type TestProxy,
  type TestServer,
} from './servers'
import { rejection } from '../../support/rejection'

const KEY = 'sk-test-GUARDEDFETCHSECRET0001'

/** A resolver answering from a table (names not in it fail like getaddrinfo does). */
function tableResolver(table: Record<string, string[]>, calls: string[] = []): Resolver {
  return async (hostname) => {
    calls.push(hostname)
    const list = table[hostname]
    if (!list)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
    return list.map((address): LookupAddress => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }))
  }
}

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

function guarded(options: GuardedFetchOptions = {}) {
  const f = createGuardedFetch({
    resolver: tableResolver({ localhost: ['127.0.0.1'] }),
    ...options,
  })
  closers.push(() => f.close())
  return f
}

async function server(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const s = await startServer(...args)
  closers.push(() => s.close())
  return s
}

/**
 * A loopback proxy that every "public" request is routed to. Tests that must never reach a
 * non-loopback address use it as a trap: if the guard failed, the request would land here
 * (and be refused) instead of leaving the machine.
 */
let trap: TestProxy
beforeAll(async () => {
  trap = await startProxy()
})
afterAll(async () => {
  await trap.close()
})
function trapped(options: GuardedFetchOptions = {}) {
  return guarded({
    env: { HTTP_PROXY: trap.origin, HTTPS_PROXY: trap.origin },
    isPublic: () => true,
    ...options,
  })
}

describe('guarded fetch: plain requests', () => {
  it('fetches from a loopback server and returns the real response', async () => {
    const s = await server((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}'),
    )
    const res = await guarded()(`${s.origin}/v1/models`, {
      headers: { authorization: `Bearer ${KEY}` },
    })
    expect(res.status).toBe(200)
    expect(await readJson(res)).toEqual({ ok: 1 })
    expect(s.requests[0]).toMatchObject({ method: 'GET', url: '/v1/models' })
    expect(s.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('sends a global FormData body as multipart', async () => {
    const s = await server((_req, res) => res.end('ok'))
    const form = new FormData()
    form.append('model', 'whisper-1')
    form.append('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' }), 'clip.wav')
    await guarded()(`${s.origin}/audio`, { method: 'POST', body: form })
    expect(s.requests[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(s.requests[0]!.body).toContain('name="model"')
    expect(s.requests[0]!.body).toContain('filename="clip.wav"')
  })

  it.each([
    [401, 'auth_invalid'],
    [403, 'auth_forbidden'],
    [429, 'ok_rate_limited'],
    [500, 'server_error'],
    [503, 'server_error'],
  ])('returns status %i unchanged (statusToCode → %s)', async (status, code) => {
    const s = await server((_req, res) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":{}}'),
    )
    const res = await guarded()(`${s.origin}/models`)
    expect(res.status).toBe(status)
    expect(statusToCode(res.status)).toBe(code)
    await res.body?.cancel()
  })

  it('garbage body → server_error / invalid_body', async () => {
    const s = await server((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>502 Bad Gateway'),
    )
    const err = await rejection(guarded()(`${s.origin}/models`).then((r) => readJson(r)))
    expect(err.code).toBe('server_error')
    expect(err.params).toMatchObject({ reason: 'invalid_body' })
  })

  it('oversized body → server_error / invalid_body, without reading it all', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      let sent = 0
      const push = () => {
        while (sent < 200 && res.write(chunk)) sent++
        if (sent < 200) res.once('drain', push)
        else res.end()
      }
      push()
    })
    const err = await rejection(
      guarded()(`${s.origin}/models`).then((r) => readJson(r, { maxBytes: 1024 * 1024 })),
    )
    expect(err.params).toMatchObject({ reason: 'invalid_body' })
  })
})

describe('guarded fetch: failures', () => {
  it('closed port → network / refused', async () => {
    const port = await closedPort()
    const err = await rejection(guarded()(`http://127.0.0.1:${port}/v1/models?key=${KEY}`))
    expect(err.code).toBe('network')
    expect(err.params).toMatchObject({ reason: 'refused', host: `127.0.0.1:${port}` })
    expect(err.message).not.toContain(KEY)
    expect(err.message).not.toContain('/v1/models')
  })

  it('a server that accepts but never answers → timeout', async () => {
    const s = await startSilentServer()
    closers.push(() => s.close())
    const started = Date.now()
    const err = await rejection(guarded()(`${s.origin}/v1/models`, { timeoutMs: 300 }))
    expect(err.code).toBe('timeout')
    expect(err.params).toMatchObject({ timeoutMs: 300 })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(s.connections).toBe(1)
  })

  it('uses the default timeout from the options', async () => {
    const s = await startSilentServer()
    closers.push(() => s.close())
    expect((await rejection(guarded({ defaultTimeoutMs: 200 })(s.origin))).code).toBe('timeout')
  })

  it('times out while the body is being read', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"data":[') // …and never finishes
    })
    const res = await guarded()(`${s.origin}/models`, { timeoutMs: 300 })
    expect((await rejection(readJson(res))).code).toBe('timeout')
  })

  it('caller abort → cancelled (in flight and before start)', async () => {
    const s = await startSilentServer()
    closers.push(() => s.close())
    const ctl = new AbortController()
    setTimeout(() => ctl.abort(), 50)
    expect((await rejection(guarded()(s.origin, { signal: ctl.signal }))).code).toBe('cancelled')

    const before = s.connections
    expect((await rejection(guarded()(s.origin, { signal: AbortSignal.abort() }))).code).toBe(
      'cancelled',
    )
    expect(s.connections).toBe(before)
  })

  it('caller abort while the body is being read → cancelled, even with a custom reason', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"data":[')
    })
    const ctl = new AbortController()
    const res = await guarded()(`${s.origin}/models`, { signal: ctl.signal })
    setTimeout(() => ctl.abort(), 30)
    expect((await rejection(readJson(res))).code).toBe('cancelled')

    const silent = await startSilentServer()
    closers.push(() => silent.close())
    const custom = new AbortController()
    setTimeout(() => custom.abort(new Error('user closed the dialog')), 30)
    expect((await rejection(guarded()(silent.origin, { signal: custom.signal }))).code).toBe(
      'cancelled',
    )
  })

  it('resolver ENOTFOUND → network / dns with a host-name hint', async () => {
    const err = await rejection(guarded()('https://no-such-host.example/v1'))
    expect(err.code).toBe('network')
    expect(err.params).toMatchObject({ reason: 'dns', host: 'no-such-host.example' })
  })

  it('a real lookup of a .invalid name → network / dns', async () => {
    const f = createGuardedFetch()
    closers.push(() => f.close())
    const err = await rejection(f('http://switchboard-test-host.invalid:11434/api/tags'))
    expect(err.code).toBe('network')
    expect(err.params).toMatchObject({ reason: 'dns' })
  })

  it('self-signed TLS → network / tls (self_signed)', async () => {
    const s = await server((_req, res) => res.end('{}'), { tls: true })
    const err = await rejection(guarded()(`https://localhost:${s.port}/v1/models`))
    expect(err.code).toBe('network')
    expect(err.params).toMatchObject({ reason: 'tls', tls: 'self_signed' })
    expect(s.requests).toHaveLength(0)
  })

  it('plain http to a TLS port and TLS to a plain port are named', async () => {
    const plain = await server((_req, res) => res.end('{}'))
    const err = await rejection(guarded()(`https://127.0.0.1:${plain.port}/`))
    expect(err.params).toMatchObject({ reason: 'tls', tls: 'wrong_version' })
  })
})

describe('guarded fetch: DNS pinning and TLS host names', () => {
  it('connects to the checked address even when DNS changes its answer (rebinding)', async () => {
    const s = await server((_req, res) => res.end('pinned'), { host: '127.0.0.2' })
    let n = 0
    const calls: string[] = []
    // First answer: a harmless address. Every later answer: the metadata service.
    const rebinding: Resolver = async (hostname) => {
      calls.push(hostname)
      return [{ address: n++ === 0 ? '127.0.0.2' : '169.254.169.254', family: 4 }]
    }
    const f = trapped({ resolver: rebinding, isPublic: () => false })
    const res = await f(`http://rebind.example:${s.port}/v1/models`)
    expect(await res.text()).toBe('pinned')
    expect(calls).toEqual(['rebind.example']) // resolved once for check and connect
    expect(s.requests).toHaveLength(1)
    expect(s.requests[0]!.localAddress).toBe('127.0.0.2')
    expect(s.requests[0]!.headers.host).toBe(`rebind.example:${s.port}`)

    // The next request resolves again, sees the metadata address and refuses it.
    const err = await rejection(f(`http://rebind.example:${s.port}/v1/models`))
    expect(err).toMatchObject({ code: 'url_blocked', params: { reason: 'metadata' } })
    expect(s.requests).toHaveLength(1)
    expect(trap.targets).toEqual([])
  })

  it('refuses a name when any of its addresses is blocked', async () => {
    const f = trapped({
      resolver: tableResolver({ 'mixed.example': ['127.0.0.1', 'fd00:ec2::254'] }),
    })
    const err = await rejection(f('http://mixed.example/'))
    expect(err).toMatchObject({ code: 'url_blocked', params: { reason: 'metadata' } })
    expect(trap.targets).toEqual([])
  })

  it('verifies TLS against the host name, not the pinned IP', async () => {
    const s = await server((_req, res) => res.end('secure'), { tls: true })
    const resolver = tableResolver({
      localhost: ['127.0.0.1'],
      'wrong-name.example': ['127.0.0.1'],
    })
    const f = guarded({ resolver, ca: testOnlyTls.cert })
    const ok = await f(`https://localhost:${s.port}/`)
    expect(await ok.text()).toBe('secure')

    const err = await rejection(f(`https://wrong-name.example:${s.port}/`))
    expect(err.params).toMatchObject({ reason: 'tls', tls: 'hostname_mismatch' })
  })
})

describe('guarded stream path (vetted origins, the gateway)', () => {
  const body = async (r: { body: NodeJS.ReadableStream }) => {
    let t = ''
    for await (const c of r.body) t += c.toString()
    return t
  }
  const init = () => ({ method: 'GET', headers: {}, signal: new AbortController().signal })

  it('reuses the vetting within the TTL (pinned: a rebind cannot redirect it), then refuses the rebind', async () => {
    const s = await server((_req, res) => res.end('pinned'), { host: '127.0.0.2' })
    let n = 0
    const calls: string[] = []
    const rebinding: Resolver = async (hostname) => {
      calls.push(hostname)
      return [{ address: n++ === 0 ? '127.0.0.2' : '169.254.169.254', family: 4 }]
    }
    let t = 1_000_000
    const f = trapped({ resolver: rebinding, isPublic: () => false, now: () => t })
    const url = `http://rebind.example:${s.port}/v1/models`
    expect(await body(await f.stream(url, init()))).toBe('pinned')
    expect(await body(await f.stream(url, init()))).toBe('pinned')
    expect(calls).toEqual(['rebind.example']) // vetted once: no DNS per request
    expect(s.requests.map((r) => r.localAddress)).toEqual(['127.0.0.2', '127.0.0.2'])

    t += VET_TTL_MS
    const err = await rejection(f.stream(url, init()))
    expect(err).toMatchObject({ code: 'url_blocked', params: { reason: 'metadata' } })
    expect(s.requests).toHaveLength(2)
    expect(trap.targets).toEqual([])
  })

  it('refuses a blocked URL and a key over plain http to a non-loopback host', async () => {
    const f = guarded({ resolver: tableResolver({ 'lan.example': ['192.168.1.20'] }) })
    const blocked = await rejection(f.stream('http://169.254.169.254/latest', init()))
    expect(blocked).toMatchObject({ code: 'url_blocked', params: { reason: 'metadata' } })
    const insecure = await rejection(
      f.stream('http://lan.example:9/v1/chat', { ...init(), sendsSecret: true }),
    )
    expect(insecure).toMatchObject({ code: 'url_blocked', params: { reason: 'insecure_http' } })
  })
})

describe('guarded fetch: redirects', () => {
  it('follows a redirect and re-checks the hop: a redirect to metadata is refused', async () => {
    const s = await server((_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    )
    const err = await rejection(trapped({ isPublic: () => false })(`${s.origin}/v1/models`))
    expect(err).toMatchObject({ code: 'url_blocked', params: { reason: 'metadata', hop: 1 } })
    expect(err.message).toMatch(/redirected/)
    expect(trap.targets).toEqual([])
  })

  it.each([
    ['http://0xa9fea9fe/', 'metadata'],
    ['http://[::ffff:a9fe:a9fe]/', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata_host'],
    ['http://0.0.0.0:11434/', 'unspecified'],
    ['file:///etc/passwd', 'scheme'],
  ])('refuses a redirect to %s', async (location, reason) => {
    const s = await server((_req, res) => res.writeHead(307, { location }).end())
    const err = await rejection(trapped({ isPublic: () => false })(s.origin))
    expect(err).toMatchObject({ code: 'url_blocked', params: { reason } })
    expect(trap.targets).toEqual([])
  })

  it('refuses a redirect to a name that resolves to a blocked address', async () => {
    const s = await server((_req, res) =>
      res.writeHead(302, { location: 'http://rebind.example/' }).end(),
    )
    const f = trapped({
      isPublic: () => false,
      resolver: tableResolver({ 'rebind.example': ['169.254.169.254'] }),
    })
    expect(await rejection(f(s.origin))).toMatchObject({
      code: 'url_blocked',
      params: { reason: 'metadata' },
    })
  })

  it('drops key headers on a cross-origin hop and keeps them on a same-origin hop', async () => {
    const b = await server((_req, res) => res.end('b'))
    const a = await server((req, res) => {
      if (req.url === '/same') res.writeHead(302, { location: '/cross' }).end()
      else res.writeHead(301, { location: `http://localhost:${b.port}/landing` }).end()
    })
    const headers = {
      authorization: `Bearer ${KEY}`,
      'x-api-key': KEY,
      'api-key': KEY,
      'xi-api-key': KEY,
      'x-goog-api-key': KEY,
      'anthropic-version': '2023-06-01',
    }
    const res = await guarded()(`${a.origin}/same`, { headers })
    expect(await res.text()).toBe('b')
    expect(a.requests.map((r) => r.url)).toEqual(['/same', '/cross'])
    expect(a.requests[1]!.headers.authorization).toBe(`Bearer ${KEY}`) // same origin: kept
    const landed = b.requests[0]!
    expect(landed.url).toBe('/landing')
    for (const h of ['authorization', 'x-api-key', 'api-key', 'xi-api-key', 'x-goog-api-key']) {
      expect(landed.headers[h]).toBeUndefined()
    }
    expect(landed.headers['anthropic-version']).toBe('2023-06-01')
    expect(JSON.stringify(landed.headers)).not.toContain(KEY)
  })

  it('303 turns POST into GET without a body; 307 keeps method and body', async () => {
    const s = await server((req, res) => {
      if (req.url === '/see-other') res.writeHead(303, { location: '/result' }).end()
      else if (req.url === '/temp') res.writeHead(307, { location: '/result' }).end()
      else res.end(`${req.method}:${req.body}`)
    })
    const f = guarded()
    const a = await f(`${s.origin}/see-other`, {
      method: 'POST',
      body: '{"x":1}',
      headers: { 'content-type': 'application/json' },
    })
    expect(await a.text()).toBe('GET:')
    const b = await f(`${s.origin}/temp`, { method: 'POST', body: '{"x":1}' })
    expect(await b.text()).toBe('POST:{"x":1}')
  })

  it('stops after 5 redirects', async () => {
    const s = await server((req, res) =>
      res.writeHead(302, { location: `/r${req.url.length}` }).end(),
    )
    const err = await rejection(guarded()(`${s.origin}/`))
    expect(err).toMatchObject({ code: 'server_error', params: { reason: 'redirect' } })
    expect(s.requests).toHaveLength(6)
  })

  it("returns the 3xx itself with redirect: 'manual'", async () => {
    const s = await server((_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/' }).end(),
    )
    const res = await guarded()(s.origin, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(s.requests).toHaveLength(1)
  })
})

describe('guarded fetch: keys over plain http', () => {
  it('refuses to send a key over http to a LAN host before any byte is sent', async () => {
    const calls: string[] = []
    const f = trapped({
      isPublic: () => false,
      resolver: tableResolver({ 'gpu.lan': ['10.20.30.40'] }, calls),
    })
    const err = await rejection(
      f('http://gpu.lan:11434/v1/models', {
        sendsSecret: true,
        headers: { authorization: `Bearer ${KEY}` },
      }),
    )
    expect(err).toMatchObject({
      code: 'url_blocked',
      params: { reason: 'insecure_http', host: 'gpu.lan:11434' },
    })
    expect(err.message).not.toContain(KEY)
    expect(trap.targets).toEqual([])

    const literal = await rejection(f('http://192.168.1.20:11434/', { sendsSecret: true }))
    expect(literal.params).toMatchObject({ reason: 'insecure_http' })
  })

  it('allows it with allowInsecureHttp, and always to loopback', async () => {
    const s = await server((_req, res) => res.end('ok'))
    const f = guarded({
      resolver: tableResolver({ 'my-box.lan': ['127.0.0.1'], localhost: ['127.0.0.1'] }),
    })
    expect((await f(`${s.origin}/`, { sendsSecret: true })).status).toBe(200)
    expect((await f(`http://localhost:${s.port}/`, { sendsSecret: true })).status).toBe(200)
    expect(
      (await f(`http://my-box.lan:${s.port}/`, { sendsSecret: true, allowInsecureHttp: true }))
        .status,
    ).toBe(200)
  })

  it('refuses blocked URLs and credentials in URLs up front', async () => {
    const f = trapped()
    expect((await rejection(f('http://169.254.169.254/'))).params).toMatchObject({
      reason: 'metadata',
    })
    expect((await rejection(f(`http://user:${KEY}@localhost/`))).params).toMatchObject({
      reason: 'credentials_in_url',
    })
    expect(trap.targets).toEqual([])
  })
})

describe('guarded fetch: proxies', () => {
  let proxy: TestProxy
  beforeAll(async () => {
    proxy = await startProxy()
  })
  afterAll(async () => {
    await proxy.close()
  })
  afterEach(() => {
    proxy.targets.length = 0
  })

  it('sends a cloud request through HTTP_PROXY (CONNECT tunnel)', async () => {
    const s = await server((_req, res) => res.end('via proxy'))
    const f = guarded({ env: { http_proxy: proxy.origin }, isPublic: () => true })
    const res = await f(`${s.origin}/v1/models`, { headers: { authorization: `Bearer ${KEY}` } })
    expect(await res.text()).toBe('via proxy')
    expect(proxy.targets).toEqual([`127.0.0.1:${s.port}`])
    expect(s.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('tunnels https through HTTPS_PROXY with TLS checked end to end', async () => {
    const s = await server((_req, res) => res.end('tls via proxy'), { tls: true })
    const f = guarded({
      env: { HTTPS_PROXY: proxy.origin },
      isPublic: () => true,
      ca: testOnlyTls.cert,
    })
    const res = await f(`https://localhost:${s.port}/`)
    expect(await res.text()).toBe('tls via proxy')
    expect(proxy.targets).toEqual([`localhost:${s.port}`])
  })

  it('never proxies loopback with the real public/local decision', async () => {
    const s = await server((_req, res) => res.end('direct'))
    const f = guarded({ env: { HTTP_PROXY: proxy.origin, HTTPS_PROXY: proxy.origin } })
    expect(await (await f(`${s.origin}/`)).text()).toBe('direct')
    expect(await (await f(`http://localhost:${s.port}/`)).text()).toBe('direct')
    expect(proxy.targets).toEqual([])
  })

  it('honours NO_PROXY', async () => {
    const s = await server((_req, res) => res.end('direct'))
    const f = guarded({
      env: { HTTP_PROXY: proxy.origin, NO_PROXY: '127.0.0.1' },
      isPublic: () => true,
    })
    expect(await (await f(`${s.origin}/`)).text()).toBe('direct')
    expect(proxy.targets).toEqual([])
  })

  it('lets the proxy resolve a cloud name local DNS does not know', async () => {
    const s = await server((_req, res) => res.end('resolved by proxy'))
    const f = guarded({
      env: { HTTP_PROXY: proxy.origin },
      isPublic: () => true,
      resolver: tableResolver({}),
    })
    const res = await f(`http://localhost:${s.port}/`)
    expect(await res.text()).toBe('resolved by proxy')
    expect(proxy.targets).toEqual([`localhost:${s.port}`])
  })
})
