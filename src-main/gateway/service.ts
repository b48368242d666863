/**
 * The gateway use cases shared by the app, the CLI and IPC (DESIGN §14): start and stop the
 * server, the remembered on/off switch and port, tokens (created with their one-time secret,
 * listed without it, revoked), usage per token × model, and credentials' latest limits.
 */
import { randomUUID } from 'node:crypto'
import type {
  ErrorBody,
  GatewayLimitsView,
  GatewayStatusView,
  GatewayTokenCreated,
  GatewayTokenCreateRequest,
  GatewayTokenView,
  GatewayUsageView,
} from '../../src-preload/contract'
import { AppError, toErrorBody } from '../errors'
import type { DecryptedCredential, GuardedFetch } from '../providers/adapter-types'
import type { CatalogEntry, ProviderId } from '../providers/catalog-types'
import type { Store, StoredGatewayToken } from '../store/schema'
import { createPoolState, isDisabled } from './pool'
import { publicNames } from './routing'
import { startGateway, type RunningGateway } from './server'
import { createSnapshot } from './snapshot'
import { hashToken, newToken } from './tokens'
import { createUsageRecorder } from './usage'

export interface GatewayServiceDeps {
  store: Store
  /** The store file, watched so tokens made elsewhere (the CLI) are seen at once. */
  storeFile: string | null
  getDecrypted: (id: string) => Promise<DecryptedCredential>
  getProvider: (id: ProviderId) => CatalogEntry
  /** The guarded fetch upstream calls go through (created on first start when absent). */
  fetch: () => GuardedFetch
  clock: () => Date
  /** Usage flush interval (ms). */
  flushMs?: number
  /** Told after every start, stop or failed start (the app emits `gateway:changed`). */
  onChanged?: (status: GatewayStatusView) => void
}

export interface GatewayService {
  status(): Promise<GatewayStatusView>
  /** Starts listening (port: given, else the stored one; 0 picks a free port). */
  start(options?: { port?: number }): Promise<{ url: string; port: number }>
  stop(): Promise<void>
  /** The app's switch: remembered, then applied (start or stop). */
  setEnabled(enabled: boolean, port?: number): Promise<GatewayStatusView>
  createToken(input: GatewayTokenCreateRequest): Promise<GatewayTokenCreated>
  listTokens(): Promise<GatewayTokenView[]>
  removeToken(id: string): Promise<{ id: string }>
  usage(): Promise<GatewayUsageView[]>
  limits(): Promise<GatewayLimitsView[]>
  models(): Promise<string[]>
  /** Writes pending usage now. */
  flush(): Promise<void>
}

