/**
 * The store under load (issue 17): 16 processes adding 5 credentials each, all at once, through
 * the real credentials service, store and lock — against one process adding alone, measured in
 * the same run. Prints the p95 lock wait, the busiest case's p95 add against a single add, and
 * whether every add got through, each with its target and OK/missed.
 *
 * Targets: with a fair lock an add waits at most one turn of each of the 15 other writers, and a
 * turn (one read-modify-write) is shorter than a whole add, so the p95 lock wait stays under
 * 15 × and the p95 add under 16 × a single add. Failures: none (every writer gets through).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { build } from 'esbuild'
import { fmt, quantile } from './lib'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()
const PROCS = 16
const ADDS = 5
const RUNS = 3
const PASS = 'store load bench passphrase'

interface Report {
  adds: number[]
  waits: number[]
  holds: number[]
  failures: string[]
}

async function bundleWriter(): Promise<string> {
  const outfile = path.join(root, '.bench-out', 'store-load-writer.cjs')
  await build({
    entryPoints: [path.join(root, 'bench', 'store-load-writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['keytar', 'electron'],
    logLevel: 'error',
  })
  return outfile
}

/** `procs` writers adding `adds` each, released together; returns what they measured. */
async function round(script: string, procs: number, adds: number) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-load-'))
  const children = Array.from({ length: procs }, (_, i) =>
    spawn(process.execPath, [script, home, `p${i}`, String(adds)], {
      env: { ...process.env, SWITCHBOARD_ENCRYPTION_KEY: PASS },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  )
  const outputs = children.map((child) => {
    let text = ''
    const ready = new Promise<void>((resolve) =>
      child.stdout!.on('data', (d: Buffer) => {
        text += d.toString()
        if (text.includes('ready\n')) resolve()
      }),
    )
    const done = new Promise<Report>((resolve, reject) =>
      child.on('exit', (code) => {
        const last = text.trim().split('\n').pop() ?? ''
        if (code !== 0 || !last.startsWith('{')) reject(new Error(`writer exited ${code}`))
        else resolve(JSON.parse(last) as Report)
      }),
    )
    return { ready, done }
  })
  await Promise.all(outputs.map((o) => o.ready))
  const t0 = performance.now()
  for (const c of children) c.stdin!.write('go\n')
  const reports = await Promise.all(outputs.map((o) => o.done))
  const wallMs = performance.now() - t0
  const stored = JSON.parse(fs.readFileSync(path.join(home, 'switchboard.json'), 'utf8')) as {
    credentials: unknown[]
  }
  fs.rmSync(home, { recursive: true, force: true })
  return {
    adds: reports.flatMap((r) => r.adds),
    waits: reports.flatMap((r) => r.waits),
    holds: reports.flatMap((r) => r.holds ?? []),
    failures: reports.flatMap((r) => r.failures),
    stored: stored.credentials.length,
    wallMs,
  }
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const verdict = (ok: boolean) => (ok ? 'OK' : 'missed')

async function main() {
  const script = await bundleWriter()
  const single: number[] = []
  const busy: number[] = []
  const waits: number[] = []
  const holds: number[] = []
  const failures: string[] = []
  let stored = 0
  // Alternate the alone and the busy case so machine noise hits both.
  for (let run = 1; run <= RUNS; run++) {
    const alone = await round(script, 1, ADDS)
    single.push(...alone.adds)
    const r = await round(script, PROCS, ADDS)
    busy.push(...r.adds)
    waits.push(...r.waits)
    holds.push(...r.holds)
    failures.push(...r.failures)
    stored += r.stored
    console.log(
      `run ${run}: ${PROCS} processes × ${ADDS} adds in ${fmt(r.wallMs)}, ${r.stored} stored, ` +
        `${r.failures.length} failed${r.failures.length ? ` (${[...new Set(r.failures)].join(', ')})` : ''}`,
    )
  }
  const one = quantile(sorted(single), 0.5)
  const addP95 = quantile(sorted(busy), 0.95)
  const waitP95 = waits.length ? quantile(sorted(waits), 0.95) : NaN
  const total = PROCS * ADDS * RUNS
  console.log(`single add (1 process alone)   median ${fmt(one)}`)
  if (holds.length) {
    const h = sorted(holds)
    console.log(
      `lock hold (${PROCS} writers)         median ${fmt(quantile(h, 0.5))}, p95 ${fmt(quantile(h, 0.95))}`,
    )
  }
  console.log(
    `lock wait p95 (${PROCS} writers)     ${Number.isNaN(waitP95) ? 'not measured' : fmt(waitP95)} ` +
      `= ${(waitP95 / one).toFixed(2)}× a single add (target ≤ 15×) ${verdict(waitP95 / one <= 15)}`,
  )
  console.log(
    `busiest add p95 (${PROCS} writers)   ${fmt(addP95)} = ${(addP95 / one).toFixed(2)}× a single add ` +
      `(target ≤ 16×) ${verdict(addP95 / one <= 16)}`,
  )
  console.log(
    `adds that got through          ${total - failures.length}/${total}, ${stored} stored ` +
      `(target: all) ${verdict(!failures.length && stored === total)}`,
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
