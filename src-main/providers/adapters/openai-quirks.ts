/**
 * How each OpenAI-shaped provider differs (the QUIRKS table) and how a bad key reads in a body:
 * data, not switches, for the OpenAI-shaped adapter (openai.ts).
 */
import type { AdapterContext } from '../adapter-types'
import type { ProviderId } from '../catalog-types'
import type { ModelType } from '../../../src-preload/contract/models-shared'
import type { Limits } from '../limits'
import { isObject } from './http'
import type { MetadataKind } from './openai-models'
import type { BodyRule } from './failure-code'

/**
 * An authenticated call that proves a key where the listing does not (the listing is public):
 * its path (from the root, or from the origin for account routes outside the versioned API) and
 * how its answer reads the remaining credit.
 */
export interface KeyTest {
  method: 'GET' | 'POST'
  path: string
  fromOrigin?: boolean
  /** What the answer says about money and limits. */
  limits: (json: Record<string, unknown>) => Partial<Limits>
}

export interface Quirks {
  /** The key may be absent (local and self-hosted servers). */
  keyOptional?: boolean
  /** 404/405 on `/models` means "no listing", not a broken server. */
  listingOptional?: boolean
  /** The listing proves nothing without a key: test this authenticated call instead. */
  keyTest?: KeyTest
  /** After a good test, the account balance from this path at the origin (DeepSeek). */
  balance?: { path: string; credit: (json: Record<string, unknown>) => number | null }
  /** Query the listing needs to show every model type. */
  listQuery?: Record<string, string>
  /** Extra listings whose models all have one type (OpenRouter embeddings). */
  extraListings?: Array<{ path: string; type: ModelType }>
  metadata?: MetadataKind
  /** Chat parameter for the token cap (OpenAI's reasoning models refuse `max_tokens`). */
  tokenParam?: 'max_tokens' | 'max_completion_tokens'
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

const COMPAT: Quirks = { keyOptional: true, listingOptional: true }

const QUIRKS: Partial<Record<ProviderId, Quirks>> = {
  openai: { tokenParam: 'max_completion_tokens' },
  openrouter: {
    // GET /api/v1/key → {data: {label, limit, usage, limit_remaining, …}}
    // (openrouter.ai/docs/api-reference/limits); the model listings need no key.
    keyTest: {
      method: 'GET',
      path: '/key',
      // `limit` is a spending cap in USD (null: none), not a request count.
      limits: (j) => (isObject(j.data) ? { credit: num(j.data.limit_remaining) } : {}),
    },
    // Without output_modalities=all the listing holds text-output models only
    // (openrouter.ai/docs/api_reference/models: "By default … returns text-output models only").
    listQuery: { output_modalities: 'all' },
    extraListings: [{ path: '/embeddings/models', type: 'embedding' }],
    metadata: 'openrouter',
  },
  mistral: { metadata: 'mistral' },
  // GET https://api.deepseek.com/user/balance → {is_available, balance_infos: [{currency,
  // total_balance: "110.00", …}]} (api-docs.deepseek.com/api/get-user-balance).
  deepseek: {
    balance: {
      path: '/user/balance',
      credit: (j) => {
        const infos = Array.isArray(j.balance_infos) ? j.balance_infos.filter(isObject) : []
        const pick = infos.find((i) => i.currency === 'USD') ?? infos[0]
        // The docs send a decimal string; Number() of anything else could throw, or mean nothing.
        const raw = pick?.total_balance
        const n = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : NaN
        return Number.isFinite(n) ? n : null
      },
    },
  },
  ppq: {
    // `GET /v1/models` is public (ppq.ai/api-docs), so a wrong key would list fine: the test
    // asks for the balance instead, `POST https://api.ppq.ai/credits/balance` → {balance}.
    keyTest: {
      method: 'POST',
      path: '/credits/balance',
      fromOrigin: true,
      limits: (j) => ({ credit: num(j.balance) }),
    },
    listQuery: { type: 'all' },
  },
  omlx: COMPAT,
  lmstudio: COMPAT,
  openai_compatible: COMPAT,
}

/** The quirks of the provider behind `ctx` (none for a plain OpenAI-shaped server). */
export const quirksOf = (ctx: AdapterContext): Quirks => QUIRKS[ctx.entry.id] ?? {}

/**
 * A bad key answered with 400 (xAI: "Incorrect API key provided"), not 401. xAI's body may come
 * URL-encoded ("Incorrect%20API%20key%20provided"), so it is decoded before matching.
 */
export const openAiBodyRule: BodyRule = (status, body) =>
  status === 400 &&
  /incorrect api key|invalid api key|invalid_api_key|api key not valid/i.test(decoded(body))
    ? 'auth_invalid'
    : null

function decoded(body: string): string {
  if (!/%[0-9a-f]{2}/i.test(body)) return body
  try {
    return decodeURIComponent(body.replace(/\+/g, ' '))
  } catch {
    return body
  }
}