export function createGatewayService(deps: GatewayServiceDeps): GatewayService {
  const now = () => deps.clock().getTime()
  const snapshot = createSnapshot({
    read: () => deps.store.read(),
    file: deps.storeFile,
    getDecrypted: deps.getDecrypted,
  })
  const recorder = createUsageRecorder(async (fn) => {
    await deps.store.update(fn)
    snapshot.invalidate()
  }, deps.flushMs ?? 1_000)
  const pool = createPoolState()
  const windows = new Map<string, number[]>()
  let running: RunningGateway | null = null
  let starting: Promise<RunningGateway> | null = null
  let lastError: ErrorBody | null = null

  const status = async (): Promise<GatewayStatusView> => {
    const g = (await deps.store.read()).gateway
    return {
      enabled: g.enabled,
      running: running !== null,
      url: running?.url ?? null,
      port: g.port,
      error: lastError,
    }
  }

  const changed = () => {
    if (deps.onChanged) void status().then(deps.onChanged, () => undefined)
  }

  const start = async (options: { port?: number } = {}) => {
    if (running) return { url: running.url, port: running.port }
    if (!starting) {
      starting = (async () => {
        const port = options.port ?? (await deps.store.read()).gateway.port
        return startGateway(
          {
            snapshot,
            recorder,
            fetch: deps.fetch(),
            getProvider: deps.getProvider,
            pool,
            now,
            windows,
          },
          { port },
        )
      })()
    }
    try {
      running = await starting
      lastError = null
      return { url: running.url, port: running.port }
    } catch (err) {
      lastError = toErrorBody(err)
      throw err
    } finally {
      starting = null
      changed()
    }
  }

  const stop = async () => {
    const r = running
    running = null
    if (r) await r.close()
    await recorder.flush().catch(() => undefined)
    if (r) changed()
  }

  const view = (t: StoredGatewayToken): GatewayTokenView => ({
    id: t.id,
    name: t.name,
    hint: t.hint,
    models: t.models,
    rpm: t.rpm,
    expiresAt: t.expiresAt,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    expired: t.expiresAt !== null && Date.parse(t.expiresAt) <= now(),
  })

  return {
    status,
    start,
    stop,
    async setEnabled(enabled, port) {
      const before = (await deps.store.read()).gateway
      await deps.store.update((d) => {
        d.gateway.enabled = enabled
        if (port !== undefined) d.gateway.port = port
      })
      const portChanged = port !== undefined && port !== before.port
      if (!enabled || portChanged) await stop()
      if (enabled) {
        try {
          await start()
        } catch {
          // The status carries the error (a port in use); the switch stays remembered.
        }
      } else lastError = null
      return status()
    },
    async createToken(input) {
      const token = newToken()
      const nowDate = deps.clock()
      const models = input.models?.map((m) => m.trim()).filter(Boolean) ?? []
      const stored: StoredGatewayToken = {
        id: randomUUID(),
        name: input.name.trim(),
        hash: hashToken(token),
        hint: token.slice(-4),
        models: models.length ? [...new Set(models)] : null,
        rpm: input.rpm ?? null,
        expiresAt: input.expiresInMs
          ? new Date(nowDate.getTime() + input.expiresInMs).toISOString()
          : null,
        createdAt: nowDate.toISOString(),
        lastUsedAt: null,
      }
      await deps.store.update((d) => {
        d.gateway.tokens.push(stored)
      })
      snapshot.invalidate()
      return {
        id: stored.id,
        name: stored.name,
        token,
        models: stored.models,
        rpm: stored.rpm,
        expiresAt: stored.expiresAt,
      }
    },
    async listTokens() {
      return (await deps.store.read()).gateway.tokens.map(view)
    },
    async removeToken(id) {
      const removed = await deps.store.update((d) => {
        const before = d.gateway.tokens.length
        d.gateway.tokens = d.gateway.tokens.filter((t) => t.id !== id)
        return d.gateway.tokens.length !== before
      })
      snapshot.invalidate()
      windows.delete(id)
      if (!removed) throw new AppError('not_found', 'No gateway token has this id.', { id })
      return { id }
    },
    async usage() {
      await recorder.flush().catch(() => undefined)
      return (await deps.store.read()).gateway.usage.map((u) => ({ ...u }))
    },
    async limits() {
      const data = await deps.store.read()
      return data.credentials
        .filter((c) => data.gateway.limits[c.id] || isDisabled(data, pool, c.id))
        .map((c) => {
          const l = data.gateway.limits[c.id]
          return {
            credentialId: c.id,
            credentialName: c.name,
            provider: c.provider,
            at: l?.at ?? null,
            requestsLimit: l?.requestsLimit ?? null,
            requestsRemaining: l?.requestsRemaining ?? null,
            requestsReset: l?.requestsReset ?? null,
            tokensLimit: l?.tokensLimit ?? null,
            tokensRemaining: l?.tokensRemaining ?? null,
            tokensReset: l?.tokensReset ?? null,
            disabled: isDisabled(data, pool, c.id),
          }
        })
    },
    async models() {
      const data = await deps.store.read()
      const names = publicNames(data).map((n) => n.id)
      const aliases = Object.entries(data.defaults.slots)
        .filter(([, id]) => id)
        .map(([slot]) => `default:${slot}`)
      return [...new Set([...names.sort(), ...aliases])]
    },
    flush: () => recorder.flush(),
  }
}
