/**
 * One contender for tests/integration/store/lock-queue.test.ts (bundled with esbuild at test
 * time): waits for "go" on stdin, then takes the lock `count` times. Before each try it appends
 * `<id>` to arrivals.log; holding the lock it appends `<id>` to grants.log and increments the
 * number in counter.txt by a read-modify-write (a lost increment would mean two holders).
 */
import fs from 'node:fs'
import path from 'node:path'
import { withLock } from '../../../src-main/store/lock'

async function main() {
  const [dir, id, countText] = process.argv.slice(2)
  if (!dir || !id || !countText) throw new Error('usage: lock-child <dir> <id> <count>')
  const lock = path.join(dir, 'x.lock')
  const counter = path.join(dir, 'counter.txt')
  process.stdout.write('ready\n')
  await new Promise((r) => process.stdin.once('data', r))
  const failures: string[] = []
  for (let i = 0; i < Number(countText); i++) {
    const me = `${id}.${i}`
    fs.appendFileSync(path.join(dir, 'arrivals.log'), `${me}\n`)
    try {
      await withLock(lock, async () => {
        fs.appendFileSync(path.join(dir, 'grants.log'), `${me}\n`)
        const n = Number(fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8') : '0')
        await new Promise((r) => setImmediate(r))
        fs.writeFileSync(counter, String(n + 1))
      })
    } catch (err) {
      failures.push(String((err as { code?: string }).code ?? err))
    }
  }
  process.stdout.write(`${JSON.stringify({ failures })}\n`)
  process.stdin.destroy()
}

main().catch((err) => {
  process.stderr.write(`lock child failed: ${(err as Error).message}\n`)
  process.exit(1)
})
