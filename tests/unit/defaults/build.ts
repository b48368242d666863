/**
 * Builds store data for defaults / models tests: credentials and models with readable ids and
 * increasing timestamps, on top of the store's own empty data.
 */
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type { ProviderId } from '../../../src-main/providers/catalog-types'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { emptyStoreData } from '../../../src-main/store/migrations'
import type { StoreData, StoredCredential, StoredModel } from '../../../src-main/store/schema'

let tick = 0
const stamp = () => new Date(Date.UTC(2025, 0, 1, 0, 0, tick++)).toISOString()

/** A stored credential (no secrets: defaults never need them). */
export function cred(
  id: string,
  provider: ProviderId,
  extra: Partial<StoredCredential> = {},
): StoredCredential {
  return blankCredential(provider, {
    id,
    name: id,
    isPrimary: true,
    createdAt: stamp(),
    updatedAt: stamp(),
    ...extra,
  })
}

/** A registered model of a credential. */
export function model(id: string, c: StoredCredential, name: string, type: ModelType): StoredModel {
  return { id, name, provider: c.provider, type, credentialId: c.id, createdAt: stamp() }
}

/** Empty store data with these credentials and models. */
export function data(credentials: StoredCredential[] = [], models: StoredModel[] = []): StoreData {
  const d = emptyStoreData()
  d.credentials = credentials
  d.models = models
  return d
}
