// Discovery list at 10,000 models, in Chromium through the e2e harness pieces (the production
// renderer, the real handlers, a fake OpenAI-shaped server listing 10,000 models): filter
// keystroke → painted result. Each keystroke is timed in the page from the keydown event's
// timestamp until the frame carrying the updated list has been produced (rAF, then a posted
// message). Printed beside the same keystrokes on a 100-model listing, for the ratio, and on a
// bare page of ten text rows (measureFloor): the machine's floor, below which no target can be
// met here. Three modes: unthrottled frames (the target's), the same beside a process that
// keeps a core busy, and 60 Hz vsync. Each also prints the browser's CPU per keystroke by
// process (browser-cpu.ts), which the machine's load hardly moves, and the painted times split
// by whether the keystroke changed the rows in view (where the tail is).
// DISCOVERY_MODES=1,2 runs only those modes; DISCOVERY_ROUNDS=n types the words n times;
// BENCH_TRACE=<file> traces the first mode's keystrokes, the app's and the bare page's;
// DISCOVERY_BASELINE=<checkout> runs that checkout's renderer beside ours, DISCOVERY_PAIRS=n
// n times in alternating order, with the medians of the after/before ratios.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { createAppContext } from '../src-main/app-context'
import { HARNESS_ORIGIN } from '../tests/e2e/harness/serve-renderer'
import { harnessDispatch, launchChromium, wirePage } from '../tests/e2e/harness/standalone'
import { startOpenAiServer } from '../tests/fixtures/openai-server'
import { fmt, loadAverage, quantile, ratio } from './lib'
import { browserCpu, cpuSpent, describeCpu, type CpuByType } from './browser-cpu'
import { describeThreadTime } from './trace-keystrokes'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()
const KEY = 'sk-fake-bench-discovery-0123456789'
const FAMILIES = [
  'gpt-4o',
  'llama-3.1',
  'qwen2.5-coder',
  'mistral-large',
  'text-embedding',
  'whisper',
  'tts-hd',
  'gemma-2',
  'phi-3',
  'deepseek-r1',
  'vision-pro',
  'command-r',
]
const SIZES = ['1b', '3b', '8b', '14b', '32b', '70b', '405b']
// Typed one character at a time, then erased with Backspace: every press is one sample.
const TARGET_P95_MS = 12
const FAST = ['--disable-frame-rate-limit', '--disable-gpu-vsync']
const WORDS = ['embed', 'llama-3', 'qwen2.5-coder', 'vision', '70b-instruct']
// Typed and erased before the measured keystrokes, not counted (a trace's first keystrokes).
const WARM_UP = 'gpt'
// The words are typed this many times: 86 samples a round, so a p95 rests on 13 samples, not 4.
const ROUNDS = Number(process.env.DISCOVERY_ROUNDS ?? 3)

/** `n` model ids spread over families, sizes and variants, so filters narrow step by step. */
function modelIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const family = FAMILIES[i % FAMILIES.length]
    const size = SIZES[Math.floor(i / FAMILIES.length) % SIZES.length]
    const variant = ['instruct', 'chat', 'base', 'preview'][Math.floor(i / 84) % 4]
    return `${family}-${size}-${variant}-${String(i).padStart(5, '0')}`
  })
}

/** One keystroke: painted and DOM-updated times (ms), rows in the DOM, and whether the rows'
 *  text changed (a keystroke that changes which models are in view does more work). */
type Sample = { paint: number; update: number; rows: number; changed: boolean }
type RecorderWindow = Window & {
  __samples?: Sample[]
  __wake?: () => void
}

/**
 * Installs the in-page keystroke timer once per page: every keydown from then on records one
 * sample. (Arming a timer with its own evaluate before each key, as before, ran one more
 * script on the page's main thread per keystroke, harness work the keystroke was charged for.)
 */
