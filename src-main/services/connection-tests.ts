/**
 * Connection tests (DESIGN §5, §11, issue 5): one credential, or all of them with bounded
 * parallelism, streaming results as they arrive. A provider failure is a result, never a throw;
 * only Switchboard's own state (vault locked, credential gone, cancel) throws. Every message is
 * scrubbed of the credential's secrets before it is returned or saved.
 */
import { AppError } from '../errors'
import { credentialSecrets } from '../secrets/scrub'
import { createScrubber } from '../secrets/scrubber'
import type {
  DecryptedCredential,
  GuardedFetch,
  ProviderAdapter,
  TestOutcome,
} from '../providers/adapter-types'
import type { CatalogEntry, ProviderId } from '../providers/catalog-types'
import type { LastTestResult } from '../store/schema'
import type { LastResultsUpdate } from './connection-test-store'
import {
  buildResult as build,
  RETHROWN,
  thrownToOutcome,
  type ConnectionTestResult,
} from './connection-test-result'
import { createSingleRun } from './single-run'
import { createTurnQueue } from './turn-queue'
import { TEST_ALL_CONCURRENCY } from '../../src-preload/contract/test-all'

export type { ConnectionTestResult } from './connection-test-result'

export interface ConnectionTestDeps {
  getDecrypted(id: string): Promise<DecryptedCredential>
  listCredentialIds(): Promise<string[]>
  getProvider(provider: ProviderId): CatalogEntry
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
  /** The last result per credential id (`lastResults`); none when not given. */
  lastResults?(): Promise<Record<string, LastTestResult>>
  /** The same with its version (`lastResultsIfChanged`); answered from `lastResults` when absent. */
  lastResultsIfChanged?(since?: string): Promise<LastResultsUpdate>
  /** Tells every window about a finished test (`credentials:testResult`); a no-op when absent. */
  publish?(result: ConnectionTestResult): void
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
  /** Tests one credential; the result is saved and published. */
  testOne(id: string, signal?: AbortSignal): Promise<ConnectionTestResult>
  /**
   * Tests every credential, each result saved and published as it arrives. One run at a time per
   * context, whoever starts it (window, tray, CLI): a second start answers `conflict`.
   */
  testAll(options?: TestAllOptions): Promise<TestAllResult>
  /** Stops the running test-all (its finished results stay); true when one was running. */
  cancelAll(): boolean
  /** The last result of every credential that has one, by credential id. */
  lastResults(): Promise<Record<string, LastTestResult>>
  /** The same, sent only when it changed since the version the caller holds. */
  lastResultsIfChanged(since?: string): Promise<LastResultsUpdate>
}

const cancelledError = () => new AppError('cancelled', 'The test was cancelled.')

/** Builds the connection-test service over its dependencies. */
export function createConnectionTests(deps: ConnectionTestDeps): ConnectionTests {
  const publish = deps.publish ?? (() => undefined)
  // The renderer translates the context (`errors.conflict_running`); the message is for the CLI.
  // A key's scrubber (its pattern in every encoding, compiled by V8) costs 1.5–6 ms to build; twenty
  // answers arriving together paid it one after another on the one thread (issue 17). It is built
  // while the request is in flight instead, one per turn so other tests' I/O goes out in between.
  const idle = createTurnQueue()
  const gate = createSingleRun(
    () =>
      new AppError('conflict', 'A test of every credential is already running.', {
        context: 'running',
      }),
  )

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
      const result = build(id, provider ?? null, started, createScrubber([]), {
        code: 'decryption_error',
        message: 'The stored key cannot be decrypted with the current master key.',
        hint: 'Re-enter the key for this credential, or restore the master key it was saved with.',
      })
      await save(result)
      return result
    }

    const scrubber = createScrubber(credentialSecrets(cred))
    const entry = deps.getProvider(cred.provider)
    let outcome: TestOutcome
    const drop = idle.add(() => scrubber.prepare())
    try {
      outcome = await deps.getAdapter(entry).test(cred, { entry, fetch: deps.fetch, signal })
    } catch (err) {
      outcome = thrownToOutcome(err)
    } finally {
      drop()
    }
    if (signal?.aborted) throw cancelledError()
    const result = build(id, cred.provider, started, scrubber, outcome)
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
    return gate.run((stopped) =>
      runAll({
        ...options,
        signal: options.signal ? AbortSignal.any([stopped, options.signal]) : stopped,
        onResult: (result) => {
          publish(result)
          options.onResult?.(result)
        },
      }),
    )
  }

  async function runAll(options: TestAllOptions): Promise<TestAllResult> {
    const started = performance.now()
    const { signal, onResult } = options
    // The bound protects each server (rate limits, a small local box), so it applies per
    // host: twenty providers are tested at once, twenty keys of one provider eight at a time.
    const perHost = Math.max(1, Math.floor(options.concurrency ?? TEST_ALL_CONCURRENCY.default))
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

  return {
    testOne: async (id, signal) => {
      const result = await testOne(id, signal)
      publish(result)
      return result
    },
    testAll,
    cancelAll: () => gate.cancel(),
    lastResults: async () => (deps.lastResults ? deps.lastResults() : {}),
    lastResultsIfChanged: async (since) =>
      deps.lastResultsIfChanged
        ? deps.lastResultsIfChanged(since)
        : { version: '', lastTests: deps.lastResults ? await deps.lastResults() : {} },
  }
}
