// `test --all` over 20 credentials whose servers each answer in 300 ms, against a single test,
// measured side by side in one run (target ≤ 1.1×): the bound is per host, so twenty servers
// are tested at once.
//
// Two cases (issue 17). "Same keys": every round tests the keys of the round before, so V8 finds
// each key's scrubber regex already compiled in its cache. "New keys": every round first gives
// each credential a new 164-character key (an OpenAI project key's length), as the CLI's
// `test --all` meets them in a fresh process: each scrubber is compiled from scratch.
//
// TEST_ALL_BASELINE=<another checkout>: the same rounds with that checkout's app context (bundled
// from its sources), interleaved with ours, so before and after share the machine's load.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createAppContext } from '../src-main/app-context'
import { bundleForNode } from './bundle'
import { fmt, loadAverage, quantile, ratio } from './lib'

const SERVERS = 20
const DELAY_MS = 300
const ROUNDS = 5
const TARGET = 1.1
const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'

type CreateAppContext = typeof createAppContext

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

const newKey = () =>
  `sk-proj-${Array.from({ length: 156 }, () => KEY_CHARS[Math.floor(Math.random() * 64)]).join('')}`

/** Bundles another checkout's app context, so its code runs in this process beside ours. */
async function loadBaseline(from: string): Promise<CreateAppContext> {
  const outfile = await bundleForNode(
    path.join(from, 'src-main', 'app-context.ts'),
    'test-all-baseline',
  )
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle built just now
  return (require(outfile) as { createAppContext: CreateAppContext }).createAppContext
}

interface Subject {
  label: string
  app: ReturnType<CreateAppContext>
  home: string
  ids: string[]
  single: number[]
  all: number[]
}

async function subject(
  label: string,
  tag: string,
  create: CreateAppContext,
  servers: http.Server[],
): Promise<Subject> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-tests-'))
  const app = create({
    home,
    env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'bench' },
  })
  const ids: string[] = []
  for (const [i, s] of servers.entries()) {
    const port = (s.address() as AddressInfo).port
    const c = await app.credentials.create({
      provider: 'openai_compatible',
      name: `bench ${i}`,
      baseUrl: `http://127.0.0.1:${port}/v1`,
      // Each subject its own keys: V8's regex cache must not carry one's work over to the other.
      apiKey: `bench-key-${tag}${i}-0000000000`,
    })
    ids.push(c.id)
  }
  return { label, app, home, ids, single: [], all: [] }
}

async function round(s: Subject, n: number, freshKeys: boolean): Promise<void> {
  if (freshKeys) for (const id of s.ids) await s.app.credentials.update(id, { apiKey: newKey() })
  let t0 = performance.now()
  const one = await s.app.tests.testOne(s.ids[n % s.ids.length]!)
  s.single.push(performance.now() - t0)
  if (!one.ok) throw new Error(`single test failed: ${one.code} ${one.message}`)
  t0 = performance.now()
  const run = await s.app.tests.testAll()
  s.all.push(performance.now() - t0)
  if (run.results.length !== SERVERS || run.results.some((r) => !r.ok))
    throw new Error('test --all had failures')
}

function report(s: Subject, withTarget: boolean): void {
  const single = quantile(
    [...s.single].sort((a, b) => a - b),
    0.5,
  )
  const all = quantile(
    [...s.all].sort((a, b) => a - b),
    0.5,
  )
  const verdict = withTarget
    ? ` (target ≤ ${TARGET}×) ${all / single <= TARGET ? 'OK' : 'missed'}`
    : ''
  console.log(`${s.label}`)
  console.log(`  single test (server answers in ${DELAY_MS} ms): median ${fmt(single)}`)
  console.log(`  test --all over ${SERVERS} credentials:          median ${fmt(all)}`)
  console.log(`  ratio ${ratio(all, single)}${verdict}`)
}

async function main() {
  const baseRoot = process.env.TEST_ALL_BASELINE
  const base = baseRoot ? await loadBaseline(baseRoot) : null
  const servers = await Promise.all(Array.from({ length: SERVERS }, slowServer))
  for (const freshKeys of [false, true]) {
    const keys = freshKeys ? 'new keys each round' : 'same keys each round'
    const ours = await subject(keys, 'a', createAppContext, servers)
    const before = base ? await subject(`before (${baseRoot}), ${keys}`, 'b', base, servers) : null
    for (let n = 0; n < ROUNDS; n++) {
      // Alternate who goes first, so machine noise hits both alike.
      const order = before && n % 2 ? [before, ours] : [ours, ...(before ? [before] : [])]
      for (const s of order) await round(s, n, freshKeys)
    }
    if (before) report(before, false)
    report(ours, true)
    for (const s of [ours, ...(before ? [before] : [])])
      fs.rmSync(s.home, { recursive: true, force: true })
  }
  console.log(loadAverage())
  await Promise.all(servers.map((sv) => new Promise((r) => sv.close(r))))
}
void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
