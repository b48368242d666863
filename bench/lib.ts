/** Small timing helpers shared by the benchmarks. */
import os from 'node:os'
import { performance } from 'node:perf_hooks'

/** Runs fn n times after a warm-up and returns the sorted durations in ms. */
export async function sample(
  n: number,
  fn: () => unknown | Promise<unknown>,
  warmup = 5,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out.sort((a, b) => a - b)
}

/** The q-quantile (0..1) of sorted samples. */
export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN

/** Interleaves two measurements (a, b, a, b, …) so machine noise hits both alike. */
export async function sideBySide(
  n: number,
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>,
): Promise<{ a: number[]; b: number[] }> {
  const ra: number[] = []
  const rb: number[] = []
  for (let i = 0; i < 3; i++) {
    await a()
    await b()
  }
  for (let i = 0; i < n; i++) {
    let t0 = performance.now()
    await a()
    ra.push(performance.now() - t0)
    t0 = performance.now()
    await b()
    rb.push(performance.now() - t0)
  }
  return { a: ra.sort((x, y) => x - y), b: rb.sort((x, y) => x - y) }
}

export const fmt = (ms: number) => `${ms < 1 ? ms.toFixed(3) : ms.toFixed(1)} ms`
export const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}×`

/** The machine's load average (1, 5, 15 min): printed beside every figure on a shared machine. */
export const loadAverage = () =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`
