// Thread time per keystroke from a Chromium trace of the discovery bench (BENCH_TRACE): the
// renderer main thread's CPU time for the task that handles the keydown (Blink's editing, the
// input event, React's render and commit, any layout they force) and for the next frame task
// (style, layout, pre-paint, paint, layerize, commit). CPU time, not wall time, so the machine's
// load moves it far less than the keystroke → painted percentiles. Also the renderer's other
// threads (compositor, raster workers; raster tasks apart) and the GPU process's compositor
// thread from one keydown to the next, all split by whether the keystroke changed the rows in
// view (the bench's samples say which).
import fs from 'node:fs'
import { quantile } from './lib'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { type?: string; nodeName?: string } }
}

/** One keystroke's thread time (ms): the renderer's main thread, its other threads, the raster
 *  tasks among those, and the GPU process's compositor thread. */
interface KeystrokeTime {
  main: number
  other: number
  raster: number
  gpu: number
}

const PHASES = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']

/** Per-keystroke thread time (ms) of the key task and the frame after it, and their phases. */
export function keystrokeThreadTime(file: string): {
  keystrokes: number
  total: number[]
  phases: Record<string, number>
  /** Per keydown, in the order typed (null when the trace has no task for it, so the list stays
   *  aligned with the keystrokes typed). */
  inOrder: (KeystrokeTime | null)[]
} {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as
    TraceEvent[] | { traceEvents: TraceEvent[] }
  const events = Array.isArray(raw) ? raw : raw.traceEvents
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) throw new Error(`${file}: no renderer main thread`)
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts)
  const tasks = own.filter((e) => e.name === 'ThreadControllerImpl::RunTask')
  const within = (x: TraceEvent, task: TraceEvent) =>
    x.ts >= task.ts && x.ts + (x.dur ?? 0) <= task.ts + (task.dur ?? 0)
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000
  const phases: Record<string, number> = { 'input event': 0, UpdateLayoutTree: 0, Layout: 0 }
  const total: number[] = []
  const commits = own.filter((e) => e.name === 'Commit')
  const keydowns = own.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')
  const others = events
    .filter((e) => e.pid === main.pid && e.tid !== main.tid && e.ph === 'X')
    // A parent before the children that start with it: only top-level events are counted.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  // The GPU process's compositor thread: with software compositing (no GPU, as here) it draws
  // every damaged region of every frame, so what a keystroke repaints costs there too.
  const vizThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name?.startsWith('VizCompositorThread'))
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const viz = events
    .filter((e) => e.ph === 'X' && vizThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const inOrder: (KeystrokeTime | null)[] = []
  let firstOther = 0
  let firstViz = 0
  for (const [i, key] of keydowns.entries()) {
    const keyTask = tasks.find((t) => within(key, t))
    if (!keyTask) {
      inOrder.push(null)
      continue
    }
    const commit = commits.find((c) => c.ts > keyTask.ts + (keyTask.dur ?? 0))
    const frame = commit && tasks.find((t) => within(commit, t))
    let sum = 0
    for (const task of frame ? [keyTask, frame] : [keyTask]) {
      sum += cpu(task)
      for (const x of own) {
        if (x.ts < task.ts) continue
        if (x.ts > task.ts + (task.dur ?? 0)) break
        if (!within(x, task)) continue
        if (x.name === 'EventDispatch' && x.args?.data?.type === 'input') {
          phases['input event']! += cpu(x)
        }
        if (!PHASES.includes(x.name)) continue
        // Paint nests per layer; the document's paint covers the others.
        if (x.name === 'Paint' && x.args?.data?.nodeName !== '#document') continue
        phases[x.name] = (phases[x.name] ?? 0) + cpu(x)
      }
    }
    total.push(sum)
    // The other threads' top-level events until the next keydown (raster of this keystroke's
    // frame runs there, after the main thread is done with it).
    const until = keydowns[i + 1]?.ts ?? Infinity
    const busyUntil = new Map<number, number>()
    let other = 0
    let raster = 0
    while (firstOther < others.length && others[firstOther]!.ts < key.ts) firstOther++
    for (let j = firstOther; j < others.length; j++) {
      const x = others[j]!
      if (x.ts >= until) break
      if (x.name === 'RasterTask') raster += cpu(x)
      if ((busyUntil.get(x.tid) ?? 0) > x.ts) continue // nested in one already counted
      busyUntil.set(x.tid, x.ts + (x.dur ?? 0))
      other += cpu(x)
    }
    let gpu = 0
    let vizBusyUntil = 0
    while (firstViz < viz.length && viz[firstViz]!.ts < key.ts) firstViz++
    for (let j = firstViz; j < viz.length && viz[j]!.ts < until; j++) {
      const x = viz[j]!
      if (vizBusyUntil > x.ts) continue
      vizBusyUntil = x.ts + (x.dur ?? 0)
      gpu += cpu(x)
    }
    inOrder.push({ main: sum, other, raster, gpu })
  }
  const n = total.length || 1
  for (const k of Object.keys(phases)) phases[k] = phases[k]! / n
  return { keystrokes: total.length, total: total.sort((a, b) => a - b), phases, inOrder }
}

/**
 * One line: mean / p50 / p95 thread time per keystroke and the mean of each phase; with the
 * bench's per-keystroke "changed the rows in view" flags (the measured keystrokes, traced after
 * `skip` warm-up ones), the means of both kinds, main thread and the renderer's other threads.
 */
export function describeThreadTime(
  file: string,
  rowsChanged?: readonly boolean[],
  /** Keystrokes traced before the first measured one (the bench's warm-up). */
  skip = 0,
): string {
  const r = keystrokeThreadTime(file)
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1)
  const parts = Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(2)}`)
  const ms = (x: number) => `${x.toFixed(2)} ms`
  let split = ''
  if (rowsChanged?.length && skip + rowsChanged.length <= r.inOrder.length) {
    const measured = r.inOrder.slice(skip, skip + rowsChanged.length)
    const kind = (changed: boolean) => {
      const of = measured.filter((k, i) => k && rowsChanged[i] === changed) as KeystrokeTime[]
      const avg = (f: (k: KeystrokeTime) => number) => ms(mean(of.map(f)))
      return `${of.length} keystrokes, main ${avg((k) => k.main)}, other threads ${avg((k) => k.other)} (raster ${avg((k) => k.raster)}), GPU process compositor ${avg((k) => k.gpu)}`
    }
    split = `; mean per keystroke that changes the rows in view: ${kind(true)}; that leaves them: ${kind(false)}`
  }
  return `renderer main thread time per keystroke (key task + next frame, ${r.keystrokes} keystrokes): mean ${ms(mean(r.total))}, p50 ${ms(quantile(r.total, 0.5))}, p95 ${ms(quantile(r.total, 0.95))}; within it (mean ms): ${parts.join(', ')}${split}`
}
