/**
 * Which default slots a discovered model is recommended for (issue 16): per slot, the one listed
 * model that ranks best in the provider guide's recommended names
 * (src-main/providers/guides/recommended.ts) — the earliest name, the exact name before a dated
 * snapshot or tag, then the shorter name, then listing order. Discovery marks these so the dialog
 * pre-selects one model per slot; auto-assign ranks by the same list.
 */
import { defaultSlots, type DefaultSlotName } from '../../src-preload/contract/defaults'
import { recommendedRank } from '../../src-preload/contract/key-input'
import type { ModelType } from '../../src-preload/contract/models-shared'
import { recommendedFor } from '../providers/guides'
import { SLOT_SPECS } from './default-slots'

/** For each listed model (by index), the slots it is the recommended pick for; empty: none. */
export function recommendedPicks(
  provider: string,
  models: readonly { name: string; type: ModelType }[],
): DefaultSlotName[][] {
  const picks: DefaultSlotName[][] = models.map(() => [])
  for (const slot of defaultSlots) {
    const names = recommendedFor(provider, slot)
    if (!names.length) continue
    let best = -1
    let bestKey: number[] = []
    models.forEach((m, i) => {
      if (m.type !== SLOT_SPECS[slot].type) return
      const r = recommendedRank(m.name, names)
      if (!r) return
      const key = [r.index, r.exact ? 0 : 1, m.name.length]
      if (best === -1 || before(key, bestKey)) {
        best = i
        bestKey = key
      }
    })
    if (best !== -1) picks[best]!.push(slot)
  }
  return picks
}

/** Lexicographic "a sorts before b" of two equally long number lists. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
  return false
}
