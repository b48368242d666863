/**
 * Where connection tests meet the store: which credentials to test and the host each one talks
 * to (one read for all), and the last result per credential, written in batches so twenty
 * results arriving at once cost two locked writes instead of twenty.
 */
import type { CatalogEntry, ProviderId } from '../providers/catalog-types'
import { createBatchWriter } from '../store/batch-writer'
import type { LastTestResult, Store } from '../store/schema'
import { createVersions } from './versioned'

/** The store side of the connection-test service (see ConnectionTestDeps). */
export interface ConnectionTestStore {
  listCredentialIds(): Promise<string[]>
  listTargets(): Promise<{ id: string; host: string }[]>
  saveResult(id: string, result: LastTestResult): Promise<void>
  lastResults(): Promise<Record<string, LastTestResult>>
  /** The last results and their version, or only the version when the caller holds it. */
  lastResultsIfChanged(since?: string): Promise<LastResultsUpdate>
}

/** The last results since a version: `lastTests` is null when `since` is still current. */
export interface LastResultsUpdate {
  version: string
  lastTests: Record<string, LastTestResult> | null
}

/** Builds the connection tests' store access over one store and the catalog's lookup. */
export function createConnectionTestStore(deps: {
  store: Store
  getProvider(provider: ProviderId): CatalogEntry
}): ConnectionTestStore {
  const { store } = deps
  const save = createBatchWriter<{ id: string; result: LastTestResult }>((batch) =>
    store.update((data) => {
      for (const { id, result } of batch) {
        // A credential deleted while its test ran gets no stale entry back.
        if (data.credentials.some((c) => c.id === id)) data.lastTests[id] = result
      }
    }),
  )
  // The store hands out one frozen document until the file changes: an unchanged one is the
  // same object and costs no comparison; a write that left the results as they were keeps them.
  const versions = createVersions<Record<string, LastTestResult>>()
  return {
    listCredentialIds: async () => (await store.read()).credentials.map((c) => c.id),
    // One read for every credential's host (an unknown provider is grouped by itself).
    listTargets: async () =>
      (await store.read()).credentials.map((c) => {
        try {
          return { id: c.id, host: testHost(c, deps.getProvider(c.provider)) }
        } catch {
          return { id: c.id, host: c.id }
        }
      }),
    saveResult: (id, result) => save({ id, result }),
    // A copy: the store's document is frozen and shared.
    lastResults: async () => ({ ...(await store.read()).lastTests }),
    lastResultsIfChanged: async (since) => {
      const { value, version } = versions((await store.read()).lastTests)
      return { version, lastTests: since === version ? null : { ...value } }
    },
  }
}

/** The host a credential's test talks to (override, endpoint, or the provider's default). */
export function testHost(
  cred: {
    baseUrl: string | null
    endpoint: string | null
    location?: string | null
    provider: string
  },
  entry: Pick<CatalogEntry, 'defaultBaseUrl'>,
): string {
  const url = cred.baseUrl ?? cred.endpoint ?? entry.defaultBaseUrl
  try {
    if (url) return new URL(url).host
  } catch {
    // An unparsable URL fails its own test; group it by provider meanwhile.
  }
  return `${cred.provider}:${cred.location ?? ''}`
}
