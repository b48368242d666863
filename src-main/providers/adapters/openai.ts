/**
 * One adapter for every OpenAI-shaped API (openai, groq, mistral, deepseek, xai, openrouter,
 * dashscope, minimax, novita, ppq, omlx, openai_compatible; LM Studio reuses it). Provider
 * differences live in the QUIRKS table, not in switches. Test and discovery use plain calls
 * through the guarded fetch (their quirks — OpenRouter's `/key`, pagination links, compat
 * servers without a listing — do not fit the SDK); model tests use the `openai` SDK.
 */
import { toFile } from 'openai'
import type OpenAI from 'openai'
import { AppError } from '../../errors'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  ModelTestOutcome,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import type { CatalogEntry, ProviderId } from '../catalog-types'
import type { ModelType } from '../../../src-preload/contract/models-shared'
import {
  call,
  displayUrl,
  fetchJson,
  isObject,
  parseJson,
  resolveRoot,
  throwOutcome,
  withLimits,
} from './http'
import { mergeLimits, type Limits } from '../limits'
import {
  audioResult,
  dimensionsResult,
  replyResult,
  speechClip,
  timedModelTest,
  transcriptResult,
  type ModelTestResult,
} from './model-test'
import { toDiscovered, type ListedModel, type MetadataKind } from './openai-models'
import { fromSdkError, sdkClient } from './openai-sdk'
import { speakMistral, speakXai, voiceFor, type SpeechCall } from './openai-speech'
import { entryFor } from '../base-url'
import {
  codeForStatus,
  errorOutcome,
  failureOutcome,
  listedOutcome,
  listingUnsupportedError,
  notConfigured,
  statusOf,
  type BodyRule,
  type FailureFacts,
} from './outcome'

/**
 * An authenticated call that proves a key where the listing does not (the listing is public):
 * its path (from the root, or from the origin for account routes outside the versioned API) and
 * how its answer reads the remaining credit.
 */
interface KeyTest {
  method: 'GET' | 'POST'
  path: string
  fromOrigin?: boolean
  /** What the answer says about money and limits. */
  limits: (json: Record<string, unknown>) => Partial<Limits>
}

interface Quirks {
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
        const n = pick ? Number(pick.total_balance) : NaN
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

/** A server that keeps paging must not keep us paging forever. */
const MAX_PAGES = 50

const quirks = (ctx: AdapterContext): Quirks => QUIRKS[ctx.entry.id] ?? {}
const secretsOf = (cred: DecryptedCredential): string[] => (cred.apiKey ? [cred.apiKey] : [])

function authHeaders(cred: DecryptedCredential): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' }
  if (cred.apiKey) h.authorization = `Bearer ${cred.apiKey}`
  return h
}

/** Root URL, or the not_configured outcome naming what is missing. */
function setup(cred: DecryptedCredential, ctx: AdapterContext): string | TestOutcome {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') return root
  if (!cred.apiKey && !quirks(ctx).keyOptional)
    return notConfigured(ctx.entry, 'no API key is set.')
  return root
}

function listUrl(root: string, q: Quirks, path = '/models'): string {
  const url = new URL(`${root}${path}`)
  for (const [k, v] of Object.entries(q.listQuery ?? {})) url.searchParams.set(k, v)
  return url.toString()
}

interface Listing {
  data: ListedModel[]
  has_more?: boolean
  last_id?: string
  next?: string | null
  /** OpenRouter: `links.next` ("/api/v1/models?offset=500&limit=500", null on the last page). */
  links?: { next?: string | null }
}

function isListing(j: unknown): j is Listing {
  // Some servers (Together, a few proxies) answer a bare array instead of `{ data }`.
  const data = Array.isArray(j) ? j : isObject(j) ? j.data : undefined
  return (
    Array.isArray(data) && data.every((m) => isObject(m) && typeof m.id === 'string' && m.id !== '')
  )
}
const asListing = (j: Listing | ListedModel[]): Listing => (Array.isArray(j) ? { data: j } : j)

