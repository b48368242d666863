/**
 * Azure OpenAI (DESIGN §5, §12). Inference addresses *deployments*
 * (`{endpoint}/openai/deployments/{name}/…?api-version=…`, header `api-key`), so the test and
 * discovery list deployments, not base models.
 *
 * Choice (docs): the data-plane route `GET {endpoint}/openai/deployments` is the only listing a
 * resource key can read; Microsoft dropped it from the GA inference api-versions (2023-05-15 and
 * later answer 404) but still serves it with `2023-03-15-preview`, which SDKs and tools keep
 * using for exactly this. We call that route with that pinned version. Where a resource no
 * longer answers it, the test proves the key with `GET /openai/models?api-version=<yours>`
 * (`ok_listing_unsupported`) and discovery says to add deployment names by hand. Model tests use
 * the credential's own api-version and the per-modality endpoint when one is set.
 */
import { MODEL_TYPE_KEYS } from '../../../src-preload/contract/model-types'
import { AppError } from '../../errors'
import { normalizeBaseUrl } from '../base-url'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  ModelTestOutcome,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import { classifyByName, excludedKind } from '../classify'
import type { ModelType } from '../../../src-preload/contract/models-shared'
import { call, displayUrl, fetchJson, isObject, parseJson } from './http'
import { resolveRoot } from './api-request'
import { openAiBodyRule } from './openai-quirks'
import { runModelTest } from './openai-model-test'
import { sdkClient } from './openai-sdk'
import { errorOutcome, failureOutcome, notConfigured, type FailureFacts } from './outcome'
import { codeForStatus } from './failure-code'

/** The api-version that still serves the data-plane deployments listing. */
export const DEPLOYMENTS_API_VERSION = '2023-03-15-preview'
/** Used when the credential names none (Open Notebook's default, a GA version). */
export const DEFAULT_API_VERSION = '2024-10-21'

/** A listed deployment; only `id` is checked by isDeployments, the rest is unchecked JSON. */
interface Deployment {
  id: string
  model?: unknown
  status?: unknown
}
const isDeployments = (j: unknown): j is { data: Deployment[] } =>
  isObject(j) &&
  Array.isArray(j.data) &&
  j.data.every((d) => isObject(d) && typeof d.id === 'string')
const isModels = (j: unknown): j is { data: unknown[] } => isObject(j) && Array.isArray(j.data)

interface Setup {
  endpoint: string
  key: string
  apiVersion: string
}

function setup(cred: DecryptedCredential, ctx: AdapterContext): Setup | TestOutcome {
  const endpoint = resolveRoot(cred, ctx.entry)
  if (typeof endpoint !== 'string') {
    return notConfigured(
      ctx.entry,
      'no endpoint is set.',
      'Enter the resource endpoint, e.g. https://my-resource.openai.azure.com',
    )
  }
  if (!cred.apiKey) return notConfigured(ctx.entry, 'no API key is set.')
  return { endpoint, key: cred.apiKey, apiVersion: cred.apiVersion?.trim() || DEFAULT_API_VERSION }
}

const headers = (key: string) => ({ 'api-key': key, accept: 'application/json' })
const deploymentsUrl = (endpoint: string) =>
  `${endpoint}/openai/deployments?api-version=${DEPLOYMENTS_API_VERSION}`

/**
 * Usable deployments: ones whose provisioning failed or that are being deleted are left out, and
 * ones without a name. A status that is not text says nothing (a regex test of it could throw).
 */
const usable = (d: Deployment) =>
  d.id !== '' && (typeof d.status !== 'string' || !/failed|delet|cancel/i.test(d.status))

