/**
 * The Ollama library (DESIGN §8) through the `ollama` package with an injected fetch: installed
 * models with their capabilities, pull with live progress (cancellable; Ollama resumes a partial
 * download when the same model is pulled again, so a cancelled pull continues where it stopped),
 * delete, running models, unload, and import of a local GGUF file (blob upload + `/api/create`
 * with `files`). Every failure is an AppError with upstream text scrubbed.
 */
import path from 'node:path'
import { Ollama } from 'ollama'
import type {
  OllamaInstalledModel,
  OllamaRunningModel,
  PullProgress,
} from '../../src-preload/contract/local'
import { AppError, scrub } from '../errors'
import type { GuardedFetch } from '../providers/adapter-types'
import { classifyByName, type ClassifyByName } from '../providers/classify'
import { withTextualError } from '../providers/ollama-error-body'
import { assertGguf, countingStream, sha256File } from './gguf-file'
import { capabilitiesOf, entryName, installedModel, runningModel } from './ollama-entries'
import { toAppError } from './ollama-error'
import { PullTracker } from './pull-progress'

export interface OllamaLibraryOptions {
  /** The server root (`http://127.0.0.1:11434`). */
  baseUrl: string
  /** The guarded fetch (a plain fetch works too: both failure styles are mapped). */
  fetch: GuardedFetch
  /** Sent as `Authorization: Bearer …` when set (Ollama behind a proxy, Ollama cloud). */
  apiKey?: string | null
  classify?: ClassifyByName
  now?: () => number
}

export interface PullOptions {
  jobId?: string
  onProgress?: (p: PullProgress) => void
  signal?: AbortSignal
}

/** A step of an import as the library reports it (the service adds job id and percent). */
export type ImportStep = 'hashing' | 'uploading' | 'creating'

export interface ImportOptions {
  onProgress?: (p: { stage: ImportStep; bytesDone: number; totalBytes: number }) => void
  signal?: AbortSignal
}

/** A long stream (a pull of many GB, a blob upload) must not hit the 10 s default timeout. */
const STREAM_TIMEOUT_MS = 24 * 60 * 60 * 1000

export type OllamaLibrary = ReturnType<typeof createOllamaLibrary>

