/**
 * The Ollama adapter (DESIGN §5) through the `ollama` package with the guarded fetch. Test:
 * `/api/version` + `/api/tags` (a key, when set, goes as a Bearer token: Ollama behind a proxy or
 * Ollama's cloud). Discovery: `/api/tags`, each model typed by `/api/show` capabilities before
 * name rules, loaded state from `/api/ps`. Model test: `/api/chat` (with the credential's
 * `num_ctx`) or `/api/embed`.
 */
import { Ollama } from 'ollama'
import { AppError, scrub } from '../../errors'
import { classifyByName } from '../classify'
import { isImageGenerator, typeFromOllamaCapabilities } from '../reported-type'
import { withTextualError } from '../ollama-error-body'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  ModelTestOutcome,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import { displayUrl, isObject, isVector, throwOutcome } from './http'
import { resolveRoot } from './api-request'
import { modelTestByType, shortReply } from './model-test'
import {
  errorOutcome,
  failureOutcome,
  invalidBody,
  invalidBodyOutcome,
  responseError,
  type FailureFacts,
} from './outcome'
import { codeForStatus } from './failure-code'

/** Loading a model into memory for its first answer can take a while. */
const MODEL_TEST_TIMEOUT_MS = 120_000

const secretsOf = (cred: DecryptedCredential) => (cred.apiKey ? [cred.apiKey] : [])

/** An SDK client whose every request goes through the context's guarded fetch. */
function client(
  root: string,
  cred: DecryptedCredential,
  ctx: AdapterContext,
  timeoutMs?: number,
): Ollama {
  const fetchVia = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' || input instanceof URL ? input : input.url
    return ctx
      .fetch(url, {
        ...init,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        sendsSecret: Boolean(cred.apiKey),
        allowInsecureHttp: cred.allowInsecureHttp ?? false,
      })
      .then(withTextualError)
  }) as typeof fetch
  return new Ollama({
    host: root,
    fetch: fetchVia,
    ...(cred.apiKey ? { headers: { Authorization: `Bearer ${cred.apiKey}` } } : {}),
  })
}

/**
 * The names of an `/api/tags` or `/api/ps` listing: entries that are not objects, or whose
 * `name` is not a non-empty string, are skipped (the SDK hands the JSON over unchecked, and the
 * name rules or a join would throw on a value that cannot become text).
 */
function namesOf(models: unknown[]): string[] {
  return models
    .map((m) => (isObject(m) ? m.name : undefined))
    .filter((n): n is string => typeof n === 'string' && n !== '')
}

interface SdkError {
  name?: string
  message?: string
  status_code?: number
}

/** The SDK's errors as AppErrors: HTTP statuses through the shared table, bad JSON as invalid_body. */
function toAppError(err: unknown, facts: FailureFacts, ctx: AdapterContext): AppError {
  if (err instanceof AppError) return err
  if (ctx.signal?.aborted) return new AppError('cancelled', 'The request was cancelled.')
  const e = err as SdkError
  if (e?.name === 'ResponseError' && typeof e.status_code === 'number') {
    return responseError({
      ...facts,
      status: e.status_code,
      body: JSON.stringify({ error: e.message ?? '' }),
    })
  }
  if (e?.name === 'SyntaxError') return invalidBody(facts)
  return new AppError(
    'server_error',
    `Ollama: ${scrub(String(e?.message ?? err), facts.secrets)}`,
    {
      provider: 'ollama',
    },
  )
}

function testFailure(err: unknown, facts: FailureFacts, ctx: AdapterContext): TestOutcome {
  const e = err as SdkError
  if (
    !(err instanceof AppError) &&
    e?.name === 'ResponseError' &&
    typeof e.status_code === 'number'
  ) {
    const body = JSON.stringify({ error: e.message ?? '' })
    return failureOutcome(codeForStatus(e.status_code, body), {
      ...facts,
      status: e.status_code,
      body,
    })
  }
  if (!(err instanceof AppError) && e?.name === 'SyntaxError') return invalidBodyOutcome(facts)
  return errorOutcome(toAppError(err, facts, ctx), facts)
}