async function test(cred: DecryptedCredential, ctx: AdapterContext): Promise<TestOutcome> {
  const s = setup(cred, ctx)
  if ('code' in s) return s
  const url = deploymentsUrl(s.endpoint)
  const facts: FailureFacts = { entry: ctx.entry, secrets: [s.key], url: displayUrl(url) }
  try {
    const a = await call(ctx, cred, { url, headers: headers(s.key) })
    const f = { ...facts, status: a.status, body: a.text }
    if (a.status >= 200 && a.status < 300) {
      const names = parseJson(a, f, isDeployments)
        .data.filter(usable)
        .map((d) => d.id)
      const shown =
        names.slice(0, 3).join(', ') + (names.length > 3 ? ` (+${names.length - 3} more)` : '')
      return {
        code: 'ok',
        message: names.length
          ? `Connected. ${names.length} deployments: ${shown}.`
          : 'Connected. No deployments yet.',
        details: { modelCount: names.length },
        params: { provider: ctx.entry.id, count: names.length },
      }
    }
    if (a.status !== 404) return failureOutcome(codeForStatus(a.status, a.text, openAiBodyRule), f)
    // The resource no longer serves the deployments listing: prove the key another way.
    const modelsUrl = `${s.endpoint}/openai/models?api-version=${encodeURIComponent(s.apiVersion)}`
    const m = await call(ctx, cred, { url: modelsUrl, headers: headers(s.key) })
    const mf = { ...facts, url: displayUrl(modelsUrl), status: m.status, body: m.text }
    if (m.status >= 200 && m.status < 300) {
      parseJson(m, mf, isModels)
      return {
        ...failureOutcome('ok_listing_unsupported', mf),
        message:
          'Connected, but this resource does not list its deployments; add deployment names by hand.',
      }
    }
    return failureOutcome(codeForStatus(m.status, m.text, openAiBodyRule), mf)
  } catch (err) {
    return errorOutcome(err, facts)
  }
}

/** Every distinct endpoint of the credential: the main one and any per-modality override. */
function endpointsOf(cred: DecryptedCredential, ctx: AdapterContext, main: string): string[] {
  const extra = Object.values(cred.endpoints ?? {})
    .filter((e): e is string => typeof e === 'string' && e.trim() !== '')
    .map((e) => normalizeBaseUrl(e, ctx.entry))
  return [...new Set([main, ...extra])]
}

async function discover(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): Promise<DiscoveredModel[]> {
  const s = setup(cred, ctx)
  if ('code' in s) throw new AppError('not_configured', s.message, { provider: ctx.entry.id })
  const out = new Map<string, DiscoveredModel>()
  for (const endpoint of endpointsOf(cred, ctx, s.endpoint)) {
    let list: { data: Deployment[] }
    try {
      list = await fetchJson(
        ctx,
        cred,
        { url: deploymentsUrl(endpoint), headers: headers(s.key) },
        [s.key],
        isDeployments,
        openAiBodyRule,
      )
    } catch (err) {
      if (err instanceof AppError && err.params?.status === 404) {
        throw new AppError(
          'unsupported',
          'Azure OpenAI: this resource does not list its deployments; add deployment names by hand.',
          { provider: ctx.entry.id, status: 404 },
        )
      }
      throw err
    }
    for (const d of list.data.filter(usable)) {
      // The base model names the type; a `model` that is not text is ignored.
      const model = typeof d.model === 'string' && d.model ? d.model : null
      const base = model ?? d.id
      if (out.has(d.id) || excludedKind(base)) continue
      out.set(d.id, {
        name: d.id,
        type: classifyByName(base, 'azure'),
        typeSource: 'name',
        ...(model && model !== d.id ? { displayName: `${d.id} (${model})` } : {}),
      })
    }
  }
  return [...out.values()]
}

async function modelTest(
  cred: DecryptedCredential,
  model: { name: string; type: ModelType },
  ctx: AdapterContext,
): Promise<ModelTestOutcome> {
  const s = setup(cred, ctx)
  if ('code' in s) return { ok: false, code: s.code, message: s.message }
  let endpoint = s.endpoint
  const override = cred.endpoints?.[MODEL_TYPE_KEYS[model.type]]
  if (override?.trim()) {
    try {
      endpoint = normalizeBaseUrl(override, ctx.entry)
    } catch (err) {
      return { ok: false, code: 'not_configured', message: (err as AppError).message }
    }
  }
  const client = sdkClient(cred, ctx, {
    root: `${endpoint}/openai/deployments/${encodeURIComponent(model.name)}`,
    headers: { 'api-key': s.key },
    query: { 'api-version': s.apiVersion },
    bearer: false,
  })
  return runModelTest(
    model.type,
    {
      client,
      model: model.name,
      // `max_completion_tokens` exists from 2024-09-01 on; reasoning deployments need it.
      tokenParam: s.apiVersion >= '2024-09-01' ? 'max_completion_tokens' : 'max_tokens',
      voice: 'alloy',
      ...(ctx.sttClip ? { sttClip: ctx.sttClip } : {}),
    },
    ctx,
    [s.key],
  )
}

/** The Azure OpenAI adapter (apiShape `azure`). */
export const azureAdapter: ProviderAdapter = { test, discover, modelTest }
