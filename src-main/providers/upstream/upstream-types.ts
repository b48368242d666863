/** What the gateway needs to call one credential's provider (built by upstream.ts). */
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type { GuardedFetch } from '../adapter-types'
import type { BodyRule } from '../adapters/failure-code'
import type { GatewayShape } from './upstream-routes'

export interface Upstream {
  shape: GatewayShape
  /** The URL of a gateway route (`/chat/completions`, …) for a model; null when not served. */
  url(path: string, model: string, type: ModelType): string | null
  /** The model id the request body carries (Vertex wants `google/<name>`). */
  bodyModel(name: string): string
  /** The auth headers (carry the real key or token; never logged, never returned). */
  headers(fetch: GuardedFetch, signal: AbortSignal): Promise<Record<string, string>>
  /**
   * Only where auth is a renewable access token (Vertex): the upstream refused this
   * `authorization` with 401, so it is no longer kept and the next `headers` gets a fresh one.
   */
  renewAuth?(refused: string | undefined): void
  /** The secrets to scrub from any upstream text that reaches a client (grows with tokens). */
  secrets: string[]
  /** Reads a 4xx body that means a bad key (xAI's 400 "Incorrect API key", Google's 400). */
  bodyRule: BodyRule
  /** True when a streamed request may carry `stream_options.include_usage` (./stream-usage.ts). */
  streamUsage: boolean
}