async function test(cred: DecryptedCredential, ctx: AdapterContext): Promise<TestOutcome> {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') return root
  const facts: FailureFacts = {
    entry: ctx.entry,
    secrets: secretsOf(cred),
    url: displayUrl(`${root}/api/tags`),
  }
  try {
    const c = client(root, cred, ctx)
    const [version, list] = await Promise.all([c.version(), c.list()])
    if (!Array.isArray(list?.models) || typeof version?.version !== 'string')
      return invalidBodyOutcome(facts)
    const names = namesOf(list.models)
    const shown = names.slice(0, 3).join(', ')
    const more = names.length > 3 ? ` (+${names.length - 3} more)` : ''
    const message = names.length
      ? `Connected to Ollama ${version.version}. ${names.length} model${names.length === 1 ? '' : 's'} available: ${shown}${more}.`
      : `Connected to Ollama ${version.version}, but no models are installed yet.`
    return {
      code: 'ok',
      message,
      ...(names.length
        ? {}
        : { hint: 'Pull a model (for example llama3.2:3b) from the Local page.' }),
      params: { provider: 'ollama', version: version.version, modelCount: names.length },
      details: { modelCount: names.length },
    }
  } catch (err) {
    return testFailure(err, facts, ctx)
  }
}

async function discover(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): Promise<DiscoveredModel[]> {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') throwOutcome(root)
  const facts: FailureFacts = {
    entry: ctx.entry,
    secrets: secretsOf(cred),
    url: displayUrl(`${root}/api/tags`),
  }
  const c = client(root, cred, ctx)
  let listed: Awaited<ReturnType<Ollama['list']>>
  try {
    listed = await c.list()
  } catch (err) {
    throw toAppError(err, facts, ctx)
  }
  if (!Array.isArray(listed?.models)) throw invalidBody(facts)
  const running = await c
    .ps()
    .then((r) => new Set(Array.isArray(r?.models) ? namesOf(r.models) : []))
    .catch(() => new Set<string>())
  const found = await Promise.all(
    (listed.models as unknown[]).map(async (m): Promise<DiscoveredModel | null> => {
      const name = isObject(m) ? m.name : undefined
      // An entry without a usable name cannot be registered: skipped, the rest are listed.
      if (!isObject(m) || typeof name !== 'string' || !name) return null
      const caps = await c
        .show({ model: name })
        .then((s) => (s as unknown as { capabilities?: unknown })?.capabilities)
        .catch(() => undefined)
      // Image generators are not language models: never offered, so never chat-tested.
      if (isImageGenerator(caps)) return null
      const apiType = typeFromOllamaCapabilities(caps)
      return {
        name,
        type: apiType ?? classifyByName(name, 'ollama'),
        typeSource: apiType ? 'api' : 'name',
        ...(typeof m.size === 'number' && m.size >= 0 ? { sizeBytes: m.size } : {}),
        loaded: running.has(name),
      }
    }),
  )
  return found.filter((m): m is DiscoveredModel => m !== null)
}

async function modelTest(
  cred: DecryptedCredential,
  model: { name: string; type: DiscoveredModel['type'] },
  ctx: AdapterContext,
): Promise<ModelTestOutcome> {
  const secrets = secretsOf(cred)
  const facts: FailureFacts = { entry: ctx.entry, secrets }
  const setup = () => {
    const root = resolveRoot(cred, ctx.entry)
    return typeof root === 'string'
      ? { root, c: client(root, cred, ctx, MODEL_TEST_TIMEOUT_MS) }
      : root
  }
  /** The SDK's failures as AppErrors, for the shared failure outcome. */
  const viaSdk = <T>(run: () => Promise<T>) =>
    run().catch((err: unknown) => {
      throw toAppError(err, facts, ctx)
    })
  return modelTestByType(ctx, model.type, setup, () => secrets, {
    embedding: ({ root, c }) =>
      viaSdk(async () => {
        const r = await c.embed({ model: model.name, input: 'Switchboard model test' })
        // Only an array of numbers is an embedding; `length` of anything else means nothing.
        const first: unknown = Array.isArray(r?.embeddings) ? r.embeddings[0] : undefined
        if (!isVector(first)) throw invalidBody({ ...facts, url: displayUrl(`${root}/api/embed`) })
        const dimensions = first.length
        return { message: `Embedding has ${dimensions} dimensions.`, result: { dimensions } }
      }),
    language: ({ root, c }) =>
      viaSdk(async () => {
        const r = await c.chat({
          model: model.name,
          messages: [{ role: 'user', content: 'Reply with one short word: ready' }],
          stream: false,
          options: { num_predict: 16, ...(cred.numCtx ? { num_ctx: cred.numCtx } : {}) },
        })
        // The type first: shortReply of a content that is not text would throw.
        const content: unknown = isObject(r?.message) ? r.message.content : undefined
        if (typeof content !== 'string')
          throw invalidBody({ ...facts, url: displayUrl(`${root}/api/chat`) })
        const reply = shortReply(content)
        return {
          message: reply ? `The model replied: ${reply}` : 'The model answered (empty reply).',
          result: { reply },
        }
      }),
  })
}

/** The Ollama adapter (apiShape `ollama`). */
export const ollamaAdapter: ProviderAdapter = { test, discover, modelTest }
