/**
 * Every provider's guide (issue 16), assembled from the per-aspect tables beside this file
 * (steps, key shapes, recommended models, troubleshooting, memory), each a Record keyed by the
 * catalog's provider id, so a provider added to the catalog without a guide fails the typecheck
 * (and tests/unit/providers/guides.test.ts). The renderer gets `guideView` with the provider list.
 */
import type { DefaultSlotName } from '../../../src-preload/contract/defaults'
import type { ProviderGuideView } from '../../../src-preload/contract/guides'
import type { ProviderKeyShapes } from '../../../src-preload/contract/key-input'
import { catalog, getProvider } from '../catalog'
import type { ProviderId } from '../catalog-types'
import { KEY_SHAPES } from './key-shapes'
import { LOCAL_MEMORY } from './memory'
import { RECOMMENDED } from './recommended'
import { BILLING_PAGES, STEPS } from './steps'
import { TROUBLESHOOTING } from './troubleshooting'

export { KEY_SHAPES, LOCAL_MEMORY, RECOMMENDED, STEPS, TROUBLESHOOTING }

/** One provider's guide as plain, JSON-safe data (fresh copies). */
export function guideView(id: ProviderId): ProviderGuideView {
  const entry = getProvider(id)
  return structuredClone({
    keyUrl: entry.local || !entry.fields.some((f) => f.field === 'apiKey') ? null : entry.docsUrl,
    steps: STEPS[id],
    keyShapes: KEY_SHAPES[id],
    recommended: RECOMMENDED[id],
    troubleshooting: TROUBLESHOOTING[id] as ProviderGuideView['troubleshooting'],
    memory: entry.local ? [...LOCAL_MEMORY] : null,
  })
}

/** Every provider's key shapes (for the shape check's "looks like a … key"). */
export function allKeyShapes(): ProviderKeyShapes[] {
  return catalog.map((e) => ({
    provider: e.id,
    displayName: e.displayName,
    shapes: KEY_SHAPES[e.id],
  }))
}

/** The recommended model names of one provider for one slot, best first (empty when none). */
export function recommendedFor(provider: string, slot: DefaultSlotName): readonly string[] {
  return (
    (RECOMMENDED as Partial<Record<string, (typeof RECOMMENDED)[ProviderId]>>)[provider]?.[slot] ??
    []
  )
}

/** The hosts of every page a guide links to (for the external-link allow list). */
export function guideHosts(): string[] {
  const urls: string[] = [...Object.values(BILLING_PAGES)]
  for (const lines of Object.values(TROUBLESHOOTING)) {
    for (const l of Object.values(lines)) if (l?.params?.page) urls.push(l.params.page)
  }
  return [...new Set(urls.map((u) => new URL(u).hostname.toLowerCase()))]
}
