/**
 * The app and the CLI write the same store at once (DESIGN §3): two real processes race, and a
 * writer killed with SIGKILL mid-stream leaves a readable store holding every acknowledged write.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../support/child-script'
import { setup, tmpHome } from '../vault/helpers'

const PASS = 'multi process passphrase'
let script = ''

beforeAll(async () => {
  script = await bundleChild(path.join(__dirname, 'writer-child.ts'))
})

interface Writer {
  child: ChildProcess
  acks: string[]
  done: Promise<number | null>
}

function startWriter(home: string, prefix: string, count: number): Writer {
  const child = spawn(process.execPath, [script, home, prefix, String(count)], {
    env: { ...process.env, SWITCHBOARD_ENCRYPTION_KEY: PASS },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const acks: string[] = []
  let buf = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buf += chunk.toString()
    let nl: number
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl)
      buf = buf.slice(nl + 1)
      if (line.startsWith('ack ')) acks.push(line.split(' ')[1]!)
    }
  })
  let err = ''
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code) console.error(err)
      resolve(code)
    }),
  )
  return { child, acks, done }
}

const waitFor = async (pred: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('two processes writing one store', () => {
  it('keeps all 100 credentials when two processes add 50 each at the same time', async () => {
    const home = tmpHome()
    const a = startWriter(home, 'a', 50)
    const b = startWriter(home, 'b', 50)
    expect(await Promise.all([a.done, b.done])).toEqual([0, 0])
    const { credentials } = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: PASS } })
    const list = await credentials.list()
    expect(list).toHaveLength(100)
    expect(new Set(list.map((c) => c.id))).toEqual(new Set([...a.acks, ...b.acks]))
    expect(list.every((c) => c.status === 'ok')).toBe(true)
    // Exactly one primary for the provider, though both processes raced to create the first.
    expect(list.filter((c) => c.isPrimary)).toHaveLength(1)
    const one = list.find((c) => c.name === 'b-49')!
    expect((await credentials.getDecrypted(one.id)).apiKey).toBe('sk-b-000049-secretsecret')
  }, 60_000)

  it('lets 16 processes adding 5 each all through: 80 credentials, no add refused', async () => {
    // Issue 17: one run in three used to end with an add giving up on the busy lock.
    const home = tmpHome()
    const writers = Array.from({ length: 16 }, (_, i) => startWriter(home, `w${i}`, 5))
    expect(await Promise.all(writers.map((w) => w.done))).toEqual(Array(16).fill(0))
    const { credentials } = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: PASS } })
    const list = await credentials.list()
    expect(list).toHaveLength(80)
    expect(new Set(list.map((c) => c.id))).toEqual(new Set(writers.flatMap((w) => w.acks)))
    expect(list.every((c) => c.status === 'ok')).toBe(true)
    expect(list.filter((c) => c.isPrimary)).toHaveLength(1)
  }, 120_000)

  it('survives kill -9 mid-stream: the store parses and holds every acknowledged write', async () => {
    const home = tmpHome()
    for (const [round, after] of [7, 23, 41].entries()) {
      const w = startWriter(home, `k${round}`, 100_000)
      await waitFor(() => w.acks.length >= after)
      w.child.kill('SIGKILL')
      await w.done
      const acked = [...w.acks]
      const { credentials, store } = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: PASS } })
      const ids = new Set((await store.read()).credentials.map((c) => c.id))
      for (const id of acked) expect(ids.has(id)).toBe(true)
      // The killed writer's lock does not block the next writer.
      await credentials.create({
        provider: 'groq',
        name: `after-${round}`,
        apiKey: 'gsk_after_123456789',
      })
    }
    const names = fs.readdirSync(home)
    expect(names.filter((n) => n.includes('.corrupt-'))).toEqual([])
  }, 60_000)
})