async function installKeystrokeTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as RecorderWindow
    if (w.__samples) return
    const samples: Sample[] = (w.__samples = [])
    const rowsText = () =>
      Array.from(document.querySelectorAll('.discovery-row'), (r) => r.textContent).join('\n')
    let shown = rowsText()
    // A key that types nothing (Escape) leaves its input listener armed: the next key drops it.
    let armed: (() => void) | null = null
    document.addEventListener(
      'keydown',
      (e) => {
        // The keystroke starts at keydown (the input event follows it).
        const t0 = e.timeStamp
        const dialog = document.querySelector('dialog[open]')!
        let started = false
        const finish = () => {
          if (started) return
          started = true
          observer.disconnect()
          const update = performance.now() - t0
          // The frame that carries the update starts with this rAF; a message posted from it is
          // delivered once that frame has been produced (the "rAF + post task" next-paint probe).
          requestAnimationFrame(() => {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => {
              const paint = performance.now() - t0
              // Read after the clock: the harness's own DOM reads are not charged to the keystroke.
              const now = rowsText()
              samples.push({
                paint,
                update,
                rows: document.querySelectorAll('.discovery-row').length,
                changed: now !== shown,
              })
              shown = now
              const wake = w.__wake
              w.__wake = undefined
              wake?.()
            }
            channel.port2.postMessage(null)
          })
        }
        const observer = new MutationObserver(finish)
        const onInput = () => {
          armed = null
          observer.observe(dialog, {
            childList: true,
            subtree: true,
            characterData: true,
            attributes: true,
          })
          // No DOM change at all (the same rows match): the update is done after this task.
          setTimeout(finish, 0)
        }
        if (armed) document.removeEventListener('input', armed, { capture: true })
        armed = onInput
        document.addEventListener('input', onInput, { capture: true, once: true })
      },
      { capture: true },
    )
  })
}

/** Waits until the page has recorded its `n`th sample and returns it. */
function keystrokeSample(page: Page, n: number): Promise<Sample> {
  return page.evaluate(
    (n) =>
      new Promise<Sample>((resolve) => {
        const w = window as RecorderWindow
        const check = () => {
          const s = w.__samples!
          if (s.length >= n) resolve(s[n - 1]!)
          else w.__wake = check
        }
        check()
      }),
    n,
  )
}

type Measured = {
  paint: number[]
  update: number[]
  /** Painted times split: keystrokes that changed the rows' text, and those that did not. */
  changed: number[]
  same: number[]
  /** Per keystroke, in the order typed: did it change the rows in view (for the trace's split). */
  rowsChanged: boolean[]
  maxRows: number
  cpu: CpuByType | null
}

