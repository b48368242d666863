/**
 * Connection tests (DESIGN §5, §11, issue 5): one credential, or all of them with bounded
 * parallelism, streaming results as they arrive. A provider failure is a result, never a throw;
 * only Switchboard's own state (vault locked, credential gone, cancel) throws. Every message is
 * scrubbed of the credential's secrets before it is returned or saved.
 */
import { testCodes, type ErrorParams, type TestCode } from '../../src-preload/contract/errors'
import { AppError, scrub } from '../errors'
import { credentialSecrets } from '../secrets/scrub'
import { hintFor } from '../net/classify-error'
import type {
  DecryptedCredential,
  GuardedFetch,
  ProviderAdapter,
  TestOutcome,
} from '../providers/adapter-types'
import type { CatalogEntry, ProviderId } from '../providers/catalog-types'
import type { LastTestResult } from '../store/schema'
import { mergeLimits, type Limits } from '../providers/limits'

export interface ConnectionTestDeps {
  getDecrypted(id: string): Promise<DecryptedCredential>
  listCredentialIds(): Promise<string[]>
  getEntry(provider: ProviderId): CatalogEntry
  getAdapter(entry: CatalogEntry): ProviderAdapter
  fetch: GuardedFetch
  saveResult(id: string, result: LastTestResult): Promise<void>
  clock: () => Date
  /** The host a credential's test talks to; the parallelism bound applies per host. */
  hostOf?(id: string): Promise<string>
  /**
   * Every credential with its host from one read of the store (replaces listCredentialIds +
   * hostOf in testAll: one read instead of one per credential, issue 17).
   */
  listTargets?(): Promise<{ id: string; host: string }[]>
}

/** One test's result, as the CLI prints it and the UI shows it. */
export interface ConnectionTestResult {
  credentialId: string
  /** Null only when the credential could not be decrypted and its provider is unknown here. */
  provider: ProviderId | null
  ok: boolean
  code: TestCode
  message: string
  hint: string | null
  params: ErrorParams
  latencyMs: number
  details: TestOutcome['details'] | null
  /** Rate-limit / quota signals of the test call (issue 12); null when it carried none. */
  limits: Limits | null
}

export interface TestAllOptions {
  /** Most tests at once against one host (default 8). */
  concurrency?: number
  /** Most tests at once overall (default 32). */
  maxTotal?: number
  signal?: AbortSignal
  /** Called once per finished test, in completion order. */
  onResult?: (result: ConnectionTestResult) => void
}

export interface TestAllResult {
  /** In the order of listCredentialIds (tests that were cancelled are missing). */
  results: ConnectionTestResult[]
  elapsedMs: number
  cancelled: boolean
}

export interface ConnectionTests {
  testOne(id: string, signal?: AbortSignal): Promise<ConnectionTestResult>
  testAll(options?: TestAllOptions): Promise<TestAllResult>
}

/** Errors about Switchboard's own state: they propagate instead of becoming a result. */
// A wrong master key is the vault's problem, not one credential's: the caller says so once
// (CLI exit 3, the UI's vault banner) instead of a failed result per credential.
const RETHROWN = new Set([
  'vault_locked',
  'vault_wrong_key',
  'not_found',
  'store_corrupt',
  'store_locked',
  'cancelled',
  'validation',
])

const cancelledError = () => new AppError('cancelled', 'The test was cancelled.')