/** Builds the library over one Ollama server. */
export function createOllamaLibrary(opts: OllamaLibraryOptions) {
  const secrets = opts.apiKey ? [opts.apiKey] : []
  const classify = opts.classify ?? classifyByName
  const host = opts.baseUrl.replace(/\/+$/, '')

  const client = (signal?: AbortSignal, timeoutMs?: number) =>
    new Ollama({
      host,
      fetch: sdkFetch(opts, signal, timeoutMs),
      ...(opts.apiKey ? { headers: { Authorization: `Bearer ${opts.apiKey}` } } : {}),
    })

  const fail = (err: unknown, model: string | null, signal?: AbortSignal) =>
    toAppError(err, { model, secrets, signal, host })

  return {
    baseUrl: host,

    /** Installed models with size, family, parameter size, quantization and capabilities. */
    async list(): Promise<OllamaInstalledModel[]> {
      const c = client()
      let models: unknown[]
      try {
        models = listed(await c.list())
      } catch (err) {
        throw fail(err, null)
      }
      const found = await Promise.all(
        models.map(async (m) => {
          // Entries are the server's JSON, checked field by field (ollama-entries.ts).
          const name = entryName(m)
          if (!name) return null
          const caps = await c
            .show({ model: name })
            .then(capabilitiesOf)
            .catch(() => [] as string[])
          return installedModel(m, name, caps, classify)
        }),
      )
      return found.filter((m): m is OllamaInstalledModel => m !== null)
    },

    /**
     * Pulls a model, reporting progress for every line. Resolves with the final report;
     * throws AppError `cancelled` when `signal` aborts, or the stream's error (scrubbed).
     */
    async pull(model: string, o: PullOptions = {}): Promise<PullProgress> {
      const tracker = new PullTracker(o.jobId ?? model, model, opts.now)
      const controller = new AbortController()
      const onAbort = () => controller.abort()
      if (o.signal?.aborted) controller.abort()
      o.signal?.addEventListener('abort', onAbort, { once: true })
      try {
        const stream = await client(controller.signal, STREAM_TIMEOUT_MS).pull({
          model,
          stream: true,
        })
        for await (const line of stream) {
          if (controller.signal.aborted) break
          // Update first: `onProgress?.(…)` would skip evaluating its argument when absent.
          const progress = tracker.update(line)
          o.onProgress?.(progress)
        }
        if (controller.signal.aborted) throw new AppError('cancelled', 'The pull was cancelled.')
        const last = tracker.finish()
        o.onProgress?.(last)
        return last
      } catch (err) {
        const e = fail(err, model, controller.signal)
        const final = tracker.fail(e.code, e.message)
        o.onProgress?.(final)
        throw e
      } finally {
        o.signal?.removeEventListener('abort', onAbort)
      }
    },

    /** Deletes a model and its data. */
    async remove(model: string): Promise<void> {
      try {
        await client().delete({ model })
      } catch (err) {
        throw fail(err, model)
      }
    },

    /** Models in memory, with their memory use (size) and the part in GPU memory (size_vram). */
    async ps(): Promise<OllamaRunningModel[]> {
      let models: unknown[]
      try {
        models = listed(await client().ps())
      } catch (err) {
        throw fail(err, null)
      }
      return models.flatMap((m) => {
        const name = entryName(m)
        return name ? [runningModel(m, name)] : []
      })
    },

    /** Unloads a model from memory (`/api/generate` with `keep_alive: 0`). */
    async unload(model: string): Promise<void> {
      try {
        await client().generate({ model, prompt: '', keep_alive: 0, stream: false })
      } catch (err) {
        throw fail(err, model)
      }
    },

    /** Refuses anything that is not a readable GGUF file; returns its size in bytes. */
    checkGguf: (filePath: string): Promise<number> => assertGguf(filePath),

    /**
     * Creates `name` from a local GGUF file without any download: hashes the file, uploads it
     * as a blob unless the server has it (`HEAD /api/blobs/sha256:…`), then `/api/create` with
     * `files: {<file name>: <digest>}`. Reports hashing and upload bytes as they go; throws
     * AppError `cancelled` when `signal` aborts.
     */
    async importGguf(
      filePath: string,
      name: string,
      o: ImportOptions = {},
    ): Promise<{ model: string; digest: string; uploaded: boolean }> {
      const totalBytes = await assertGguf(filePath)
      const report = (stage: ImportStep, bytesDone: number) =>
        o.onProgress?.({ stage, bytesDone, totalBytes })
      const digest = `sha256:${await sha256File(filePath, totalBytes, o.signal, (n) => report('hashing', n))}`
      const blobUrl = `${host}/api/blobs/${digest}`
      const auth: Record<string, string> = opts.apiKey
        ? { Authorization: `Bearer ${opts.apiKey}` }
        : {}
      let uploaded = false
      try {
        const head = await opts.fetch(blobUrl, {
          method: 'HEAD',
          headers: auth,
          signal: o.signal,
          ...secretFlags(opts),
        })
        if (head.status === 404) {
          report('uploading', 0)
          const res = await opts.fetch(blobUrl, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/octet-stream' },
            body: countingStream(filePath, (n) => {
              if (!o.signal?.aborted) report('uploading', n)
            }),
            signal: o.signal,
            duplex: 'half',
            timeoutMs: STREAM_TIMEOUT_MS,
            ...secretFlags(opts),
          } as unknown as RequestInit)
          if (res.status !== 201 && res.status !== 200) {
            throw new AppError(
              'server_error',
              `Ollama refused the file upload (${res.status}): ${scrub(await res.text(), secrets)}`,
              {
                status: res.status,
                reason: 'blob_upload',
              },
            )
          }
          uploaded = true
        } else if (!head.ok) {
          throw new AppError('server_error', `Ollama answered ${head.status} to the blob check.`, {
            status: head.status,
          })
        }
        report('creating', totalBytes)
        await client(o.signal, STREAM_TIMEOUT_MS).create({
          model: name,
          files: { [path.basename(filePath)]: digest },
          stream: false,
        } as Parameters<Ollama['create']>[0] & { stream: false })
      } catch (err) {
        throw fail(err, name, o.signal)
      }
      return { model: name, digest, uploaded }
    },
  }
}

/** The `models` array of a tags or ps answer; anything else is not Ollama's answer. */
function listed(answer: unknown): unknown[] {
  const models = (answer as { models?: unknown } | null)?.models
  if (models === undefined || models === null) return []
  if (Array.isArray(models)) return models
  throw new AppError('server_error', 'Ollama answered with a body that is not a model list.', {
    reason: 'invalid_body',
  })
}

function secretFlags(opts: OllamaLibraryOptions) {
  return opts.apiKey ? { sendsSecret: true } : {}
}

/** The fetch the SDK calls: every request through the injected fetch, with our signal added. */
function sdkFetch(
  opts: OllamaLibraryOptions,
  signal?: AbortSignal,
  timeoutMs?: number,
): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' || input instanceof URL ? input : input.url
    const signals = [init?.signal, signal].filter((s): s is AbortSignal => !!s)
    return opts
      .fetch(url, {
        ...init,
        ...(signals.length
          ? { signal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) }
          : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        ...secretFlags(opts),
      })
      .then(withTextualError)
  }) as typeof fetch
}
