/**
 * Facts about this machine for offline setup (DESIGN §8): RAM, free disk where Ollama keeps its
 * models, and where to get a local server for this OS.
 */
import { statfs } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { MachineInfo } from '../../src-preload/contract/local'

export interface MachineDeps {
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  arch?: string
  totalmem?: () => number
  freemem?: () => number
  homedir?: () => string
  statfs?: (p: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>
}

const INSTALL: Record<string, { ollama: string; command: string | null }> = {
  darwin: { ollama: 'https://ollama.com/download/mac', command: null },
  win32: { ollama: 'https://ollama.com/download/windows', command: null },
  linux: {
    ollama: 'https://ollama.com/download/linux',
    command: 'curl -fsSL https://ollama.com/install.sh | sh',
  },
}

/** RAM, free disk (on the disk of `OLLAMA_MODELS`, else the home directory), OS and install links. */
export async function getMachineInfo(deps: MachineDeps = {}): Promise<MachineInfo> {
  const platform = deps.platform ?? os.platform()
  const home = (deps.homedir ?? os.homedir)()
  const diskPath = await existingAncestor(deps.env?.OLLAMA_MODELS || home, deps.statfs ?? statfs)
  let freeDiskBytes: number | null = null
  try {
    const s = await (deps.statfs ?? statfs)(diskPath)
    freeDiskBytes = Number(s.bavail) * Number(s.bsize)
  } catch {
    freeDiskBytes = null
  }
  const install = INSTALL[platform] ?? { ollama: 'https://ollama.com/download', command: null }
  return {
    platform,
    arch: deps.arch ?? os.arch(),
    osRelease: os.release(),
    totalRamBytes: (deps.totalmem ?? os.totalmem)(),
    freeRamBytes: (deps.freemem ?? os.freemem)(),
    freeDiskBytes,
    diskPath,
    install: { ...install, lmstudio: 'https://lmstudio.ai/download' },
  }
}

/** The path itself or its nearest parent that exists (OLLAMA_MODELS may not exist yet). */
async function existingAncestor(
  p: string,
  probe: NonNullable<MachineDeps['statfs']>,
): Promise<string> {
  let current = path.resolve(p)
  for (;;) {
    try {
      await probe(current)
      return current
    } catch {
      const parent = path.dirname(current)
      if (parent === current) return current
      current = parent
    }
  }
}