/**
 * A 404 at `{root}/models` while `{root}/v1/models` answers: the base URL lacks `/v1`. Probed
 * only when the root does not already end in a version segment.
 */
async function missingV1(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  root: string,
  facts: FailureFacts,
): Promise<TestOutcome | null> {
  if (/\/v\d+[a-z0-9]*$/i.test(root)) return null
  try {
    const a = await call(ctx, cred, { url: `${root}/v1/models`, headers: authHeaders(cred) })
    if (a.status < 200 || a.status >= 300) return null
    parseJson(a, facts, isListing)
  } catch {
    return null
  }
  const suggested = `${root}/v1`
  return {
    code: 'server_error',
    message: `${ctx.entry.displayName} answered 404 at ${facts.url}, but ${displayUrl(`${suggested}/models`)} exists.`,
    hint: `Add /v1 to the base URL: ${suggested}`,
    params: {
      provider: ctx.entry.id,
      status: 404,
      reason: 'missing_v1',
      suggestedBaseUrl: suggested,
    },
  }
}

/** The entry as this credential sees it (a DashScope region's own key page). */
const regional = (cred: DecryptedCredential, ctx: AdapterContext): AdapterContext => ({
  ...ctx,
  entry: entryFor(ctx.entry, cred),
})

async function test(cred: DecryptedCredential, base: AdapterContext): Promise<TestOutcome> {
  const ctx = regional(cred, base)
  const root = setup(cred, ctx)
  if (typeof root !== 'string') return root
  const q = quirks(ctx)
  const kt = q.keyTest
  const url = kt ? `${kt.fromOrigin ? new URL(root).origin : root}${kt.path}` : listUrl(root, q)
  const facts: FailureFacts = { entry: ctx.entry, secrets: secretsOf(cred), url: displayUrl(url) }
  try {
    const a = await call(ctx, cred, {
      url,
      method: kt?.method ?? 'GET',
      headers:
        kt?.method === 'POST'
          ? { ...authHeaders(cred), 'content-type': 'application/json' }
          : authHeaders(cred),
      ...(kt?.method === 'POST' ? { body: '{}' } : {}),
    })
    const f = { ...facts, status: a.status, body: a.text }
    if (a.status >= 200 && a.status < 300) {
      if (kt) {
        const said = kt.limits(parseJson(a, f, isObject))
        const credit = said.credit ?? null
        return withLimits(
          {
            code: 'ok',
            message: `Key works. ${credit === null ? 'No credit limit set' : `Credit left: ${credit}`}.`,
            details: { credit },
            params: { provider: ctx.entry.id, ...(credit === null ? {} : { credit }) },
            ...(mergeLimits(null, said) ? { limits: mergeLimits(null, said)! } : {}),
          },
          a,
        )
      }
      const listed = listedOutcome(ctx.entry, asListing(parseJson(a, f, isListing)).data.length)
      return withLimits(await withBalance(cred, ctx, root, q, listed), a)
    }
    if (a.status === 404) {
      const hint = await missingV1(cred, ctx, root, f)
      if (hint) return hint
    }
    if (q.listingOptional && (a.status === 404 || a.status === 405)) {
      return failureOutcome('ok_listing_unsupported', f)
    }
    // A 429 often says when to come back (retry-after, x-ratelimit-reset-*).
    return withLimits(failureOutcome(codeForStatus(a.status, a.text, openAiBodyRule), f), a)
  } catch (err) {
    return errorOutcome(err, facts)
  }
}

/**
 * A good test plus the account balance where the provider reports one (DeepSeek): best effort,
 * a failing balance call leaves the test as it was.
 */
