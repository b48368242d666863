/**
 * Real loopback servers for the network-guard tests: a recording HTTP(S) server, a server that
 * accepts and never answers, a closed port, and a tiny CONNECT/forwarding proxy. Everything
 * listens on 127.0.0.x ephemeral ports and is closed by the test.
 */
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { testOnlyTls } from '../../fixtures/tls'

export interface Recorded {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
  localAddress: string
}

export interface TestServer {
  port: number
  /** http(s)://127.0.0.x:port */
  origin: string
  requests: Recorded[]
  close(): Promise<void>
}

type Handler = (req: Recorded, res: http.ServerResponse) => void

/** Starts a server on `host` (default 127.0.0.1) that records every request, then calls `handler`. */
export async function startServer(
  handler: Handler,
  options: { tls?: boolean; host?: string } = {},
): Promise<TestServer> {
  const requests: Recorded[] = []
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const rec: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        localAddress: req.socket.localAddress ?? '',
      }
      requests.push(rec)
      handler(rec, res)
    })
  }
  const server = options.tls
    ? https.createServer({ cert: testOnlyTls.cert, key: testOnlyTls.key }, listener)
    : http.createServer(listener)
  return listen(server, options.host ?? '127.0.0.1', options.tls ? 'https' : 'http', requests)
}

/** A server that accepts connections (and reads requests) but never answers. */
export async function startSilentServer(): Promise<TestServer & { connections: number }> {
  const sockets = new Set<net.Socket>()
  const state = { connections: 0 }
  const server = net.createServer((socket) => {
    state.connections++
    sockets.add(socket)
    socket.on('data', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  const base = await listen(server, '127.0.0.1', 'http', [], sockets)
  return {
    ...base,
    get connections() {
      return state.connections
    },
  }
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

export interface TestProxy extends TestServer {
  /** `host:port` of every CONNECT tunnel and absolute-URI request the proxy handled. */
  targets: string[]
}

/**
 * A minimal HTTP proxy: CONNECT tunnels (what undici's ProxyAgent uses) and absolute-URI
 * forwarding. It only ever connects to loopback targets; anything else is refused with 403,
 * so a bug in the code under test can never send traffic off this machine.
 */
export async function startProxy(): Promise<TestProxy> {
  const targets: string[] = []
  const sockets = new Set<net.Socket>()
  const loopback = (host: string) => /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/.test(host)
  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? '')
    targets.push(target.host)
    if (!loopback(target.hostname)) {
      res.writeHead(403).end()
      return
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host, port] = splitHostPort(req.url ?? '')
    targets.push(req.url ?? '')
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    if (!loopback(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = net.connect(Number(port), host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  const base = await listen(server, '127.0.0.1', 'http', [], sockets)
  return Object.assign(base, { targets })
}

function splitHostPort(hostPort: string): [string, string] {
  const i = hostPort.lastIndexOf(':')
  return [hostPort.slice(0, i), hostPort.slice(i + 1)]
}

async function listen(
  server: net.Server,
  host: string,
  scheme: 'http' | 'https',
  requests: Recorded[],
  sockets = new Set<net.Socket>(),
): Promise<TestServer> {
  server.on('connection', (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, host, r))
  const { port } = server.address() as AddressInfo
  return {
    port,
    origin: `${scheme}://${host}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
