/**
 * Migration of provider keys from environment variables (DESIGN §9 `migrate-env`, Open Notebook's
 * migrate-from-env): each catalog provider is configured when all its `required` variables and at
 * least one of its `anyOf` variables are set (non-blank after trimming); configured providers are
 * imported as a credential named "From environment" unless a credential of that provider already
 * holds the same key. Values are read from the context's env, never printed, never put in errors.
 */
import type {
  CredentialCreateRequest,
  EnvProviderFound,
  EnvStatusView,
  MigrateEnvResult,
} from '../../src-preload/contract'
import { AppError, toErrorBody } from '../errors'
import type { CatalogEntry } from '../providers/catalog-types'
import type { Store, StoreData, StoredCredential } from '../store/schema'
import { lockedError, wrongKeyError, type Opener, type Vault } from '../vault/vault'
import { CREDENTIAL_FIELDS, type FieldDef } from '../../src-preload/contract/credential-fields'
import type { CredentialsService } from './credentials'

/** The name every migrated credential gets. */
export const MIGRATED_NAME = 'From environment'

export interface EnvMigrationDeps {
  env: NodeJS.ProcessEnv
  store: Store
  vault: Vault
  credentials: Pick<CredentialsService, 'create' | 'check'>
  catalog: readonly CatalogEntry[]
}

export interface EnvMigrationService {
  /** Which providers have variables set, and which of them are not imported yet. Writes nothing. */
  status(): Promise<EnvStatusView>
  /** Imports every configured provider not imported yet; `dryRun` reports without writing. */
  migrate(options?: { dryRun?: boolean }): Promise<MigrateEnvResult>
}

/** A variable's value, trimmed; null when unset or blank. */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name]?.trim()
  return v ? v : null
}

/** True when the provider's env shape is satisfied (required all set, anyOf at least one). */
export function isEnvConfigured(entry: CatalogEntry, env: NodeJS.ProcessEnv): boolean {
  const { required, anyOf = [] } = entry.envVars
  if (!required.length && !anyOf.length) return false
  return (
    required.every((v) => envValue(env, v) !== null) &&
    (!anyOf.length || anyOf.some((v) => envValue(env, v) !== null))
  )
}

/** The variables of a provider in a stable order: required, anyOf, optional, then the rest of map. */
export function providerVariables(entry: CatalogEntry): string[] {
  const { required, anyOf = [], optional = [], map } = entry.envVars
  return [...new Set([...required, ...anyOf, ...optional, ...Object.keys(map)])]
}

/** The create request (name included) the environment describes for one provider. */
export function requestFromEnv(
  entry: CatalogEntry,
  env: NodeJS.ProcessEnv,
): CredentialCreateRequest {
  const out: Record<string, unknown> = { provider: entry.id, name: MIGRATED_NAME }
  const endpoints: Record<string, string> = {}
  // First variable wins per field (GOOGLE_API_KEY before GEMINI_API_KEY, as listed in anyOf).
  for (const name of providerVariables(entry)) {
    const field = entry.envVars.map[name]
    const value = envValue(env, name)
    if (!field || value === null) continue
    const modality = (CREDENTIAL_FIELDS[field] as FieldDef).modality
    if (modality) endpoints[modality] ??= value
    else if (field === 'numCtx') out.numCtx ??= Number(value)
    else out[field] ??= value
  }
  if (Object.keys(endpoints).length) out.endpoints = endpoints
  return out as CredentialCreateRequest
}

const sameUrl = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').replace(/\/+$/, '') === (b ?? '').replace(/\/+$/, '')

/**
 * True when `cred` already holds what the environment offers: the same decrypted key, or — for a
 * provider whose variables carry no key (Ollama, Vertex) — the same base URL / project / location.
 */
function alreadyImported(
  request: CredentialCreateRequest,
  cred: StoredCredential,
  opener: Opener,
): boolean {
  if (request.apiKey) {
    const sealed = cred.secrets?.apiKey
    if (!sealed) return false
    const r = opener.open(cred.id, 'apiKey', sealed)
    return r.ok && r.value === request.apiKey
  }
  return (
    sameUrl(request.baseUrl, cred.baseUrl) &&
    sameUrl(request.endpoint, cred.endpoint) &&
    (request.project ?? null) === cred.project &&
    (request.location ?? null) === cred.location
  )
}

/** Builds the env-migration service. */
export function createEnvMigration(deps: EnvMigrationDeps): EnvMigrationService {
  const configured = () => deps.catalog.filter((e) => isEnvConfigured(e, deps.env))

  /** Splits configured providers into pending / imported; throws when the vault cannot compare. */
  const plan = async (data: StoreData, entries: CatalogEntry[]) => {
    const opener = await deps.vault.opener(data)
    if (opener.state === 'locked') throw lockedError()
    if (opener.state === 'wrong_key') throw wrongKeyError()
    return entries.map((entry) => {
      const request = requestFromEnv(entry, deps.env)
      const mine = data.credentials.filter((c) => c.provider === entry.id)
      return { entry, request, imported: mine.some((c) => alreadyImported(request, c, opener)) }
    })
  }

  return {
    async status() {
      const entries = configured()
      const found = (imported: (id: CatalogEntry['id']) => boolean): EnvProviderFound[] =>
        entries.map((e) => ({
          provider: e.id,
          displayName: e.displayName,
          variables: providerVariables(e).filter((v) => envValue(deps.env, v) !== null),
          state: imported(e.id) ? 'imported' : 'pending',
        }))
      if (!entries.length) {
        const { state } = await deps.vault.opener(await deps.store.read())
        return { vault: state, found: [], pending: [] }
      }
      try {
        const rows = await plan(await deps.store.read(), entries)
        const done = new Set<string>(rows.filter((r) => r.imported).map((r) => r.entry.id))
        const list = found((id) => done.has(id))
        return {
          vault: 'unlocked',
          found: list,
          pending: list.filter((f) => f.state === 'pending').map((f) => f.provider),
        }
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'internal'
        if (code !== 'vault_locked' && code !== 'vault_wrong_key') throw err
        return {
          vault: code === 'vault_locked' ? 'locked' : 'wrong_key',
          found: found(() => false),
          pending: [],
        }
      }
    },

    async migrate(options = {}) {
      const result: MigrateEnvResult = { migrated: [], skipped: [], notConfigured: [], errors: [] }
      const entries = configured()
      const on = new Set(entries.map((e) => e.id))
      result.notConfigured = deps.catalog.filter((e) => !on.has(e.id)).map((e) => e.id)
      if (!entries.length) return result
      // The whole plan (and the vault check) comes before the first write: a locked vault
      // writes nothing at all.
      const rows = await plan(await deps.store.read(), entries)
      for (const { entry, request, imported } of rows) {
        if (imported) {
          result.skipped.push(entry.id)
          continue
        }
        try {
          // The one validation (the same as add, IPC and import); the dry run stops there.
          if (options.dryRun) deps.credentials.check(request)
          else await deps.credentials.create(request)
          result.migrated.push(entry.id)
        } catch (err) {
          const secrets = request.apiKey ? [request.apiKey] : []
          const body = toErrorBody(err, secrets)
          if (body.code === 'vault_locked' || body.code === 'vault_wrong_key') throw err
          result.errors.push({ provider: entry.id, code: body.code, message: body.message })
        }
      }
      return result
    },
  }
}
