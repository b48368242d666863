/**
 * The Gateway page's data (DESIGN §14): the gateway's state, tokens (never a token itself: a new
 * token lives only in the creating form's state until the user dismisses it), usage and limits.
 * Main is the source of truth; this caches its answers.
 */
import { create } from 'zustand'
import type {
  GatewayLimitsView,
  GatewayStatusView,
  GatewayTokenCreated,
  GatewayTokenCreateRequest,
  GatewayTokenView,
  GatewayUsageView,
} from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { registerLateStore } from './late-routes'

interface GatewayState {
  status: GatewayStatusView | null
  tokens: GatewayTokenView[] | null
  usage: GatewayUsageView[] | null
  limits: GatewayLimitsView[] | null
  models: string[]
  /** Reads everything; each part fails alone (a failure leaves the last known value). */
  load: () => Promise<void>
  refreshUsage: () => Promise<void>
  /** Switches the gateway on or off (throws ApiError); the status says whether it started. */
  setEnabled: (enabled: boolean, port?: number) => Promise<GatewayStatusView>
  /** Creates a token and returns it for showing once; the store keeps only its listing. */
  createToken: (req: GatewayTokenCreateRequest) => Promise<GatewayTokenCreated>
  removeToken: (id: string) => Promise<void>
  /** Main said the gateway started or stopped (the tray, a failed start). */
  statusChanged: (status: GatewayStatusView) => void
}

export const useGatewayStore = create<GatewayState>((set, get) => ({
  status: null,
  tokens: null,
  usage: null,
  limits: null,
  models: [],
  load: async () => {
    const g = api().gateway
    const [status, tokens, usage, limits, models] = await Promise.allSettled([
      unwrap(g.status({})),
      unwrap(g.tokens({})),
      unwrap(g.usage({})),
      unwrap(g.limits({})),
      unwrap(g.models({})),
    ])
    set({
      ...(status.status === 'fulfilled' ? { status: status.value } : {}),
      ...(tokens.status === 'fulfilled' ? { tokens: tokens.value } : {}),
      ...(usage.status === 'fulfilled' ? { usage: usage.value } : {}),
      ...(limits.status === 'fulfilled' ? { limits: limits.value } : {}),
      ...(models.status === 'fulfilled' ? { models: models.value } : {}),
    })
  },
  refreshUsage: async () => {
    const g = api().gateway
    const [usage, limits, tokens] = await Promise.all([
      unwrap(g.usage({})),
      unwrap(g.limits({})),
      unwrap(g.tokens({})),
    ])
    set({ usage, limits, tokens })
  },
  setEnabled: async (enabled, port) => {
    const status = await unwrap(
      api().gateway.setEnabled(port === undefined ? { enabled } : { enabled, port }),
    )
    set({ status })
    return status
  },
  createToken: async (req) => {
    const created = await unwrap(api().gateway.createToken(req))
    set({ tokens: await unwrap(api().gateway.tokens({})) })
    return created
  },
  removeToken: async (id) => {
    await unwrap(api().gateway.removeToken({ id }))
    set({ tokens: (get().tokens ?? []).filter((t) => t.id !== id) })
  },
  statusChanged: (status) => set({ status }),
}))

registerLateStore('gateway', {
  statusChanged: (status) => useGatewayStore.getState().statusChanged(status),
})