/** Types the bench's words one key at a time and erases them, timing every press. */
async function typeWords(page: Page): Promise<Measured> {
  const paint: number[] = []
  const update: number[] = []
  const changed: number[] = []
  const same: number[] = []
  const rowsChanged: boolean[] = []
  let maxRows = await page.locator('.discovery-row').count()
  await installKeystrokeTimer(page)
  let recorded = await page.evaluate(() => (window as RecorderWindow).__samples!.length)
  const press = async (key: string) => {
    await page.keyboard.press(key)
    const r = await Promise.race([
      keystrokeSample(page, ++recorded),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no painted update after pressing ${key}`)), 10_000),
      ),
    ])
    if (process.env.BENCH_DEBUG) console.log(key, r)
    paint.push(r.paint)
    update.push(r.update)
    ;(r.changed ? changed : same).push(r.paint)
    rowsChanged.push(r.changed)
    maxRows = Math.max(maxRows, r.rows)
  }
  // Warm-up: one word typed and erased, not counted.
  for (const ch of WARM_UP) await press(ch)
  for (let i = 0; i < WARM_UP.length; i++) await press('Backspace')
  for (const xs of [paint, update, changed, same, rowsChanged]) xs.length = 0
  const cpuBefore = browserCpu()
  for (let round = 0; round < ROUNDS; round++) {
    for (const word of WORDS) {
      for (const ch of word) await press(ch)
      for (let i = 0; i < word.length; i++) await press('Backspace')
    }
  }
  const cpu = cpuSpent(cpuBefore, browserCpu())
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b)
  return {
    paint: sorted(paint),
    update: sorted(update),
    changed: sorted(changed),
    same: sorted(same),
    rowsChanged,
    maxRows,
    cpu,
  }
}

async function measure(page: Page, credentialName: string, total: number): Promise<Measured> {
  await page.getByRole('button', { name: 'Discover models' }).first().click()
  const credential = page.getByRole('dialog').getByLabel('Credential')
  const label = `${credentialName} (OpenAI)`
  if ((await credential.locator('option:checked').textContent()) !== label) {
    await credential.selectOption({ label })
  }
  const dialog = page.getByRole('dialog', { name: `Discover models for ${credentialName}` })
  await dialog.getByText(`Showing ${total} of ${total}`).waitFor({ timeout: 60_000 })
  await dialog.getByRole('searchbox', { name: 'Search models' }).focus()
  const measured = await typeWords(page)
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  return measured
}

/**
 * The same keystrokes on a bare page in the same browser: a search box over 10 plain text rows
 * of the same size, filtered by a few lines of DOM code (no framework, no styles, no a11y
 * attributes). What this machine's Chromium needs for a keystroke to be painted at all: a
 * target below its p95 cannot be met by any renderer here.
 */
async function measureFloor(page: Page, ids: string[]): Promise<Measured> {
  await page.setContent(floorPage(ids))
  await page.getByRole('searchbox').focus()
  return typeWords(page)
}

function floorPage(ids: string[]): string {
  const rows = Array.from(
    { length: 10 },
    (_, i) => `<div class="discovery-row" style="top:${i * 52}px"></div>`,
  ).join('')
  return `<!doctype html><html><head><style>
body { font: 14px system-ui, sans-serif; }
.discovery-row { position: absolute; left: 0; width: 100%; height: 52px; contain: strict; }
</style></head><body><dialog open style="width: 860px">
<input type="search" aria-label="Search"><p id="count"></p>
<div style="position: relative; height: 416px; overflow: auto; contain: strict">${rows}</div>
</dialog><script>
const ids = ${JSON.stringify(ids)}
const rows = document.querySelectorAll('.discovery-row')
const show = (q) => {
  const hits = ids.filter((id) => id.includes(q))
  document.getElementById('count').textContent = 'Showing ' + hits.length + ' of ' + ids.length
  rows.forEach((row, i) => (row.textContent = hits[i] ?? ''))
}
show('')
document.querySelector('input').addEventListener('input', (e) => show(e.target.value))
</script></body></html>`
}

/** One before/after pair's ratios (after ÷ before): painted p95, the p95 of the keystrokes
 *  that change the rows in view, and the browser's CPU per keystroke. */
type Pair = { p95: number; rowsP95: number; cpu: number }

const cpuPerKeystroke = (m: Measured) =>
  m.cpu ? Object.values(m.cpu).reduce((a, b) => a + b, 0) / m.paint.length : NaN

function describePair(k: number, before: Measured, after: Measured): Pair {
  const p95 = (xs: number[]) => quantile(xs, 0.95)
  const pair = {
    p95: p95(after.paint) / p95(before.paint),
    rowsP95: p95(after.changed) / p95(before.changed),
    cpu: cpuPerKeystroke(after) / cpuPerKeystroke(before),
  }
  console.log(
    `  pair ${k + 1} (${k % 2 ? 'ours first' : 'baseline first'}): p95 ${fmt(p95(before.paint))} → ${fmt(p95(after.paint))} (${pair.p95.toFixed(2)}×); rows-changing p95 ${fmt(p95(before.changed))} → ${fmt(p95(after.changed))} (${pair.rowsP95.toFixed(2)}×); browser CPU per keystroke ${cpuPerKeystroke(before).toFixed(1)} → ${cpuPerKeystroke(after).toFixed(1)} ms (${pair.cpu.toFixed(2)}×)`,
  )
  return pair
}

function reportPairs(pairs: Pair[]): void {
  const median = (f: (p: Pair) => number) =>
    quantile(
      pairs.map(f).sort((a, b) => a - b),
      0.5,
    )
  console.log(
    `  median of ${pairs.length} pairs, after ÷ before: p95 ${median((p) => p.p95).toFixed(2)}×, rows-changing p95 ${median((p) => p.rowsP95).toFixed(2)}×, browser CPU per keystroke ${median((p) => p.cpu).toFixed(2)}×`,
  )
}

/** A process that spins on one core until killed: the "busy machine" of the third mode. */
function spawnBurner(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' })
}

async function main() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-'))
  const app = createAppContext({
    home,
    env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'bench' },
  })
  const asModels = (ids: string[]) =>
    ids.map((id) => ({ id, object: 'model', created: 1721172741, owned_by: 'bench' }))
  const big = await startOpenAiServer({ key: KEY, models: asModels(modelIds(10_000)) })
  const small = await startOpenAiServer({ key: KEY, models: asModels(modelIds(100)) })
  await app.credentials.create({
    provider: 'openai',
    name: 'Big listing',
    apiKey: KEY,
    baseUrl: big.url,
  })
  await app.credentials.create({
    provider: 'openai',
    name: 'Small listing',
    apiKey: KEY,
    baseUrl: small.url,
  })
  const report = (label: string, big: Measured, small: Measured, floor: Measured) => {
    const p95 = quantile(big.paint, 0.95)
    const floorP95 = quantile(floor.paint, 0.95)
    // The issue asks for the target "with margin": an OK says how much is left.
    const verdict =
      p95 <= TARGET_P95_MS
        ? `OK, ${fmt(TARGET_P95_MS - p95)} (${Math.round((100 * (TARGET_P95_MS - p95)) / TARGET_P95_MS)}%) under`
        : floorP95 > TARGET_P95_MS
          ? `missed; below this machine's floor, the bare page's p95 is ${fmt(floorP95)}`
          : 'missed'
    console.log(`${label}`)
    console.log(
      `  10,000 models, ${big.paint.length} keystrokes: keystroke → painted p50 ${fmt(quantile(big.paint, 0.5))}, p95 ${fmt(p95)} (target p95 ≤ ${TARGET_P95_MS} ms: ${verdict}); → DOM updated p50 ${fmt(quantile(big.update, 0.5))}, p95 ${fmt(quantile(big.update, 0.95))}; rendered rows at most ${big.maxRows} (limit 100)`,
    )
    console.log(
      `  100 models,    ${small.paint.length} keystrokes: keystroke → painted p50 ${fmt(quantile(small.paint, 0.5))}, p95 ${fmt(quantile(small.paint, 0.95))}; → DOM updated p50 ${fmt(quantile(small.update, 0.5))}, p95 ${fmt(quantile(small.update, 0.95))}`,
    )
    console.log(
      `  bare page,     ${floor.paint.length} keystrokes: keystroke → painted p50 ${fmt(quantile(floor.paint, 0.5))}, p95 ${fmt(floorP95)} (10 text rows over the same 10,000 ids, no framework: the machine's floor)`,
    )
    console.log(
      `  10,000 vs 100 models: painted p50 ratio ${ratio(quantile(big.paint, 0.5), quantile(small.paint, 0.5))}, DOM update p50 ratio ${ratio(quantile(big.update, 0.5), quantile(small.update, 0.5))}; 10,000 models vs bare page: painted p50 ${ratio(quantile(big.paint, 0.5), quantile(floor.paint, 0.5))}, p95 ${ratio(p95, floorP95)}`,
    )
    // The tail is the keystrokes that change which models are in view (the first letter of a
    // word, the last Backspace, a letter that drops the top rows): printed apart, for both pages.
    const split = (m: Measured) =>
      `${m.changed.length} change the rows in view, p50 ${fmt(quantile(m.changed, 0.5))}, p95 ${fmt(quantile(m.changed, 0.95))}; ${m.same.length} leave them, p50 ${fmt(quantile(m.same, 0.5))}, p95 ${fmt(quantile(m.same, 0.95))}`
    console.log(`  painted, split: 10,000 models ${split(big)}; bare page ${split(floor)}`)
    // CPU, not wall time: what a keystroke costs the machine, whatever else runs on it.
    console.log(
      `  browser CPU per keystroke (all its processes, harness included): 10,000 models ${describeCpu(big.cpu, big.paint.length)}; bare page ${describeCpu(floor.cpu, floor.paint.length)}`,
    )
  }
  // BENCH_TRACE=<file>: a Chromium performance trace of the first mode's 10,000-model keystrokes
  // (open it in DevTools' Performance panel) and, from it, the renderer's thread time per
  // keystroke; with a baseline its trace goes to <file>.before.json and both are printed.
  const tracePath = process.env.BENCH_TRACE
  const traces: { label: string; file: string; rowsChanged: boolean[] }[] = []
  // DISCOVERY_BASELINE=<another checkout, built>: the same keystrokes on that checkout's renderer,
  // each mode run right before ours, so before and after share the machine's load.
  const baseRoot = process.env.DISCOVERY_BASELINE
  // DISCOVERY_PAIRS=n (with a baseline): n before/after pairs per mode, in alternating order,
  // each printed as after/before ratios, then their medians: one pair is at the mercy of the
  // host's speed, which was seen to move by a third within a session.
  const pairs = baseRoot ? Math.max(1, Math.floor(Number(process.env.DISCOVERY_PAIRS ?? 1))) : 1
  try {
    // Unthrottled frames: rAF ×2 then measures the work of the update and two frames, not the
    // wait for a 60 Hz vsync (which alone puts a floor of one to two frame intervals, 17–33 ms,
    // under any rAF ×2 figure). Both are printed; the target applies to the first.
    // The issue asks for the target "on a busy machine too": the third mode types beside a
    // process that keeps one of the cores busy the whole time (this machine has two).
    const modes = [
      { label: 'frames unthrottled (work to paint)', args: FAST, busy: false },
      {
        label: 'frames unthrottled, beside a process that keeps one core busy (a busy machine)',
        args: FAST,
        busy: true,
      },
      { label: '60 Hz vsync (includes waiting for the next frames)', args: [], busy: false },
    ]
    let maxRows = 0
    const only = process.env.DISCOVERY_MODES?.split(',').map(Number)
    for (const [i, mode] of modes.entries()) {
      if (only && !only.includes(i + 1)) continue
      const trace = i === 0 ? tracePath : undefined
      const paired: Pair[] = []
      for (let k = 0; k < pairs; k++) {
        const burner = mode.busy ? spawnBurner() : null
        let before: Awaited<ReturnType<typeof run>> | null = null
        let after: Awaited<ReturnType<typeof run>>
        try {
          // Odd pairs run ours first: a host that speeds up or slows down during the run then
          // favours neither side. Only the first pair is traced.
          if (baseRoot && k % 2 === 1) {
            after = await run(app, mode.args, root)
            before = await run(app, mode.args, baseRoot)
          } else {
            const traced = k === 0 ? trace : undefined
            if (baseRoot)
              before = await run(app, mode.args, baseRoot, traced && `${traced}.before.json`)
            after = await run(app, mode.args, root, traced)
          }
        } finally {
          burner?.kill()
        }
        if (k === 0) {
          if (before)
            report(`before (${baseRoot}), ${mode.label}:`, before.big, before.small, before.floor)
          report(`${mode.label}:`, after.big, after.small, after.floor)
        }
        if (before) paired.push(describePair(k, before.big, after.big))
        maxRows = Math.max(maxRows, after.big.maxRows)
      }
      if (pairs > 1) reportPairs(paired)
      console.log(loadAverage())
    }
    for (const { label, file, rowsChanged } of traces)
      console.log(`${label}: ${describeThreadTime(file, rowsChanged, WARM_UP.length * 2)}`)
    // The row budget is a hard limit; the latency target is reported (machine load moves it).
    if (maxRows > 100) process.exitCode = 1
  } finally {
    await big.close()
    await small.close()
    fs.rmSync(home, { recursive: true, force: true })
  }

  async function run(ctx: typeof app, extraArgs: string[], from: string, trace?: string) {
    const dispatch = harnessDispatch(ctx)
    const browser = await launchChromium(extraArgs)
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
      await wirePage(page, dispatch, from)
      await page.goto(`${HARNESS_ORIGIN}/index.html#/models`)
      await page.getByRole('button', { name: 'Discover models' }).first().waitFor()
      if (trace) await browser.startTracing(page, { path: trace, screenshots: false })
      const bigRun = await measure(page, 'Big listing', 10_000)
      if (trace) {
        await browser.stopTracing()
        traces.push({
          label: from === root ? 'traced' : `traced before (${from})`,
          file: trace,
          rowsChanged: bigRun.rowsChanged,
        })
      }
      const smallRun = await measure(page, 'Small listing', 100)
      // The app's page closes first: the floor page has the browser to itself.
      await page.close()
      const floorPageTab = await browser.newPage({ viewport: { width: 1200, height: 800 } })
      if (trace)
        await browser.startTracing(floorPageTab, {
          path: `${trace}.floor.json`,
          screenshots: false,
        })
      const floor = await measureFloor(floorPageTab, modelIds(10_000))
      if (trace) {
        await browser.stopTracing()
        traces.push({
          label: from === root ? 'traced bare page' : `traced bare page before (${from})`,
          file: `${trace}.floor.json`,
          rowsChanged: floor.rowsChanged,
        })
      }
      return { big: bigRun, small: smallRun, floor }
    } finally {
      await browser.close()
    }
  }
}
void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
