/**
 * The store lock is fair (issue 17): waiters take it in the order they came (a ticket queue in
 * front of the lock file), 16 processes taking it 5 times each all get through without a lost
 * update and without anyone being overtaken by more than a few later arrivals, a long hold of a
 * live holder is never broken as stale, and tickets left by dead or stuck processes (or odd
 * things at the queue's path) never block anyone. Nothing here asserts a time: orders and counts.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../support/child-script'
import { withLock } from '../../../src-main/store/lock'
import { queueDirOf } from '../../../src-main/store/lock-queue'
import { tmpHome } from '../vault/helpers'

let script = ''

beforeAll(async () => {
  script = await bundleChild(path.join(__dirname, 'lock-child.ts'))
})

/** A pid that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'])
  await new Promise((r) => child.on('exit', r))
  return child.pid!
}

const tickets = (queue: string) =>
  fs.existsSync(queue) ? fs.readdirSync(queue).filter((n) => /^\d+$/.test(n)).length : 0

/** Polls a condition (a state, not a time: the bound only turns a hang into a failure). */
async function until(pred: () => boolean, what: string) {
  for (let i = 0; i < 5000; i++) {
    if (pred()) return
    await new Promise((r) => setTimeout(r, 2))
  }
  throw new Error(`never happened: ${what}`)
}

/** For each grant, how many who arrived later were granted before it; the largest count. */
function worstOvertake(arrivals: string[], grants: string[]): number {
  const arrivedAt = new Map(arrivals.map((id, i) => [id, i]))
  let worst = 0
  grants.forEach((id, g) => {
    const mine = arrivedAt.get(id)!
    const overtakers = grants.slice(0, g).filter((other) => arrivedAt.get(other)! > mine).length
    worst = Math.max(worst, overtakers)
  })
  return worst
}

describe('store lock: first come, first served', () => {
  it('grants the lock in the order the waiters came, and leaves no queue behind', async () => {
    const lock = path.join(tmpHome(), 'x.lock')
    const queue = queueDirOf(lock)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const order: number[] = []
    const first = withLock(lock, async () => {
      await gate
      order.push(0)
    })
    await until(() => fs.existsSync(lock), 'the first holder has the lock')
    const waiters: Promise<void>[] = []
    for (let i = 1; i <= 12; i++) {
      waiters.push(withLock(lock, async () => void order.push(i)))
      // The next one comes only once this one is queued: arrival order is known.
      await until(() => tickets(queue) === i + 1, `waiter ${i} is queued`)
    }
    release()
    await Promise.all([first, ...waiters])
    expect(order).toEqual(Array.from({ length: 13 }, (_, i) => i))
    expect(fs.existsSync(queue)).toBe(false)
    expect(fs.existsSync(lock)).toBe(false)
  })

  it('lets 16 processes taking the lock 5 times each all through, in arrival order', async () => {
    const dir = tmpHome()
    const children = Array.from({ length: 16 }, (_, i) =>
      spawn(process.execPath, [script, dir, `p${i}`, '5'], { stdio: ['pipe', 'pipe', 'inherit'] }),
    )
    const outputs = children.map((child) => {
      let text = ''
      const ready = new Promise<void>((resolve) =>
        child.stdout!.on('data', (d: Buffer) => {
          text += d.toString()
          if (text.includes('ready\n')) resolve()
        }),
      )
      const done = new Promise<{ failures: string[] }>((resolve, reject) =>
        child.on('exit', (code) =>
          code === 0
            ? resolve(JSON.parse(text.trim().split('\n').pop()!))
            : reject(new Error(`child exited ${code}`)),
        ),
      )
      return { ready, done }
    })
    await Promise.all(outputs.map((o) => o.ready))
    for (const c of children) c.stdin!.write('go\n')
    const reports = await Promise.all(outputs.map((o) => o.done))
    expect(reports.flatMap((r) => r.failures)).toEqual([])
    const lines = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8').trim().split('\n')
    const grants = lines('grants.log')
    expect(grants).toHaveLength(80)
    // Never two holders at once: no increment was lost.
    expect(fs.readFileSync(path.join(dir, 'counter.txt'), 'utf8')).toBe('80')
    // Nobody starves: no one is overtaken by more than one turn of each of the 15 others (only a
    // process preempted between noting its arrival and taking its ticket is overtaken at all;
    // 2–9 on a loaded machine). Polling with backoff let 50–62 later arrivals go first.
    expect(worstOvertake(lines('arrivals.log'), grants)).toBeLessThanOrEqual(15)
    expect(fs.existsSync(queueDirOf(path.join(dir, 'x.lock')))).toBe(false)
  }, 120_000)

  it('never breaks the lock of a live holder that keeps holding past staleMs', async () => {
    const lock = path.join(tmpHome(), 'x.lock')
    const order: string[] = []
    const opts = { staleMs: 100 }
    const long = withLock(
      lock,
      async () => {
        order.push('long starts')
        // Many stale periods: before the heartbeat, the waiter broke this lock and ran inside it.
        await new Promise((r) => setTimeout(r, 800))
        order.push('long ends')
      },
      opts,
    )
    await until(() => order.length === 1, 'the long holder runs')
    await withLock(lock, async () => void order.push('next'), opts)
    await long
    expect(order).toEqual(['long starts', 'long ends', 'next'])
  })
})

