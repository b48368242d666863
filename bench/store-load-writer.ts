/**
 * One writer process of bench/store-load.bench.ts (bundled by the bench at run time): waits for
 * "go" on stdin, adds `count` credentials through the real credentials service, and prints one
 * JSON line: each add's latency, each add's wait (for the lock, or for the holder's answer), each hold, the time before and after
 * the lock, each hold's span and phases, and the codes of failed adds.
 */
import { performance } from 'node:perf_hooks'
import { getProvider } from '../src-main/providers/catalog'
import { createCredentialsService } from '../src-main/services/credentials'
import { createFileStore, type TurnPhases } from '../src-main/store/file-store'
import { createDefaultVault } from '../src-main/vault/vault'

async function main() {
  const [home, prefix, countText] = process.argv.slice(2)
  if (!home || !prefix || !countText) throw new Error('usage: writer <home> <prefix> <count>')
  const env = { SWITCHBOARD_ENCRYPTION_KEY: process.env.SWITCHBOARD_ENCRYPTION_KEY }
  const waits: number[] = []
  const holds: number[] = []
  // Per add: the time before it asked for the lock (reading, sealing) and after it let go.
  const before: number[] = []
  const after: number[] = []
  // Each hold as [acquired, released] on the shared wall clock (ms), for the hand-off between
  // processes, and where its time under the lock went.
  const spans: [number, number][] = []
  const phases: TurnPhases[] = []
  // After a batch: the folder's fsync and the answers, while the next in line waits.
  const leaves: number[] = []
  // Each wait as [asked, got through] on the shared wall clock: how many turns went by meanwhile;
  // a third element 1 marks a wait that ended with an answer from a holder (group commit).
  const waitSpans: ([number, number] | [number, number, 1])[] = []
  const wall = () => performance.timeOrigin + performance.now()
  let addStart = 0
  let released = 0
  let acquiredAt = 0
  const store = createFileStore(home, {
    onAcquired: (ms: number) => {
      waits.push(ms)
      before.push(performance.now() - ms - addStart)
      acquiredAt = wall()
      waitSpans.push([acquiredAt - ms, acquiredAt])
    },
    onReleased: (ms: number) => {
      holds.push(ms)
      released = performance.now()
      spans.push([acquiredAt, wall()])
    },
    // Group commit: the holder made this add; its wait ended when it was answered.
    onAnswered: (ms: number) => {
      waits.push(ms)
      before.push(performance.now() - ms - addStart)
      released = performance.now()
      const answeredAt = wall()
      waitSpans.push([answeredAt - ms, answeredAt, 1])
    },
    onPhases: (p) => phases.push(p),
    onLeave: (ms) => leaves.push(ms),
  })
  const vault = createDefaultVault({ home, env, store, keytar: null })
  const credentials = createCredentialsService({ store, vault, getProvider })
  // Warm: derive the master key before "go" (scrypt, once per process), as the app does when it
  // unlocks; the round then measures the store and its lock, not 16 key derivations at once.
  if (process.env.STORE_LOAD_WARM === '1') await vault.opener(await store.read())
  process.stdout.write('ready\n')
  await new Promise((r) => process.stdin.once('data', r))
  const adds: number[] = []
  const failures: string[] = []
  for (let i = 0; i < Number(countText); i++) {
    const t0 = performance.now()
    addStart = t0
    try {
      await credentials.create({
        provider: 'openai',
        name: `${prefix}-${i}`,
        apiKey: `sk-${prefix}-${String(i).padStart(6, '0')}-loadloadload`,
      })
      adds.push(performance.now() - t0)
      after.push(performance.now() - released)
    } catch (err) {
      failures.push(String((err as { code?: string }).code ?? err))
    }
  }
  process.stdout.write(
    `${JSON.stringify({ adds, waits, holds, before, after, failures, spans, phases, leaves, waitSpans })}\n`,
  )
  process.stdin.destroy()
}

main().catch((err) => {
  process.stderr.write(`writer failed: ${(err as Error).message}\n`)
  process.exit(1)
})