async function withBalance(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  root: string,
  q: Quirks,
  o: TestOutcome,
): Promise<TestOutcome> {
  if (!q.balance) return o
  try {
    const url = `${new URL(root).origin}${q.balance.path}`
    const a = await call(ctx, cred, { url, headers: authHeaders(cred) })
    if (a.status < 200 || a.status >= 300) return o
    const credit = q.balance.credit(JSON.parse(a.text) as Record<string, unknown>)
    if (credit === null) return o
    return {
      ...o,
      details: { ...o.details, credit },
      limits: mergeLimits(o.limits, { credit })!,
    }
  } catch (err) {
    if (err instanceof AppError && err.code === 'cancelled') throw err
    return o
  }
}

/** Every item of a paged listing: `has_more` + `last_id` (→ `after`) or a same-origin `next` link. */
async function listAll(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  first: string,
): Promise<ListedModel[]> {
  const items: ListedModel[] = []
  const seen = new Set<string>()
  let url: string | null = first
  for (let page = 0; url && page < MAX_PAGES && !seen.has(url); page++) {
    seen.add(url)
    const body = asListing(
      await fetchJson(
        ctx,
        cred,
        { url, headers: authHeaders(cred) },
        secretsOf(cred),
        isListing,
        openAiBodyRule,
      ),
    )
    items.push(...body.data)
    url = nextPage(first, url, body)
  }
  return items
}

function nextPage(first: string, current: string, body: Listing): string | null {
  if (body.has_more && typeof body.last_id === 'string' && body.last_id) {
    const u = new URL(first)
    u.searchParams.set('after', body.last_id)
    return u.toString()
  }
  const next = body.links?.next ?? body.next
  if (typeof next === 'string' && next) {
    const u = new URL(next, current)
    // The key goes only where the user pointed it: a link to another origin is not followed.
    return u.origin === new URL(first).origin ? u.toString() : null
  }
  return null
}

async function discover(
  cred: DecryptedCredential,
  base: AdapterContext,
): Promise<DiscoveredModel[]> {
  const ctx = regional(cred, base)
  const root = setup(cred, ctx)
  if (typeof root !== 'string') throwOutcome(root)
  const q = quirks(ctx)
  let listed: ListedModel[]
  try {
    listed = await listAll(cred, ctx, listUrl(root, q))
  } catch (err) {
    const status = statusOf(err)
    if (q.listingOptional && (status === 404 || status === 405)) {
      throw listingUnsupportedError(ctx.entry, status)
    }
    throw err
  }
  const byName = new Map<string, DiscoveredModel>()
  const add = (m: DiscoveredModel | null) => {
    if (m && !byName.has(m.name)) byName.set(m.name, m)
  }
  // Extra typed listings first: their type is more specific than the main listing's.
  for (const extra of q.extraListings ?? []) {
    for (const m of await listAll(cred, ctx, listUrl(root, q, extra.path))) {
      add(toDiscovered(m, ctx.entry.id, q.metadata, extra.type))
    }
  }
  for (const m of listed) add(toDiscovered(m, ctx.entry.id, q.metadata))
  return [...byName.values()]
}

/** What a model test of each type does with an SDK client; shared with the Azure adapter. */
export interface ModelTestPlan {
  client: OpenAI
  model: string
  tokenParam: 'max_tokens' | 'max_completion_tokens'
  voice: string
  sttClip?: () => Promise<Buffer>
  /** A text-to-speech test that is not OpenAI's route (xAI, Mistral), run instead of the SDK's. */
  speak?: () => Promise<ModelTestResult>
}

