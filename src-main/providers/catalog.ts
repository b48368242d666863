/**
 * The provider catalog (DESIGN §5): the table (catalog-table.ts, entries in entries/*.ts) and the
 * lookups every consumer uses. Forms, CLI flags, env migration, env export, adapters and docs all
 * read this table; nothing else keeps a provider list.
 */
import { AppError } from '../errors'
import { catalog, type CatalogEntry, type ProviderId } from './catalog-table'
import type { CredentialField, StaticModel } from './provider-spec'

export { catalog }

const byId = new Map<string, CatalogEntry>(catalog.map((e) => [e.id, e]))

/** Every provider id, in display order. */
export const providerIds: readonly ProviderId[] = catalog.map((e) => e.id)

/** True when `id` names a provider of the catalog. */
export function isProviderId(id: string): id is ProviderId {
  return byId.has(id)
}

/** The catalog entry of a provider; unknown ids fail with AppError('validation'). */
export function getProvider(id: string): CatalogEntry {
  const entry = byId.get(id)
  if (!entry) {
    throw new AppError('validation', `Unknown provider "${id.slice(0, 40)}".`, {
      field: 'provider',
      provider: id.slice(0, 40),
    })
  }
  return entry
}

/** The hosts of every docs link (https), for the external-link allow list. */
export function docsHosts(): string[] {
  const urls = catalog.flatMap((e) => [e.docsUrl, ...(e.regions ?? []).map((r) => r.docsUrl)])
  return [...new Set(urls.map((u) => new URL(u).hostname.toLowerCase()))]
}

/** The region a credential's `location` names (the provider's first region when unset). */
export function regionOf(entry: CatalogEntry, location: string | null | undefined) {
  const regions = entry.regions ?? []
  return regions.find((r) => r.id === location?.trim()) ?? regions[0] ?? null
}

/** One provider as the CLI `providers` JSON and the renderer see it: plain data only. */
export interface ProviderView extends Omit<CatalogEntry, 'staticModels'> {
  staticModels: StaticModel[]
  /** Which fields hold secrets (never echoed back). */
  secretFields: CredentialField[]
}

/** The catalog as plain JSON-safe data (deep copies; no functions, no shared references). */
export function catalogView(): ProviderView[] {
  return catalog.map((e) => ({
    ...structuredClone(e),
    staticModels: structuredClone(e.staticModels ?? []),
    secretFields: e.fields.filter((f) => f.field === 'apiKey').map((f) => f.field),
  }))
}
