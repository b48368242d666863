/**
 * A gateway world: a real app context over a temp dir (passphrase vault), credentials pointing
 * at fake upstreams, registered models, and the gateway listening on a free loopback port. The
 * clock is the test's, so cool-downs and expiries are stepped through instead of waited for.
 */
import fs from 'node:fs'
import { createAppContext, type AppContext } from '../../../src-main/app-context'
import { createPoolState } from '../../../src-main/gateway/pool'
import { startGateway } from '../../../src-main/gateway/server'
import { createSnapshot } from '../../../src-main/gateway/snapshot'
import { createUsageRecorder } from '../../../src-main/gateway/usage'
import { createGuardedFetch } from '../../../src-main/net'
import { getProvider } from '../../../src-main/providers/catalog'
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type { ProviderId } from '../../../src-main/providers/catalog-types'
import { tmpHome } from '../../support/home'

export interface GatewayWorld {
  ctx: AppContext
  url: string
  /** Moves the clock forward. */
  advance(ms: number): void
  addCredential(provider: ProviderId, name: string, baseUrl: string, key: string): Promise<string>
  register(credentialId: string, name: string, type?: ModelType): Promise<string>
  token(extra?: Partial<{ models: string[]; rpm: number; expiresInMs: number }>): Promise<string>
  close(): Promise<void>
}

export async function createGatewayWorld(): Promise<GatewayWorld> {
  const home = tmpHome('sb-gateway-')
  let t = Date.now()
  const ctx = createAppContext({
    home,
    env: { SWITCHBOARD_ENCRYPTION_KEY: 'gateway tests master passphrase' },
    clock: () => new Date(t),
  })
  const { url } = await ctx.gateway.start({ port: 0 })
  return {
    ctx,
    url,
    advance: (ms) => {
      t += ms
    },
    async addCredential(provider, name, baseUrl, key) {
      const c = await ctx.credentials.create({ provider, name, baseUrl, apiKey: key })
      return c.id
    },
    async register(credentialId, name, type = 'language') {
      await ctx.models.register(credentialId, [{ name, type }])
      const m = (await ctx.models.list({ credentialId })).find(
        (x) => x.name === name && x.type === type,
      )
      return m!.id
    },
    async token(extra = {}) {
      return (await ctx.gateway.createToken({ name: 'test app', ...extra })).token
    },
    async close() {
      await ctx.gateway.stop()
      fs.rmSync(home, { recursive: true, force: true })
    },
  }
}

/** POSTs JSON to the gateway with a token (as Bearer unless `as` says x-api-key). */
export function post(
  world: GatewayWorld,
  route: string,
  token: string | null,
  body: unknown,
  as: 'bearer' | 'x-api-key' = 'bearer',
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) {
    if (as === 'bearer') headers.authorization = `Bearer ${token}`
    else headers['x-api-key'] = token
  }
  return fetch(`${world.url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) })
}

export const chat = (model: string, stream = false) => ({
  model,
  stream,
  messages: [{ role: 'user', content: 'hi' }],
})

/**
 * Adds a Vertex credential (project my-proj, us-central1) for the fake's service account and
 * registers gemini-2.5-flash on it; reached through startGatewayAt (Vertex has no base URL).
 */
export async function addVertexCredential(
  world: GatewayWorld,
  serviceAccount: { json: unknown },
): Promise<string> {
  const c = await world.ctx.credentials.create({
    provider: 'vertex',
    name: 'Vertex',
    project: 'my-proj',
    location: 'us-central1',
    serviceAccountJson: JSON.stringify(serviceAccount.json),
  } as never)
  await world.register(c.id, 'gemini-2.5-flash')
  return c.id
}

/**
 * A second gateway over the world's store that sees every credential with `baseUrl` put in:
 * Vertex has no base-URL field (its host comes from the location), so this is how a gateway
 * reaches the Vertex fake, as the Vertex adapter tests do. Close it with `close()`.
 */
export function startGatewayAt(world: GatewayWorld, baseUrl: string) {
  return startGateway(
    {
      snapshot: createSnapshot({
        read: () => world.ctx.store.read(),
        file: null,
        getDecrypted: async (id) => ({
          ...(await world.ctx.credentials.getDecrypted(id)),
          baseUrl,
        }),
      }),
      recorder: createUsageRecorder(async () => undefined, 0),
      fetch: createGuardedFetch({ defaultTimeoutMs: 5_000, env: {} }),
      getProvider,
      pool: createPoolState(),
      now: Date.now,
    },
    { port: 0 },
  )
}
