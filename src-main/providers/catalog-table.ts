/**
 * The single table of providers (DESIGN §5), assembled from its groups in display order (Open
 * Notebook's order, LM Studio beside the local ones). `ProviderId` is derived from the ids
 * written here, so adding a provider is one edit and no second list can fall behind.
 */
import { audioEmbeddingProviders } from './entries/audio-embedding'
import { cloudPlatformProviders } from './entries/cloud-platforms'
import { compatibleProviders } from './entries/compatible'
import { frontierProviders } from './entries/frontier'
import { localProviders } from './entries/local'
import { regionalProviders } from './entries/regional'
import type { ProviderSpec } from './provider-spec'

const table = [
  ...frontierProviders,
  ...regionalProviders,
  ...audioEmbeddingProviders,
  ...localProviders,
  ...cloudPlatformProviders,
  ...compatibleProviders,
] as const

/** Every provider id the catalog holds (a union of literals, derived from the table). */
export type ProviderId = (typeof table)[number]['id']

export interface CatalogEntry extends ProviderSpec {
  id: ProviderId
}

/** Every provider, in display order. */
export const catalog: readonly CatalogEntry[] = table
