// Cold start of the app's main process, measured with the boot smoke's stand-in `electron`
// (tests/fixtures/fake-electron.cjs, BOOT_BENCH mode): from the moment before the built main
// bundle starts loading until its first IPC call (app:info from the app's own origin) has been
// answered with the window loading — against a bare require of the same bundle (load and
// evaluate, nothing awaited). Both run as fresh Node processes, interleaved, over one seeded
// data folder. Target: cold start < 2× the bare require (medians).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppContext } from '../src-main/app-context'
import { fmt, loadAverage, quantile, ratio } from './lib'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()
const bundle = path.join(root, 'out/main/index.js')
const register = path.join(root, 'tests/fixtures/register-fake-electron.cjs')
const ROUNDS = 12
const TARGET = 2

interface ColdRun {
  start: number
  marks: Record<string, number>
  errors: string[]
}

async function main() {
  if (!fs.existsSync(bundle)) throw new Error('out/main/index.js is missing: run `npm run build`')
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-cold-'))
  const env = {
    PATH: process.env.PATH ?? '',
    SWITCHBOARD_HOME: home,
    SWITCHBOARD_ENCRYPTION_KEY: 'cold start bench',
    SWITCHBOARD_DETECT_DEFAULTS: '0',
    BOOT_APP_PATH: root,
  }
  // A data folder with something in it, as after a few days of use.
  const app = createAppContext({ home, env })
  for (let i = 0; i < 5; i++) {
    await app.credentials.create({
      provider: 'openai_compatible',
      name: `bench ${i}`,
      baseUrl: `http://127.0.0.1:${9 + i}/v1`,
      apiKey: `bench-key-${i}-0000000000`,
    })
  }

  const bareScript = `const t0 = performance.now(); require(${JSON.stringify(bundle)}); process.stdout.write(JSON.stringify({ t0, required: performance.now() })); process.exit(0)`
  const node = (args: string[], extra: Record<string, string> = {}) => {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, args, {
      env: { ...env, ...extra },
      encoding: 'utf8',
      timeout: 60_000,
    })
    const wall = performance.now() - t0
    if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr.slice(0, 500)}`)
    return { out: JSON.parse(r.stdout.trim().split('\n').at(-1)!) as unknown, wall }
  }

  const bare: number[] = []
  const cold: number[] = []
  const evaluated: number[] = []
  const bareWall: number[] = []
  const coldWall: number[] = []
  for (let i = 0; i < ROUNDS + 1; i++) {
    const b = node(['-r', register, '-e', bareScript])
    const c = node(['-r', register, bundle], { BOOT_BENCH: '1' })
    if (i === 0) continue // warm the file cache
    const bo = b.out as { t0: number; required: number }
    const co = c.out as ColdRun
    if (co.errors.length) throw new Error(`boot errors: ${co.errors.join('; ')}`)
    bare.push(bo.required - bo.t0)
    cold.push(co.marks.firstIpcAnswered! - co.start)
    evaluated.push(co.marks.bundleEvaluated! - co.start)
    bareWall.push(b.wall)
    coldWall.push(c.wall)
  }
  for (const xs of [bare, cold, evaluated, bareWall, coldWall]) xs.sort((a, b) => a - b)
  const med = (xs: number[]) => quantile(xs, 0.5)
  console.log(`bare require of out/main/index.js      median ${fmt(med(bare))}`)
  console.log(`cold start: bundle evaluated           median ${fmt(med(evaluated))}`)
  console.log(
    `cold start: first IPC answered         median ${fmt(med(cold))} (p90 ${fmt(quantile(cold, 0.9))})`,
  )
  console.log(
    `whole processes: bare ${fmt(med(bareWall))}, cold start ${fmt(med(coldWall))} (${ratio(med(coldWall), med(bareWall))})`,
  )
  const r = med(cold) / med(bare)
  console.log(
    `ratio ${ratio(med(cold), med(bare))} (target < ${TARGET}×) ${r < TARGET ? 'OK' : 'missed'}`,
  )
  console.log(loadAverage())
  fs.rmSync(home, { recursive: true, force: true })
}
void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
