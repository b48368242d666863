// `test --all` over 20 credentials whose servers each answer in 300 ms, against a single test,
// measured side by side in one run (target ≤ 1.1×): the bound is per host, so twenty servers
// are tested at once.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createAppContext } from '../src-main/app-context'
import { fmt, loadAverage, quantile, ratio } from './lib'

const SERVERS = 20
const DELAY_MS = 300
const TARGET = 1.1

function slowServer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    setTimeout(() => {
      res.setHeader('content-type', 'application/json')
      res.end(
        JSON.stringify({
          object: 'list',
          data: [{ id: 'bench-model', object: 'model', owned_by: 'bench' }],
        }),
      )
    }, DELAY_MS)
  })
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)))
}

async function main() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-tests-'))
  const app = createAppContext({
    home,
    env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'bench' },
  })
  const servers = await Promise.all(Array.from({ length: SERVERS }, slowServer))
  const ids: string[] = []
  for (const [i, s] of servers.entries()) {
    const port = (s.address() as AddressInfo).port
    const c = await app.credentials.create({
      provider: 'openai_compatible',
      name: `bench ${i}`,
      baseUrl: `http://127.0.0.1:${port}/v1`,
      apiKey: `bench-key-${i}-0000000000`,
    })
    ids.push(c.id)
  }
  const single: number[] = []
  const all: number[] = []
  for (let round = 0; round < 5; round++) {
    let t0 = performance.now()
    const one = await app.tests.testOne(ids[round % ids.length]!)
    single.push(performance.now() - t0)
    if (!one.ok) throw new Error(`single test failed: ${one.code} ${one.message}`)
    t0 = performance.now()
    const run = await app.tests.testAll()
    all.push(performance.now() - t0)
    if (run.results.length !== SERVERS || run.results.some((r) => !r.ok))
      throw new Error('test --all had failures')
  }
  single.sort((a, b) => a - b)
  all.sort((a, b) => a - b)
  const s = quantile(single, 0.5)
  const a = quantile(all, 0.5)
  console.log(`single test (server answers in ${DELAY_MS} ms): median ${fmt(s)}`)
  console.log(`test --all over ${SERVERS} credentials:          median ${fmt(a)}`)
  console.log(`ratio ${ratio(a, s)} (target ≤ ${TARGET}×) ${a / s <= TARGET ? 'OK' : 'missed'}`)
  console.log(loadAverage())
  await Promise.all(servers.map((sv) => new Promise((r) => sv.close(r))))
  fs.rmSync(home, { recursive: true, force: true })
}
void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
