// CLI start-up: `switchboard --help` against `node -e 0`, interleaved in one run (target ≤ 2×):
// a command's code (SDKs, undici, zod schemas) loads only when that command runs.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fmt, loadAverage, quantile, ratio, sideBySide } from './lib'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()
const cli = path.join(root, 'bin/switchboard.cjs')
const N = 20
const TARGET = 2

async function main() {
  const run = (args: string[]) => () => {
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' })
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`)
  }
  const { a: cliTimes, b: nodeTimes } = await sideBySide(N, run([cli, '--help']), run(['-e', '0']))
  const c = quantile(cliTimes, 0.5)
  const n = quantile(nodeTimes, 0.5)
  console.log(`switchboard --help  median ${fmt(c)}  (p90 ${fmt(quantile(cliTimes, 0.9))})`)
  console.log(`node -e 0           median ${fmt(n)}  (p90 ${fmt(quantile(nodeTimes, 0.9))})`)
  console.log(`ratio ${ratio(c, n)} (target ≤ ${TARGET}×) ${c / n <= TARGET ? 'OK' : 'missed'}`)
  console.log(loadAverage())
}
void main()
