/**
 * Channels of the gateway domain (DESIGN §14): the local gateway's on/off state and port, its
 * per-app tokens, usage per token × model, and each credential's latest rate limits. A new
 * token travels main → renderer exactly once, in `gateway:createToken`'s answer (it is the
 * gateway's own token, never a provider key); lists carry only its last 4 characters.
 */
import { z } from 'zod'
import type { ErrorBody } from './errors'
import { channel, event } from './define'

/** `gateway:status`: whether the app runs the gateway and where. */
export interface GatewayStatusView {
  /** The remembered switch (off by default). */
  enabled: boolean
  running: boolean
  /** `http://127.0.0.1:PORT` while running, else null. */
  url: string | null
  /** The configured port. */
  port: number
  /** Why the last start failed (e.g. `conflict` for a port in use), else null. */
  error: ErrorBody | null
}

/** One token as lists show it (never the token itself). */
export interface GatewayTokenView {
  id: string
  name: string
  /** The token's last 4 characters. */
  hint: string
  models: string[] | null
  rpm: number | null
  expiresAt: string | null
  createdAt: string
  lastUsedAt: string | null
  expired: boolean
}

/** DESIGN §14 `gateway token add` JSON: the only time the token is shown. */
export interface GatewayTokenCreated {
  id: string
  name: string
  token: string
  models: string[] | null
  rpm: number | null
  expiresAt: string | null
}

/** DESIGN §14 `gateway usage` JSON row. */
export interface GatewayUsageView {
  tokenId: string
  name: string
  model: string
  requests: number
  errors: number
  inputTokens: number
  outputTokens: number
}

/** A credential's latest rate-limit state as the gateway saw it. */
export interface GatewayLimitsView {
  credentialId: string
  credentialName: string
  provider: string
  at: string | null
  requestsLimit: number | null
  requestsRemaining: number | null
  requestsReset: string | null
  tokensLimit: number | null
  tokensRemaining: number | null
  tokensReset: string | null
  /** Disabled after a 401/403 until a connection test passes. */
  disabled: boolean
}

export const GatewayPort = z.number().int().min(1024).max(65535)
export const GatewayTokenName = z.string().trim().min(1).max(100)
export const GatewayModelName = z.string().trim().min(1).max(300)

export const GatewayTokenCreateRequest = z
  .object({
    name: GatewayTokenName,
    /** Allowed model names; empty or absent = every model. */
    models: z.array(GatewayModelName).max(200).optional(),
    rpm: z.number().int().min(1).max(100_000).nullable().optional(),
    /** Expiry from now in ms; null or absent = never. */
    expiresInMs: z
      .number()
      .int()
      .min(60_000)
      .max(10 * 365 * 86_400_000)
      .nullable()
      .optional(),
  })
  .strict()
export type GatewayTokenCreateRequest = z.infer<typeof GatewayTokenCreateRequest>

const Empty = z.object({}).strict()

export const gatewayChannels = {
  'gateway:status': channel<GatewayStatusView>()(Empty),
  'gateway:setEnabled': channel<GatewayStatusView>()(
    z.object({ enabled: z.boolean(), port: GatewayPort.optional() }).strict(),
  ),
  'gateway:tokens': channel<GatewayTokenView[]>()(Empty),
  'gateway:createToken': channel<GatewayTokenCreated>()(GatewayTokenCreateRequest),
  'gateway:removeToken': channel<{ id: string }>()(
    z.object({ id: z.string().min(1).max(100) }).strict(),
  ),
  'gateway:usage': channel<GatewayUsageView[]>()(Empty),
  'gateway:limits': channel<GatewayLimitsView[]>()(Empty),
  /** Model names a token can be limited to (registered names and `default:` aliases). */
  'gateway:models': channel<string[]>()(Empty),
}

export const gatewayEvents = {
  /** The gateway started or stopped (from the page, the tray, or a failed start). */
  'gateway:changed': event<GatewayStatusView>(),
}