describe('store lock queue: what others left behind', () => {
  it('removes tickets of dead processes and old garbage ahead of it', async () => {
    const lock = path.join(tmpHome(), 'x.lock')
    const queue = queueDirOf(lock)
    fs.mkdirSync(queue)
    fs.writeFileSync(path.join(queue, '1'), JSON.stringify({ pid: await deadPid(), time: 1 }))
    fs.writeFileSync(path.join(queue, '2'), 'not a ticket')
    fs.utimesSync(path.join(queue, '2'), new Date(2000, 0, 1), new Date(2000, 0, 1))
    expect(await withLock(lock, async () => 'ran')).toBe('ran')
    expect(fs.existsSync(queue)).toBe(false)
  })

  it('passes over a live ticket that stopped beating, and leaves it alone', async () => {
    const lock = path.join(tmpHome(), 'x.lock')
    const queue = queueDirOf(lock)
    fs.mkdirSync(queue)
    // A live pid whose ticket was last touched long ago (a stopped process).
    const stuck = JSON.stringify({ pid: process.ppid, time: Date.now() - 60_000, beat: true })
    fs.writeFileSync(path.join(queue, '1'), stuck)
    fs.utimesSync(path.join(queue, '1'), new Date(2000, 0, 1), new Date(2000, 0, 1))
    expect(await withLock(lock, async () => 'ran', { staleMs: 300 })).toBe('ran')
    expect(fs.readFileSync(path.join(queue, '1'), 'utf8')).toBe(stuck)
  })

  it('ends in store_locked by its deadline behind a live, beating ticket', async () => {
    const lock = path.join(tmpHome(), 'x.lock')
    const queue = queueDirOf(lock)
    fs.mkdirSync(queue)
    fs.writeFileSync(
      path.join(queue, '1'),
      JSON.stringify({ pid: process.ppid, time: Date.now(), beat: true }),
    )
    const err = await withLock(lock, async () => 'ran', { timeoutMs: 400 }).catch((e) => e)
    expect(err).toMatchObject({ code: 'store_locked', params: { file: lock } })
  })

  for (const [label, make] of [
    ['a file', (q: string) => fs.writeFileSync(q, 'mine')],
    ['a symlink to a folder', (q: string) => fs.symlinkSync(fs.mkdtempSync(`${q}-target`), q)],
  ] as const) {
    it(`still locks with ${label} at the queue's path, which it leaves alone`, async () => {
      const lock = path.join(tmpHome(), 'x.lock')
      const queue = queueDirOf(lock)
      make(queue)
      const before = fs.lstatSync(queue)
      expect(await withLock(lock, async () => 'ran')).toBe('ran')
      const after = fs.lstatSync(queue)
      expect([after.ino, after.mode]).toEqual([before.ino, before.mode])
      if (after.isSymbolicLink()) expect(fs.readdirSync(fs.realpathSync(queue))).toEqual([])
      else expect(fs.readFileSync(queue, 'utf8')).toBe('mine')
    })
  }
})
