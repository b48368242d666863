/**
 * A lock holder that claims queued ops (bundled with esbuild at test time; group-commit-handover
 * tests): registers the test target op, takes the lock in an update, prints `holding`, waits
 * for a line on stdin, then writes. Right after it claimed the ops queued behind it (the
 * `afterClaim` seam) it prints `claimed`, then as `mode` says: `kill` kills itself (SIGKILL)
 * before writing; `block` blocks until the file `<home>/go` exists, then goes on (its content
 * `fail`: the write fails, `die`: it kills itself right after the write, before answering). The
 * test renames `go` into place whole, so the content read here is never a half-written one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createFileStore } from '../../../src-main/store/file-store'
import { targetApplier } from './group-commit-helpers'

/** Blocks this thread (as a stopped holder would) until `file` exists; its content. */
function blockUntil(file: string): string {
  const cell = new Int32Array(new SharedArrayBuffer(4))
  for (let i = 0; i < 6000 && !fs.existsSync(file); i++) Atomics.wait(cell, 0, 0, 10)
  return fs.readFileSync(file, 'utf8')
}

async function main() {
  const [home, mode] = process.argv.slice(2)
  if (!home || !mode) throw new Error('usage: claim-child <home> <kill|block>')
  let after = ''
  const store = createFileStore(home, {
    afterClaim: () => {
      fs.writeSync(1, 'claimed\n')
      if (mode === 'kill') process.kill(process.pid, 'SIGKILL')
      after = blockUntil(path.join(home, 'go'))
      if (after === 'fail') throw new Error('the write fails')
    },
    afterStoreWrite: () => {
      if (after === 'die') process.kill(process.pid, 'SIGKILL')
    },
  })
  store.register('test.target', targetApplier)
  await store
    .update(async (d) => {
      fs.writeSync(1, 'holding\n')
      await new Promise((r) => process.stdin.once('data', r))
      d.settings.theme = 'dark'
    })
    .catch((err: Error) => fs.writeSync(1, `failed ${err.message}\n`))
  process.exit(0)
}

main().catch((err) => {
  process.stderr.write(`claim-child failed: ${(err as Error).message}\n`)
  process.exit(1)
})