/** Builds the connection-test service over its dependencies. */
export function createConnectionTests(deps: ConnectionTestDeps): ConnectionTests {
  async function testOne(id: string, signal?: AbortSignal): Promise<ConnectionTestResult> {
    if (signal?.aborted) throw cancelledError()
    const started = performance.now()
    let cred: DecryptedCredential
    try {
      cred = await deps.getDecrypted(id)
    } catch (err) {
      if (err instanceof AppError && RETHROWN.has(err.code)) throw err
      const provider =
        err instanceof AppError ? (err.params?.provider as ProviderId | undefined) : undefined
      const result = build(id, provider ?? null, started, [], {
        code: 'decryption_error',
        message: 'The stored key cannot be decrypted with the current master key.',
        hint: 'Re-enter the key for this credential, or restore the master key it was saved with.',
      })
      await save(result)
      return result
    }

    const secrets = credentialSecrets(cred)
    const entry = deps.getEntry(cred.provider)
    let outcome: TestOutcome
    try {
      outcome = await deps.getAdapter(entry).test(cred, { entry, fetch: deps.fetch, signal })
    } catch (err) {
      outcome = thrownToOutcome(err)
    }
    if (signal?.aborted) throw cancelledError()
    const result = build(id, cred.provider, started, secrets, outcome)
    await save(result)
    return result
  }

  async function save(result: ConnectionTestResult): Promise<void> {
    await deps.saveResult(result.credentialId, {
      code: result.code,
      message: result.message,
      at: deps.clock().toISOString(),
      latencyMs: result.latencyMs,
      ...(result.limits ? { limits: result.limits } : {}),
    })
  }

  async function testAll(options: TestAllOptions = {}): Promise<TestAllResult> {
    const started = performance.now()
    const { signal, onResult } = options
    // The bound protects each server (rate limits, a small local box), so it applies per
    // host: twenty providers are tested at once, twenty keys of one provider eight at a time.
    const perHost = Math.max(1, Math.floor(options.concurrency ?? 8))
    const maxTotal = Math.max(perHost, Math.floor(options.maxTotal ?? 32))
    const targets = deps.listTargets
      ? await deps.listTargets()
      : await deps.listCredentialIds().then((list) =>
          Promise.all(
            list.map(async (id) => ({
              id,
              host: deps.hostOf ? await deps.hostOf(id).catch(() => id) : '*',
            })),
          ),
        )
    const ids = targets.map((t) => t.id)
    const byId = new Map<string, ConnectionTestResult>()
    let fatal: unknown = null
    // One inner controller, so a fatal error (vault locked) stops the other tests too.
    const stop = new AbortController()
    const onAbort = () => stop.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    if (signal?.aborted) stop.abort()

    const queue = [...targets]
    const active = new Map<string, number>()
    let running = 0

    await new Promise<void>((resolveAll) => {
      const finishIfIdle = () => {
        if (running === 0 && (queue.length === 0 || stop.signal.aborted)) resolveAll()
      }
      const pump = () => {
        for (let i = 0; i < queue.length && running < maxTotal && !stop.signal.aborted;) {
          const task = queue[i]!
          if ((active.get(task.host) ?? 0) >= perHost) {
            i++
            continue
          }
          queue.splice(i, 1)
          running++
          active.set(task.host, (active.get(task.host) ?? 0) + 1)
          // A dependent signal per test: adapters may add listeners to it without piling them
          // onto the shared one (AbortSignal.any links without listeners).
          testOne(task.id, AbortSignal.any([stop.signal]))
            .then((result) => {
              byId.set(task.id, result)
              onResult?.(result)
            })
            .catch((err: unknown) => {
              if (err instanceof AppError && (err.code === 'cancelled' || err.code === 'not_found'))
                return
              fatal ??= err
              stop.abort()
            })
            .finally(() => {
              running--
              active.set(task.host, (active.get(task.host) ?? 1) - 1)
              pump()
              finishIfIdle()
            })
        }
        finishIfIdle()
      }
      pump()
    })
    signal?.removeEventListener('abort', onAbort)
    if (fatal) throw fatal
    return {
      results: ids.flatMap((id) => byId.get(id) ?? []),
      elapsedMs: Math.round(performance.now() - started),
      cancelled: Boolean(signal?.aborted),
    }
  }

  function build(
    id: string,
    provider: ProviderId | null,
    started: number,
    secrets: string[],
    outcome: Pick<TestOutcome, 'code' | 'message' | 'hint' | 'params' | 'details' | 'limits'>,
  ): ConnectionTestResult {
    const params: ErrorParams = Object.fromEntries(
      Object.entries(outcome.params ?? {}).map(([k, v]) => [
        k,
        typeof v === 'string' ? scrub(v, secrets) : v,
      ]),
    )
    const hint = outcome.hint ?? hintFor(outcome.code, outcome.params) ?? null
    return {
      credentialId: id,
      provider,
      ok: outcome.code.startsWith('ok'),
      code: outcome.code,
      message: scrub(outcome.message, secrets, 500),
      hint: hint ? scrub(hint, secrets, 500) : null,
      params,
      latencyMs: Math.round(performance.now() - started),
      details: outcome.details ?? null,
      // A credit the adapter reported in its details counts as a quota signal too.
      limits: mergeLimits(outcome.limits, { credit: outcome.details?.credit ?? null }),
    }
  }

  return { testOne, testAll }
}

const TEST_CODES: ReadonlySet<string> = new Set(testCodes)

/**
 * Adapters should not throw from test(), but a coded AppError still becomes a result; anything
 * else is reported as a server error without its raw text (it may hold a key).
 */
function thrownToOutcome(err: unknown): TestOutcome {
  if (err instanceof AppError && err.code === 'cancelled') throw err
  if (err instanceof AppError && RETHROWN.has(err.code)) throw err
  if (err instanceof AppError && TEST_CODES.has(err.code)) {
    return { code: err.code as TestCode, message: err.message, params: err.params }
  }
  return { code: 'server_error', message: 'The test failed unexpectedly.' }
}

/** The host a credential's test talks to (override, endpoint, or the provider's default). */
export function testHost(
  cred: {
    baseUrl: string | null
    endpoint: string | null
    location?: string | null
    provider: string
  },
  entry: Pick<CatalogEntry, 'defaultBaseUrl'>,
): string {
  const url = cred.baseUrl ?? cred.endpoint ?? entry.defaultBaseUrl
  try {
    if (url) return new URL(url).host
  } catch {
    // An unparsable URL fails its own test; group it by provider meanwhile.
  }
  return `${cred.provider}:${cred.location ?? ''}`
}
