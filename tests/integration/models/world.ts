/**
 * A models + defaults world over a real file store in a temp dir: credentials stored as the
 * credentials service would, a `getDecrypted` that hands out their keys (or fails as the real
 * one does), the real catalog for entries unless overridden, and an adapter per test.
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AppError } from '../../../src-main/errors'
import type {
  DecryptedCredential,
  GuardedFetch,
  ProviderAdapter,
} from '../../../src-main/providers/adapter-types'
import type { CatalogEntry, ProviderId } from '../../../src-main/providers/catalog-types'
import { createDefaultsService } from '../../../src-main/services/defaults'
import { createModelsService } from '../../../src-main/services/models'
import { createSttClipLoader, sttClipCandidates } from '../../../src-main/services/stt-clip'
import { createFileStore } from '../../../src-main/store/file-store'
import { createGuardedFetch } from '../../../src-main/net/guarded-fetch'
import { cred } from '../../unit/defaults/build'

export interface WorldOptions {
  adapter: ProviderAdapter
  entry: CatalogEntry
  fetch?: GuardedFetch
}

const open: { close(): Promise<void> }[] = []

/** Closes every world built so far (call from afterEach). */
export async function closeWorlds(): Promise<void> {
  await Promise.all(open.splice(0).map((w) => w.close()))
}

/** Builds the world; `addCredential` stores one and remembers its key. */
export function createWorld(opts: WorldOptions) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'sb-models-'))
  const store = createFileStore(home)
  const keys = new Map<string, string>()
  const undecryptable = new Set<string>()
  let vaultLocked = false
  const decryptCalls: string[] = []

  const getDecrypted = async (id: string): Promise<DecryptedCredential> => {
    decryptCalls.push(id)
    if (vaultLocked) throw new AppError('vault_locked', 'The vault is locked.')
    const c = (await store.read()).credentials.find((x) => x.id === id)
    if (!c) throw new AppError('not_found', 'No credential has this id.', { credentialId: id })
    if (undecryptable.has(id))
      throw new AppError('decryption_error', 'The key cannot be decrypted.')
    return {
      id: c.id,
      provider: c.provider,
      name: c.name,
      baseUrl: c.baseUrl,
      apiKey: keys.get(id) ?? null,
    }
  }

  // The real network guard; the resolver answers nothing (no network beyond loopback IPs).
  const guardedFetch = createGuardedFetch({
    env: {},
    resolver: async (host) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {
        code: 'ENOTFOUND',
        hostname: host,
      })
    },
  })
  let nextId = 0
  const models = createModelsService({
    store,
    getDecrypted,
    getProvider: () => opts.entry,
    getAdapter: () => opts.adapter,
    fetch: opts.fetch ?? guardedFetch,
    newId: () => `model-${++nextId}`,
    sttClip: createSttClipLoader(sttClipCandidates()),
  })
  const defaults = createDefaultsService({
    store,
    undecryptableCredentialIds: async () => undecryptable,
  })

  open.push(guardedFetch)
  return {
    home,
    store,
    models,
    defaults,
    keys,
    undecryptable,
    decryptCalls,
    lockVault: () => {
      vaultLocked = true
    },
    async addCredential(
      id: string,
      provider: ProviderId,
      baseUrl: string | null,
      key: string | null,
    ) {
      await store.update((d) => {
        d.credentials.push(cred(id, provider, { baseUrl }))
      })
      if (key) keys.set(id, key)
    },
  }
}
