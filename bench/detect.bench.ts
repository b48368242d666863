// Detection sweep over 9 targets — 2 alive fakes (Ollama, LM Studio), 6 closed ports, 1 port that
// accepts connections and never answers — with the default 500 ms probe timeout. The sweep must be
// bounded by the slowest probe, not the sum: target worst of 5 ≤ 1.05 × the probe timeout.
// Then what the network guard costs detection (issue 11: probes go through the guarded fetch):
// identifying and listing the two live fakes, guarded vs plain fetch, side by side.
import { detectLocalServers, type ProbeTarget } from '../src-main/local/detect'
import { createGuardedFetch } from '../src-main/net/guarded-fetch'
import type { GuardedFetch } from '../src-main/providers/adapter-types'
import { startFakeOllama } from '../tests/fixtures/ollama-server'
import { startFakeLmStudio } from '../tests/fixtures/lmstudio-server'
import { closedPort, startSilentServer } from '../tests/fixtures/local-servers'
import { loadAverage } from './lib'

const TIMEOUT_MS = 500
const RUNS = 5
const TARGET = 1.05

async function main() {
  const ollama = await startFakeOllama()
  const lmstudio = await startFakeLmStudio()
  const silent = await startSilentServer()
  const closed = await Promise.all(Array.from({ length: 6 }, () => closedPort()))
  const targets: ProbeTarget[] = [ollama.url, lmstudio.url, ...closed, silent.url].map(
    (baseUrl) => ({
      baseUrl,
      source: 'default',
    }),
  )
  const guarded = createGuardedFetch({ env: {} })
  try {
    // Guarded vs plain over the live fakes only (no silent port holding the sweep open).
    const live = targets.slice(0, 2)
    const sweep = async (f: GuardedFetch) => {
      const t0 = performance.now()
      const r = await detectLocalServers({ fetch: f, env: {}, targets: live, timeoutMs: 5000 })
      if (r.servers.length !== 2) throw new Error('a live fake was missed')
      return performance.now() - t0
    }
    const plainMs: number[] = []
    const guardedMs: number[] = []
    for (let i = 0; i < 25; i++) {
      plainMs.push(await sweep(fetch))
      guardedMs.push(await sweep(guarded))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    console.log(
      `detect live servers: plain fetch ${median(plainMs).toFixed(1)} ms, guarded fetch ${median(guardedMs).toFixed(1)} ms (median of 25), ratio guarded/plain ${(median(guardedMs) / median(plainMs)).toFixed(2)}x`,
    )

    const elapsed: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now()
      const r = await detectLocalServers({
        fetch: guarded,
        env: {},
        targets,
        includeOllamaHost: false,
        timeoutMs: TIMEOUT_MS,
      })
      const ms = performance.now() - t0
      elapsed.push(ms)
      const kinds = r.servers.map((s) => s.kind).join(',')
      console.log(
        `detect sweep ${i + 1}: ${targets.length} targets, found [${kinds}], ${ms.toFixed(1)} ms, ratio to probe timeout ${(ms / TIMEOUT_MS).toFixed(3)}x`,
      )
      if (r.servers.length !== 2)
        throw new Error(`expected 2 live servers, found ${r.servers.length}`)
    }
    const worst = Math.max(...elapsed)
    const sum = TIMEOUT_MS * targets.length
    console.log(
      `detect worst: ${worst.toFixed(1)} ms = ${(worst / TIMEOUT_MS).toFixed(3)}x the ${TIMEOUT_MS} ms probe timeout (target <= ${TARGET}x; a serial sweep could take up to ${sum} ms)`,
    )
    console.log(`detect verdict: ${worst / TIMEOUT_MS <= TARGET ? 'OK' : 'missed'}`)
    console.log(loadAverage())
  } finally {
    await guarded.close()
    await Promise.all([ollama.close(), lmstudio.close(), silent.close()])
  }
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
