/**
 * Recommended models for offline setup (DESIGN §8): a bundled list of real Ollama library tags
 * with download size and the memory they need, checked against this machine's RAM and free disk.
 */
import type { MachineInfo, RecommendedModel } from '../../src-preload/contract/local'
import type { ModelType } from '../../src-preload/contract/models-shared'
import bundled from './recommended-models.json'

interface Entry {
  name: string
  displayName: string
  type: ModelType
  tier: 'small' | 'medium' | 'large'
  downloadBytes: number
  memoryBytes: number
  /** Preference within its type when several fit (1 = first choice). */
  rank: number
  description: string
}

/** The share of RAM a model may take: the OS and the app need the rest. */
const RAM_SHARE = 0.75
/** Disk headroom kept free after a download. */
const DISK_MARGIN = 1_000_000_000

/** The bundled list, as shipped. */
export function bundledModels(): readonly Entry[] {
  return bundled.models as Entry[]
}

/**
 * Every bundled model with whether it fits this machine and why not; the best fitting model of
 * each type (lowest rank) is `suggested`. Installed names (`llama3.2:3b`, `nomic-embed-text:latest`)
 * are matched with and without the `:latest` tag.
 */
export function recommendModels(
  machine: Pick<MachineInfo, 'totalRamBytes' | 'freeDiskBytes'>,
  installed: readonly string[] = [],
  entries: readonly Entry[] = bundledModels(),
): RecommendedModel[] {
  const have = new Set(installed.map((n) => n.replace(/:latest$/, '')))
  const rows = entries.map((e) => {
    const tooBigFor: ('ram' | 'disk')[] = []
    if (e.memoryBytes > machine.totalRamBytes * RAM_SHARE) tooBigFor.push('ram')
    const isInstalled = have.has(e.name.replace(/:latest$/, ''))
    if (
      !isInstalled &&
      machine.freeDiskBytes !== null &&
      e.downloadBytes + DISK_MARGIN > machine.freeDiskBytes
    ) {
      tooBigFor.push('disk')
    }
    return { entry: e, tooBigFor, installed: isInstalled }
  })
  const best = new Map<ModelType, number>()
  for (const r of rows) {
    if (r.tooBigFor.length) continue
    const prev = best.get(r.entry.type)
    if (prev === undefined || r.entry.rank < prev) best.set(r.entry.type, r.entry.rank)
  }
  return rows.map(({ entry: e, tooBigFor, installed: isInstalled }) => ({
    name: e.name,
    displayName: e.displayName,
    type: e.type,
    tier: e.tier,
    downloadBytes: e.downloadBytes,
    memoryBytes: e.memoryBytes,
    description: e.description,
    fits: tooBigFor.length === 0,
    tooBigFor,
    suggested: tooBigFor.length === 0 && best.get(e.type) === e.rank,
    installed: isInstalled,
  }))
}

/**
 * The installed name of a library tag (`nomic-embed-text` → `nomic-embed-text:latest`), matched
 * with and without the `:latest` tag; null when Ollama does not have it.
 */
export function installedNameFor(
  tag: string,
  installed: readonly { name: string }[],
): string | null {
  const bare = tag.replace(/:latest$/, '')
  const hit = installed.find((m) => m.name === tag || m.name.replace(/:latest$/, '') === bare)
  return hit ? hit.name : null
}