const RUNNERS: Record<ModelType, (p: ModelTestPlan) => Promise<ModelTestResult>> = {
  async language(p) {
    const res = await p.client.chat.completions.create({
      model: p.model,
      messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
      [p.tokenParam]: 16,
    })
    // The SDK hands back a non-JSON body (a proxy page) as-is: that is not a completion.
    if (!Array.isArray(res?.choices)) {
      throw new AppError('server_error', 'The answer was not a chat completion.', {
        reason: 'invalid_body',
      })
    }
    return replyResult(res.choices[0]?.message?.content ?? '', '(empty reply)')
  },
  async embedding(p) {
    const res = await p.client.embeddings.create({
      model: p.model,
      input: 'Switchboard model test.',
      encoding_format: 'float',
    })
    const dimensions = res.data?.[0]?.embedding?.length ?? 0
    if (!dimensions)
      throw new AppError('server_error', 'The answer held no embedding.', {
        reason: 'invalid_body',
      })
    return dimensionsResult(dimensions)
  },
  async text_to_speech(p) {
    if (p.speak) return p.speak()
    const res = await p.client.audio.speech.create({
      model: p.model,
      voice: p.voice,
      input: 'Hello from Switchboard.',
      response_format: 'mp3',
    })
    const type = res.headers.get('content-type') ?? ''
    const data = new Uint8Array(await res.arrayBuffer())
    if (!data.length || /json|html|text/i.test(type)) {
      throw new AppError('server_error', 'The answer was not audio.', { reason: 'invalid_body' })
    }
    return audioResult(data, type.split(';')[0]?.trim() || 'audio/mpeg')
  },
  async speech_to_text(p) {
    const clip = await speechClip(p.sttClip)
    const file = await toFile(clip, 'switchboard-test.wav', { type: 'audio/wav' })
    const res = await p.client.audio.transcriptions.create({ model: p.model, file, language: 'en' })
    return transcriptResult(
      typeof res === 'string' ? res : (res.text ?? ''),
      '(no speech recognised)',
    )
  },
}

/** Runs one model test plan and wraps its result or failure with the latency. Never throws. */
export async function runModelTest(
  type: ModelType,
  plan: ModelTestPlan,
  ctx: AdapterContext,
  secrets: readonly string[],
): Promise<ModelTestOutcome> {
  return timedModelTest(ctx, secrets, () =>
    RUNNERS[type](plan).catch((raw: unknown) => {
      throw fromSdkError(raw, ctx, secrets, openAiBodyRule)
    }),
  )
}

/** The root a model test calls: audio models live on another base at some providers (PPQ),
 * unless the user overrode the base URL. */
export function modelTestRoot(
  cred: DecryptedCredential,
  entry: CatalogEntry,
  root: string,
  type: ModelType,
): string {
  const audio = type === 'text_to_speech' || type === 'speech_to_text'
  return audio && !cred.baseUrl?.trim() && entry.audioBaseUrl ? entry.audioBaseUrl : root
}

async function modelTest(
  cred: DecryptedCredential,
  model: { name: string; type: ModelType },
  base: AdapterContext,
): Promise<ModelTestOutcome> {
  const ctx = regional(cred, base)
  const apiRoot = setup(cred, ctx)
  if (typeof apiRoot !== 'string')
    return { ok: false, code: apiRoot.code, message: apiRoot.message }
  const root = modelTestRoot(cred, ctx.entry, apiRoot, model.type)
  const q = quirks(ctx)
  const speech = ctx.entry.speech
  const voice = voiceFor(speech, model.name)
  const call: SpeechCall = {
    ctx,
    cred,
    root,
    model: model.name,
    voice,
    headers: authHeaders(cred),
    secrets: secretsOf(cred),
    rule: openAiBodyRule,
  }
  const route = speech?.route ?? 'openai'
  const plan: ModelTestPlan = {
    client: sdkClient(cred, ctx, { root, bearer: Boolean(cred.apiKey) }),
    model: model.name,
    tokenParam: q.tokenParam ?? 'max_tokens',
    voice,
    ...(ctx.sttClip ? { sttClip: ctx.sttClip } : {}),
    ...(route === 'xai' ? { speak: () => speakXai(call) } : {}),
    ...(route === 'mistral' ? { speak: () => speakMistral(call) } : {}),
  }
  return runModelTest(model.type, plan, ctx, secretsOf(cred))
}

/** The OpenAI-shaped adapter (apiShape `openai`). */
export const openAiAdapter: ProviderAdapter = { test, discover, modelTest }
