/**
 * Model records and their views (issue 6): the registered (name, type) identity, stored → view,
 * adapter discovery output → views with registered marks, and the register request's check.
 */
import {
  ModelNameSchema,
  type DiscoveredModelView,
  type ModelView,
} from '../../src-preload/contract/models'
import { ModelType } from '../../src-preload/contract/models-shared'
import { AppError } from '../errors'
import type { DiscoveredModel } from '../providers/adapter-types'
import type { StoredModel } from '../store/schema'
import { recommendedPicks } from './recommended-models'
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

/** Registered (name, type) identity: names compare case-insensitively. */
export function modelKey(name: string, type: string): string {
  return `${name.trim().toLowerCase()}\u0000${type}`
}

/** The id of a discovered entry that is not registered: stable across discoveries. */
export function discoveredId(type: ModelType, name: string): string {
  return `discovered:${type}:${name}`
}

export function toView(m: StoredModel): ModelView {
  return {
    id: m.id,
    name: m.name,
    provider: m.provider,
    type: m.type,
    credentialId: m.credentialId,
    createdAt: m.createdAt,
  }
}

/** Adapter output → views: drops malformed entries, merges duplicates, marks registered ones. */
export function toDiscoveredViews(
  listed: DiscoveredModel[],
  registered: StoredModel[],
  provider: string,
): DiscoveredModelView[] {
  const byKey = new Map(registered.map((m) => [modelKey(m.name, m.type), m]))
  const seen = new Set<string>()
  const out: DiscoveredModelView[] = []
  for (const d of listed) {
    if (!d || typeof d.name !== 'string' || !d.name.trim()) continue
    if (!parseUntrusted(ModelType, d.type).success) continue
    const name = d.name.trim()
    const key = modelKey(name, d.type)
    if (seen.has(key)) continue
    seen.add(key)
    const reg = byKey.get(key)
    const view: DiscoveredModelView = {
      id: reg ? reg.id : discoveredId(d.type, name),
      name,
      type: d.type,
      registered: Boolean(reg),
      typeSource: d.typeSource ?? 'name',
    }
    if (d.displayName && d.displayName !== name) view.displayName = d.displayName
    if (typeof d.contextLength === 'number') view.contextLength = d.contextLength
    if (typeof d.sizeBytes === 'number') view.sizeBytes = d.sizeBytes
    if (typeof d.loaded === 'boolean') view.loaded = d.loaded
    out.push(view)
  }
  // The guide's recommended models, one per default slot (issue 16): the dialog pre-selects them.
  recommendedPicks(provider, out).forEach((slots, i) => {
    if (slots.length) out[i]!.recommended = slots
  })
  return out
}

export function validateItems(
  models: { name: string; type: ModelType }[],
): { name: string; type: ModelType }[] {
  if (!Array.isArray(models) || models.length === 0) {
    throw new AppError('validation', 'Choose at least one model to register.', { field: 'models' })
  }
  return models.map((m, i) => {
    const name = parseUntrusted(ModelNameSchema, m?.name)
    const type = parseUntrusted(ModelType, m?.type)
    if (!name.success)
      throw new AppError('validation', 'A model name is not valid.', { field: `models.${i}.name` })
    if (!type.success)
      throw new AppError('validation', 'A model type is not valid.', { field: `models.${i}.type` })
    return { name: name.data, type: type.data }
  })
}
