/**
 * The local-servers service behind the `local:*` channels and the CLI's `detect` / `ollama`
 * commands: detection over the default and user-added targets, connect, the Ollama library with
 * pull jobs that report progress through `local:pullProgress` and can be cancelled, recommended
 * models and machine facts. Every dependency is a parameter; nothing is module-level state.
 */
import { randomUUID } from 'node:crypto'
import type {
  ConnectResult,
  DetectResult,
  ImportProgress,
  MachineInfo,
  PullProgress,
  RecommendedResult,
} from '../../src-preload/contract/local'
import type { Emit } from '../platform'
import { AppError } from '../errors'
import { createGuardedFetch } from '../net'
import type { GuardedFetch } from '../providers/adapter-types'
import type { Store } from '../store/schema'
import { connectServer, type ConnectDeps, type ConnectOptions } from './connect'
import { detectLocalServers, normalizeTargetUrl, type ProbeTarget } from './detect'
import { createExtraTargets, refuseBlocked } from './extra-targets'
import { createJobRegistry } from './job-registry'
import { throttledProgress } from './progress-throttle'
import { getMachineInfo, type MachineDeps } from './machine'
import type { ClassifyByName } from '../providers/classify'
import { createOllamaLibrary, type OllamaLibrary } from './ollama-library'
import { parseOllamaHost } from './ollama-host'
import { kindForPort } from './probes'
import { recommendModels } from './recommended'

export interface LocalServiceOptions {
  env: NodeJS.ProcessEnv
  emit: Emit
  /**
   * The guarded fetch (src-main/net) for every request: detection probes, connect, the Ollama
   * library. Loopback and LAN pass the guard; metadata and link-local addresses do not, even when
   * they come from `OLLAMA_HOST` or a saved target. Default: one built from `env` on first use.
   */
  fetch?: GuardedFetch
  classify?: ClassifyByName
  /** Where user-added targets persist (settings.localTargets); in memory without it. */
  store?: Pick<Store, 'read' | 'update'>
  /** Wired by the app to the credentials / models / defaults services. */
  connect?: ConnectDeps
  /** Replaces the default detection targets (tests, the bench). */
  targets?: readonly ProbeTarget[]
  machine?: MachineDeps
  /** Minimum ms between two progress events of one job (status changes always go out). */
  progressIntervalMs?: number
  /** How long an ended pull or import stays in `activePulls` / `activeImports` (10 minutes). */
  keepEndedMs?: number
  now?: () => number
}

export type LocalService = ReturnType<typeof createLocalService>

