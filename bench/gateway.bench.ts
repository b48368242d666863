// The local gateway's cost (DESIGN §14, issue 14), measured side by side in one run against the
// same fake upstream called directly:
// - added latency p50 / p95 of a chat completion (goal: p50 < 1 ms), and the same gateway with
//   its upstream calls forced through the guarded fetch instead of the request-level path;
// - 100 concurrent SSE streams through the gateway without a stall (max gap between chunks);
// - memory (heapUsed / RSS after a GC) after 10,000 requests vs after 1,000 (goal: flat).
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import v8 from 'node:v8'
import vm from 'node:vm'
import { createAppContext } from '../src-main/app-context'
import { createPoolState } from '../src-main/gateway/pool'
import { startGateway } from '../src-main/gateway/server'
import { createSnapshot } from '../src-main/gateway/snapshot'
import { createUsageRecorder } from '../src-main/gateway/usage'
import { createGuardedFetch } from '../src-main/net'
import { getProvider } from '../src-main/providers/catalog'
import { fmt, loadAverage, quantile } from './lib'

const KEY = 'sk-bench-fake-key-000000000000000000'
const CHUNKS = 20
const CHUNK_GAP_MS = 10

/** An OpenAI-shaped upstream: a small JSON completion, or an SSE stream of CHUNKS chunks. */
function upstream(): Promise<http.Server> {
  const body = JSON.stringify({
    id: 'chatcmpl-b',
    object: 'chat.completion',
    created: 1,
    model: 'bench-model',
    choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
  })
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      if (!raw.includes('"stream":true')) {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        })
        return res.end(body)
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      let i = 0
      const tick = () => {
        if (i === CHUNKS) {
          res.end('data: [DONE]\n\n')
          return
        }
        res.write(`data: {"choices":[{"index":0,"delta":{"content":"${i++}"}}]}\n\n`)
        setTimeout(tick, CHUNK_GAP_MS)
      }
      tick()
    })
  })
  server.keepAliveTimeout = 60_000
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)))
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** One POST; resolves with the chunk arrival times (ms) once the body ends. */
function post(url: string, token: string | null, payload: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const u = new URL(url)
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${token ?? KEY}`,
        },
      },
      (res) => {
        const times: number[] = []
        res.on('data', () => times.push(performance.now()))
        res.on('end', () =>
          res.statusCode === 200 ? resolve(times) : reject(new Error(`status ${res.statusCode}`)),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

function gc(): () => void {
  v8.setFlagsFromString('--expose-gc')
  return vm.runInNewContext('gc') as () => void
}

const ok = (good: boolean) => (good ? 'OK' : 'missed')
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`

async function main() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-gateway-'))
  const app = createAppContext({
    home,
    env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'bench' },
  })
  const up = await upstream()
  const upUrl = `http://127.0.0.1:${(up.address() as AddressInfo).port}/v1`
  const cred = await app.credentials.create({
    provider: 'openai',
    name: 'bench',
    baseUrl: upUrl,
    apiKey: KEY,
  })
  await app.models.register(cred.id, [{ name: 'bench-model', type: 'language' }])
  const { url } = await app.gateway.start({ port: 0 })
  const { token } = await app.gateway.createToken({ name: 'bench' })
  const body = JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: 'hi' }] })
  const streamBody = JSON.stringify({ model: 'bench-model', stream: true, messages: [] })

  // The same gateway code with upstream calls forced through the guarded fetch (the path every
  // request took before net/guarded-stream.ts), to show the request-level path's gain in this run.
  const fetchOnly = createGuardedFetch({ env: {} })
  const before = await startGateway(
    {
      snapshot: createSnapshot({
        read: () => app.store.read(),
        file: null,
        getDecrypted: (id) => app.credentials.getDecrypted(id),
      }),
      recorder: createUsageRecorder(async () => undefined, 0),
      fetch: (u, i) => fetchOnly(u, i),
      getProvider,
      pool: createPoolState(),
      now: Date.now,
    },
    { port: 0 },
  )

  // 1. Added latency, the three interleaved request by request.
  const n = 2_000
  const arms = {
    direct: () => post(`${upUrl}/chat/completions`, null, body),
    fetchPath: () => post(`${before.url}/v1/chat/completions`, token, body),
    gateway: () => post(`${url}/v1/chat/completions`, token, body),
  }
  const times = { direct: [] as number[], fetchPath: [] as number[], gateway: [] as number[] }
  for (let i = 0; i < n + 3; i++) {
    for (const k of ['direct', 'fetchPath', 'gateway'] as const) {
      const t0 = performance.now()
      await arms[k]()
      if (i >= 3) times[k].push(performance.now() - t0)
    }
  }
  for (const k of Object.keys(times) as (keyof typeof times)[]) times[k].sort((a, b) => a - b)
  const { direct, gateway: via, fetchPath } = times
  const added50 = quantile(via, 0.5) - quantile(direct, 0.5)
  const added95 = quantile(via, 0.95) - quantile(direct, 0.95)
  const fetch50 = quantile(fetchPath, 0.5) - quantile(direct, 0.5)
  console.log(`latency over ${n} requests each (interleaved):`)
  console.log(`  direct   p50 ${fmt(quantile(direct, 0.5))}  p95 ${fmt(quantile(direct, 0.95))}`)
  console.log(`  gateway  p50 ${fmt(quantile(via, 0.5))}  p95 ${fmt(quantile(via, 0.95))}`)
  console.log(
    `  added    p50 ${fmt(added50)} (target < 1 ms: ${ok(added50 < 1)})  p95 ${fmt(added95)}`,
  )
  console.log(
    `  the same gateway through the guarded fetch (before): added p50 ${fmt(fetch50)}  p95 ${fmt(quantile(fetchPath, 0.95) - quantile(direct, 0.95))}`,
  )
  await before.close()
  await fetchOnly.close()

  // 2. 100 concurrent streams, through the gateway and directly.
  const streams = async (target: string, tok: string | null) => {
    // The client, the gateway and the upstream share this one thread: a gap between chunks is
    // the event loop being busy (or descheduled), which this histogram shows side by side.
    const loop = monitorEventLoopDelay({ resolution: 5 })
    loop.enable()
    const t0 = performance.now()
    const all = await Promise.all(Array.from({ length: 100 }, () => post(target, tok, streamBody)))
    loop.disable()
    const gaps = all.flatMap((times) => times.slice(1).map((t, i) => t - times[i]!))
    return {
      total: performance.now() - t0,
      maxGap: Math.max(...gaps),
      p99Gap: quantile(
        [...gaps].sort((a, b) => a - b),
        0.99,
      ),
      loopMax: loop.max / 1e6,
      chunks: all.map((t) => t.length),
    }
  }
  const d = await streams(`${upUrl}/chat/completions`, null)
  const g = await streams(`${url}/v1/chat/completions`, token)
  const stallMs = 250
  console.log(`100 concurrent streams of ${CHUNKS} chunks ${CHUNK_GAP_MS} ms apart:`)
  for (const [label, r] of [
    ['direct ', d],
    ['gateway', g],
  ] as const)
    console.log(
      `  ${label}  all done in ${fmt(r.total)}, gap between chunks p99 ${fmt(r.p99Gap)} max ${fmt(r.maxGap)}; event loop blocked at most ${fmt(r.loopMax)}`,
    )
  console.log(
    `  no stall (longest gap < ${stallMs} ms): ${ok(g.maxGap < stallMs)}; total ${(g.total / d.total).toFixed(2)}× direct`,
  )

  // 3. Memory after 1,000 and after 10,000 requests (after a full GC each time).
  const collect = gc()
  const run = async (count: number) => {
    for (let i = 0; i < count; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, () => post(`${url}/v1/chat/completions`, token, body)),
      )
  }
  const measure = () => {
    collect()
    collect()
    return process.memoryUsage()
  }
  await run(1_000)
  await app.gateway.flush()
  const m1 = measure()
  await run(9_000)
  await app.gateway.flush()
  const m10 = measure()
  const heapRatio = m10.heapUsed / m1.heapUsed
  console.log('memory (this process runs the gateway and the client):')
  console.log(`  after  1,000 requests  heapUsed ${mb(m1.heapUsed)}  RSS ${mb(m1.rss)}`)
  console.log(`  after 10,000 requests  heapUsed ${mb(m10.heapUsed)}  RSS ${mb(m10.rss)}`)
  console.log(
    `  heapUsed ${heapRatio.toFixed(2)}× (target ≤ 1.25×: ${ok(heapRatio <= 1.25)}), RSS ${(m10.rss / m1.rss).toFixed(2)}×`,
  )
  const usage = (await app.gateway.usage())[0]!
  console.log(`  usage counted: ${usage.requests} requests, ${usage.inputTokens} input tokens`)

  console.log(loadAverage())
  await app.gateway.stop()
  agent.destroy()
  up.close()
  up.closeAllConnections()
  fs.rmSync(home, { recursive: true, force: true })
}

void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
