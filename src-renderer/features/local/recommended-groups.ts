/**
 * The offline setup's recommended models as the panel lists them: per model type, the ones that
 * fit this machine and the ones that do not (shown folded, with the reason).
 */
import type { ModelType, RecommendedModel } from '../../../src-preload/contract'

/** The model types offline setup recommends, in display order. */
const TYPES: ModelType[] = ['language', 'embedding']
const TIER_ORDER = { small: 0, medium: 1, large: 2 } as const

/** The best fit first, then small → medium → large (the bundled order within a tier). */
export function byTier(a: RecommendedModel, b: RecommendedModel): number {
  return Number(b.suggested) - Number(a.suggested) || TIER_ORDER[a.tier] - TIER_ORDER[b.tier]
}

export interface RecommendedGroup {
  type: ModelType
  fitting: RecommendedModel[]
  unsuitable: RecommendedModel[]
}

/** One group per model type that has any model, each list sorted by `byTier`. */
export function groupRecommended(models: readonly RecommendedModel[]): RecommendedGroup[] {
  return TYPES.map((type) => ({
    type,
    fitting: models.filter((m) => m.type === type && m.fits).sort(byTier),
    unsuitable: models.filter((m) => m.type === type && !m.fits).sort(byTier),
  })).filter((g) => g.fitting.length || g.unsuitable.length)
}