/** Builds the service. */
export function createLocalService(opts: LocalServiceOptions) {
  let ownFetch: GuardedFetch | undefined
  const libFetch: GuardedFetch =
    opts.fetch ?? ((url, init) => (ownFetch ??= createGuardedFetch({ env: opts.env }))(url, init))
  const probeFetch = libFetch
  const jobOpts = {
    ...(opts.keepEndedMs !== undefined ? { keepEndedMs: opts.keepEndedMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  }
  const pulls = createJobRegistry<PullProgress>((p) => p.done, jobOpts)
  const imports = createJobRegistry<ImportProgress>(
    (p) => p.stage === 'done' || p.stage === 'failed',
    jobOpts,
  )
  // Progress events at most this often per step (every report is still recorded).
  const interval = opts.progressIntervalMs ?? 100
  const defaultOllama = () => parseOllamaHost(opts.env.OLLAMA_HOST) ?? 'http://127.0.0.1:11434'

  const targets = createExtraTargets(opts.store)

  // The last sweep (the app runs one at start-up), so the Local page can show it at once.
  let last: DetectResult | null = null
  const detect = async (
    o: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<DetectResult> => {
    const timeoutMs = o.timeoutMs ?? sweepTimeoutFromEnv(opts.env)
    const result = await detectLocalServers({
      fetch: probeFetch,
      env: opts.env,
      extraTargets: await targets.list(),
      ...(opts.targets ? { targets: opts.targets } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
      ...(opts.classify ? { classify: opts.classify } : {}),
    })
    last = result
    return result
  }

  const ollama = (baseUrl?: string): OllamaLibrary => {
    const root = baseUrl ? normalizeTargetUrl(baseUrl) : defaultOllama()
    if (!root)
      throw new AppError('validation', 'The Ollama address is not a valid URL.', {
        field: 'baseUrl',
      })
    refuseBlocked(root)
    return createOllamaLibrary({
      baseUrl: root,
      fetch: libFetch,
      ...(opts.classify ? { classify: opts.classify } : {}),
    })
  }

  // Pulls someone in main awaits (offline setup), resolved by the job's final report.
  const pullWaiters = new Map<string, (p: PullProgress) => void>()
  const startPull = (
    model: string,
    baseUrl?: string,
  ): { jobId: string; finished: Promise<PullProgress> } => {
    const lib = ollama(baseUrl)
    const jobId = randomUUID()
    const finished = new Promise<PullProgress>((resolve) => pullWaiters.set(jobId, resolve))
    const signal = pulls.start({
      jobId,
      model,
      status: 'starting',
      percent: null,
      completedBytes: 0,
      totalBytes: 0,
      bytesPerSecond: null,
      etaSeconds: null,
      resumedBytes: 0,
      done: false,
      baseUrl: lib.baseUrl,
    })
    const emitProgress = throttledProgress<PullProgress>(opts.emit, interval, {
      event: 'local:pullProgress',
      record: (p) => pulls.update({ ...p, baseUrl: lib.baseUrl }),
      stepOf: (p) => p.status,
      final: (p) => p.done,
    })
    const onProgress = (p: PullProgress) => {
      emitProgress(p)
      if (p.done) {
        pullWaiters.get(jobId)?.({ ...p, baseUrl: lib.baseUrl })
        pullWaiters.delete(jobId)
      }
    }
    lib.pull(model, { jobId, signal, onProgress }).catch(() => undefined) // the failure was already reported as the final progress event
    return { jobId, finished }
  }

  return {
    detect,

    /** The result of the most recent sweep in this process, or null before the first one. */
    lastDetection: (): DetectResult | null => last,

    /** Re-probes one server (so what is registered is what it serves now) and connects it. */
    async connect(baseUrl: string, o: ConnectOptions = {}): Promise<ConnectResult> {
      if (!opts.connect) {
        throw new AppError('unsupported', 'Connecting local servers is not available here.')
      }
      const root = normalizeTargetUrl(baseUrl)
      if (!root)
        throw new AppError('validation', 'The server address is not a valid URL.', {
          field: 'baseUrl',
        })
      refuseBlocked(root)
      const { servers } = await detectLocalServers({
        fetch: probeFetch,
        targets: [{ baseUrl: root, source: 'extra', ...kindHint(root) }],
        includeOllamaHost: false,
        timeoutMs: 3000,
        ...(opts.classify ? { classify: opts.classify } : {}),
      })
      const server = servers[0]
      if (!server) {
        throw new AppError('not_found', 'No local model server answers at that address any more.', {
          baseUrl: root,
        })
      }
      return connectServer(server, opts.connect, o)
    },

    ollama,

    /** Starts a pull in the background; progress goes out as `local:pullProgress` events. */
    startPull(model: string, baseUrl?: string): { jobId: string } {
      return { jobId: startPull(model, baseUrl).jobId }
    },

    /**
     * Starts a pull like `startPull` and also answers its final report (done, failed or
     * cancelled), for a use case in main that waits on it (offline setup).
     */
    pull: (model: string, baseUrl?: string) => startPull(model, baseUrl),

    /** Cancels a running pull; Ollama keeps the partial layers, so pulling again resumes. */
    cancelPull: (jobId: string): boolean => pulls.cancel(jobId),

    /** Running pulls with their latest progress, and the final report of recently ended ones. */
    activePulls: (): PullProgress[] => pulls.list(),

    /**
     * Checks the file (not a GGUF file → AppError `validation`, nothing uploaded), then imports
     * it in the background; progress goes out as `local:importProgress` events.
     */
    async startImport(
      filePath: string,
      name: string,
      baseUrl?: string,
    ): Promise<{ jobId: string }> {
      const lib = ollama(baseUrl)
      const totalBytes = await lib.checkGguf(filePath)
      const jobId = randomUUID()
      const base = { jobId, name, baseUrl: lib.baseUrl, totalBytes }
      const signal = imports.start({ ...base, stage: 'hashing', percent: 0, bytesDone: 0 })
      const report = throttledProgress<ImportProgress>(opts.emit, interval, {
        event: 'local:importProgress',
        record: (p) => imports.update(p),
        stepOf: (p) => p.stage,
        final: (p) => p.stage === 'done' || p.stage === 'failed',
      })
      lib
        .importGguf(filePath, name, {
          signal,
          onProgress: ({ stage, bytesDone }) =>
            report({
              ...base,
              stage,
              bytesDone,
              percent: stage === 'creating' ? null : percentOf(bytesDone, totalBytes),
            }),
        })
        .then((r) =>
          report({
            ...base,
            stage: 'done',
            percent: 100,
            bytesDone: totalBytes,
            uploaded: r.uploaded,
          }),
        )
        .catch((err: unknown) => {
          const e = err instanceof AppError ? err : new AppError('internal', 'The import failed.')
          const last = imports.list().find((p) => p.jobId === jobId)
          report({
            ...base,
            stage: 'failed',
            percent: last?.percent ?? null,
            bytesDone: last?.bytesDone ?? 0,
            error: { code: e.code, message: e.message },
          })
        })
      return { jobId }
    },

    /** Cancels a running import (the upload request is aborted). */
    cancelImport: (jobId: string): boolean => imports.cancel(jobId),

    /** Running imports with their latest progress, and the final report of recently ended ones. */
    activeImports: (): ImportProgress[] => imports.list(),

    machine: (): Promise<MachineInfo> => getMachineInfo({ env: opts.env, ...opts.machine }),

    /** The bundled list checked against this machine and what Ollama already has. */
    async recommended(baseUrl?: string): Promise<RecommendedResult> {
      const machine = await getMachineInfo({ env: opts.env, ...opts.machine })
      const installed = await ollama(baseUrl)
        .list()
        .then((l) => l.map((m) => m.name))
        .catch(() => [] as string[])
      return { machine, models: recommendModels(machine, installed) }
    },

    targets,
  }
}

/**
 * `SWITCHBOARD_DETECT_TIMEOUT_MS` (100–10000): the sweep's deadline when the caller gives none
 * (default 500 ms). For slow or heavily loaded machines, where 500 ms identifies a server but
 * runs out while listing its models; the end-to-end harness sets it so its specs wait on what the
 * sweep finds, not on a race with the clock.
 */
function sweepTimeoutFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const n = Number(env.SWITCHBOARD_DETECT_TIMEOUT_MS)
  return Number.isInteger(n) && n >= 100 && n <= 10_000 ? n : undefined
}

function percentOf(done: number, total: number): number {
  return total > 0 ? Math.round((done / total) * 1000) / 10 : 100
}

function kindHint(root: string): Partial<ProbeTarget> {
  const kind = kindForPort(new URL(root).port)
  return kind ? { genericKind: kind } : {}
}
