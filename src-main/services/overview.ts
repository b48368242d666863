/**
 * The overview behind `home:overview` (issue 16): one read of the store, the credentials' views
 * (for `decryption_error`), the defaults view, the last local sweep and the gateway's status,
 * folded into what the landing page shows. "Needs attention" is computed here (attention.ts), so
 * the renderer renders and never decides.
 */
import type { DefaultsView } from '../../src-preload/contract/defaults'
import type { DetectResult } from '../../src-preload/contract/local'
import type { GatewayStatusView } from '../../src-preload/contract/gateway'
import type { Overview, OverviewServer, OverviewSlot } from '../../src-preload/contract/home'
import { defaultSlots } from '../../src-preload/contract/slot-names'
import type { Store } from '../store/schema'
import { computeAttention, healthOf, type AttentionCredential } from './attention'

export interface OverviewDeps {
  store: Pick<Store, 'read'>
  /** The credentials as the app lists them (status says whether the secret decrypts). */
  listCredentials: () => Promise<readonly (AttentionCredential & { isPrimary: boolean })[]>
  defaults: () => Promise<DefaultsView>
  lastDetection: () => DetectResult | null
  gateway: () => Promise<GatewayStatusView>
  /** Whether "Skip for now" was chosen on the first-run screen. */
  firstRunDismissed: () => boolean
  clock: () => Date
}

export interface OverviewService {
  get(): Promise<Overview>
}

export function createOverviewService(deps: OverviewDeps): OverviewService {
  return {
    async get() {
      const [data, credentials, defaults, gateway] = await Promise.all([
        deps.store.read(),
        deps.listCredentials(),
        deps.defaults(),
        deps.gateway(),
      ])
      const now = deps.clock()
      const modelsById = new Map(data.models.map((m) => [m.id, m]))
      const storeEmpty = data.credentials.length === 0 && data.models.length === 0
      const slots: OverviewSlot[] = defaultSlots.map((slot) => {
        const view = defaults.slots[slot]
        const model = view.modelId ? modelsById.get(view.modelId) : undefined
        return {
          slot,
          required: view.required,
          modelId: view.modelId,
          modelName: model?.name ?? null,
          provider: model?.provider ?? null,
          fallback: view.fallback,
          problem: view.problem,
        }
      })
      const last = deps.lastDetection()
      const serverBases = new Set(data.credentials.map((c) => c.baseUrl).filter(Boolean))
      const local = last
        ? {
            servers: last.servers.map((s): OverviewServer => ({
              kind: s.kind,
              baseUrl: s.baseUrl,
              state: s.state,
              modelCount: s.models.length,
              connected: serverBases.has(s.credentialBaseUrl) || serverBases.has(s.baseUrl),
            })),
          }
        : null
      return {
        storeEmpty,
        firstRun: storeEmpty && !deps.firstRunDismissed(),
        credentials: credentials.map((c) => {
          const t = data.lastTests[c.id]
          return {
            id: c.id,
            provider: c.provider,
            name: c.name,
            isPrimary: c.isPrimary,
            health: healthOf(c, t, now),
            lastTest: t ? { code: t.code, at: t.at, latencyMs: t.latencyMs } : null,
          }
        }),
        modelCount: data.models.length,
        slots,
        local,
        gateway: {
          enabled: gateway.enabled,
          running: gateway.running,
          url: gateway.url,
          port: gateway.port,
        },
        attention: computeAttention({
          credentials,
          lastTests: data.lastTests,
          slots: data.defaults.slots,
          modelIds: new Set(modelsById.keys()),
          now,
        }),
      }
    },
  }
}
