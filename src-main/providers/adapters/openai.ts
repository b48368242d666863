/**
 * One adapter for every OpenAI-shaped API (openai, groq, mistral, deepseek, xai, openrouter,
 * dashscope, minimax, novita, ppq, omlx, openai_compatible; LM Studio reuses it). Provider
 * differences live in the QUIRKS table (openai-quirks.ts), not in switches. Test and discovery
 * use plain calls through the guarded fetch (their quirks — OpenRouter's `/key`, pagination
 * links, compat servers without a listing — do not fit the SDK; openai-listing.ts reads the
 * pages); model tests use the `openai` SDK (openai-model-test.ts, shared with Azure).
 */
import { AppError } from '../../errors'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  ModelTestOutcome,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import type { ModelType } from '../../../src-preload/contract/models-shared'
import { call, displayUrl, isObject, parseJson, throwOutcome } from './http'
import { resolveRoot } from './api-request'
import { withLimits } from './probe'
import { mergeLimits } from '../limits'
import { toDiscovered, type ListedModel } from './openai-models'
import { sdkClient } from './openai-sdk'
import { speakMistral, speakXai, voiceFor, type SpeechCall } from './openai-speech'
import { entryFor } from '../base-url'
import {
  errorOutcome,
  failureOutcome,
  listedOutcome,
  listingUnsupportedError,
  notConfigured,
  statusOf,
  type FailureFacts,
} from './outcome'
import { codeForStatus } from './failure-code'
import { openAiBodyRule, quirksOf as quirks, type Quirks } from './openai-quirks'
import { asListing, authHeaders, isListing, listAll, listUrl, secretsOf } from './openai-listing'
import { modelTestRoot, runModelTest, type ModelTestPlan } from './openai-model-test'

/** Root URL, or the not_configured outcome naming what is missing. */
function setup(cred: DecryptedCredential, ctx: AdapterContext): string | TestOutcome {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') return root
  if (!cred.apiKey && !quirks(ctx).keyOptional)
    return notConfigured(ctx.entry, 'no API key is set.')
  return root
}

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
