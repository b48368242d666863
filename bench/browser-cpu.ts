// CPU time the browser spends, summed over its processes (browser, renderers, GPU, utilities),
// read from /proc. Unlike a keystroke's wall time it hardly moves with the machine's load: what
// another process takes from us shows up as waiting, not as our CPU. Linux only (null elsewhere).
import fs from 'node:fs'

/** CPU ms per process type (`browser`, `renderer`, `gpu-process`, `utility`, …), or null. */
export type CpuByType = Record<string, number>

const TICK_MS = 10 // USER_HZ is 100 on every Linux we run on (sysconf(_SC_CLK_TCK))

function chromiumProcesses(): { pid: string; type: string }[] {
  const out: { pid: string; type: string }[] = []
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    let cmdline: string
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    // The browser keeps its argv; its children retitle themselves, arguments joined by spaces.
    if (!/^\S*\/chrom(e|ium)(\0| |$)/.test(cmdline)) continue
    const type = /[\0 ]--type=([^\0 ]+)/.exec(cmdline)?.[1] ?? 'browser'
    // Zygotes only fork renderers; their own time is nil and a renderer's is counted as its own.
    if (type === 'zygote') continue
    out.push({ pid, type })
  }
  return out
}

/** CPU ms (user + system) so far of every running Chromium process, by process type. */
export function browserCpu(): CpuByType | null {
  if (process.platform !== 'linux') return null
  const total: CpuByType = {}
  for (const { pid, type } of chromiumProcesses()) {
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue
    }
    // Fields after the command (which may hold spaces) start at ") ": utime is the 14th field.
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    total[type] = (total[type] ?? 0) + ticks * TICK_MS
  }
  return total
}

/** What `after` spent beyond `before`, per type (processes started in between count whole). */
export function cpuSpent(before: CpuByType | null, after: CpuByType | null): CpuByType | null {
  if (!before || !after) return null
  return Object.fromEntries(
    Object.entries(after).map(([type, ms]) => [type, Math.max(0, ms - (before[type] ?? 0))]),
  )
}

/** "2.1 ms (renderer 1.2, gpu-process 0.6, browser 0.3)" per unit of `count`. */
export function describeCpu(spent: CpuByType | null, count: number): string {
  if (!spent) return 'n/a (not Linux)'
  const per = (ms: number) => (ms / count).toFixed(1)
  const total = Object.values(spent).reduce((a, b) => a + b, 0)
  const parts = Object.entries(spent)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([type, ms]) => `${type} ${per(ms)}`)
  return `${per(total)} ms (${parts.join(', ')})`
}
