/**
 * The verification check (issue 16): one prompt to one registered model, its answer reported as
 * `verify:event`s with a growing `seq` (./verify-run.ts does the work per model type). One run at
 * a time — the app has one window, and a check is not a chat: a new start cancels the run before
 * it. Each run has a deadline; cancel and deadline abort the request in flight. Errors end the run
 * as a `failed` event with the project's coded, scrubbed error body, never as a thrown IPC error
 * (only a model that does not exist, or is not on that credential, is refused at start).
 *
 * The tray's "Quick test chat model" asks for a check of the chat default: `requestOpen` keeps it
 * until the renderer takes it (`verify:takeOpenRequest`, for a window that was not loaded yet)
 * and announces it (`verify:openRequested`).
 */
import { randomUUID } from 'node:crypto'
import type {
  VerifyEvent,
  VerifyEventPayload,
  VerifyTarget,
} from '../../src-preload/contract/verify'
import { matchLocale, resources, SOURCE_LOCALE } from '../../src-shared/i18n/resources'
import { AppError, toErrorBody } from '../errors'
import type { DecryptedCredential, GuardedFetch, ProviderAdapter } from '../providers/adapter-types'
import type { CatalogEntry, ProviderId } from '../providers/catalog-types'
import { credentialSecrets } from '../secrets/scrub'
import type { Store } from '../store/schema'
import { runVerification } from './verify-run'

/**
 * The default prompt in a language (a BCP 47 tag, matched to a supported locale; en-US when
 * none): the locale files' `common.verifyPrompt`, so a check sent from the e2e harness or the
 * CLI is in the language the user chose, as it is in the app.
 */
export function verifyPromptIn(tag: string | null | undefined): string {
  return resources[matchLocale(tag)].common.verifyPrompt
}

/** The English default prompt (the source locale's). */
export const DEFAULT_VERIFY_PROMPT = verifyPromptIn(SOURCE_LOCALE)
/** A check that takes longer than this (a local model loading included) has failed. */
export const VERIFY_TIMEOUT_MS = 120_000

export interface VerifyDeps {
  store: Store
  getDecrypted: (credentialId: string) => Promise<DecryptedCredential>
  getProvider: (provider: ProviderId) => CatalogEntry
  getAdapter: (entry: CatalogEntry) => ProviderAdapter
  fetch: GuardedFetch
  sttClip?: () => Promise<Buffer>
  /** Sends one event of a run. */
  emitEvent: (payload: VerifyEventPayload) => void
  /** Announces the tray's request to the window. */
  emitOpenRequested: (target: VerifyTarget) => void
  /** The app's translator, once its i18n is ready (the language chosen in Settings). */
  translate?: (key: string) => string | undefined
  /** Without a translator (CLI, e2e harness): the chosen language, else the system's. */
  language?: () => string | null | undefined
  timeoutMs?: number
  newId?: () => string
}

export interface VerifyService {
  /** Starts a run (cancelling the one before); its events follow. */
  start(req: { credentialId: string; modelId: string; prompt?: string }): Promise<{
    runId: string
  }>
  /** Cancels a run; false when it had ended or never existed. */
  cancel(runId: string): boolean
  /** The tray's request: kept for `takeOpenRequest` and announced. */
  requestOpen(target: VerifyTarget): void
  /** Takes the kept request (once). */
  takeOpenRequest(): VerifyTarget | null
  /** The id of the run in flight, if any. */
  active(): string | null
}

interface Run {
  id: string
  controller: AbortController
  /** Why it was aborted: the user (or a newer run), or the deadline. */
  abortedBy: 'cancel' | 'timeout' | null
}

/** Builds the verification service. */
export function createVerifyService(deps: VerifyDeps): VerifyService {
  const newId = deps.newId ?? randomUUID
  let current: Run | null = null
  let openRequest: VerifyTarget | null = null

  const abort = (run: Run, by: 'cancel' | 'timeout') => {
    if (run.abortedBy) return
    run.abortedBy = by
    run.controller.abort()
  }

  async function execute(
    run: Run,
    target: { credentialId: string; modelId: string },
    prompt: string,
  ) {
    let seq = 0
    let ended = false
    const started = performance.now()
    const send = (event: VerifyEvent) => {
      if (ended) return
      if (event.kind === 'done' || event.kind === 'failed' || event.kind === 'cancelled') {
        ended = true
      }
      deps.emitEvent({ runId: run.id, seq: seq++, event })
    }
    const timer = setTimeout(() => abort(run, 'timeout'), deps.timeoutMs ?? VERIFY_TIMEOUT_MS)
    let secrets: string[] = []
    try {
      const data = await deps.store.read()
      const model = data.models.find((m) => m.id === target.modelId)
      const stored = data.credentials.find((c) => c.id === target.credentialId)
      if (!model || !stored || model.credentialId !== stored.id) {
        throw new AppError('not_found', 'No registered model has this id on this credential.')
      }
      const entry = deps.getProvider(stored.provider)
      const cred = await deps.getDecrypted(stored.id)
      secrets = credentialSecrets(cred)
      if (run.abortedBy) throw new AppError('cancelled', 'The check was cancelled.')
      send({
        kind: 'started',
        providerId: entry.id,
        credentialName: stored.name,
        modelId: model.name,
        modelType: model.type,
      })
      await runVerification({
        model,
        cred,
        secrets,
        entry,
        adapter: deps.getAdapter(entry),
        ctx: {
          entry,
          fetch: deps.fetch,
          signal: run.controller.signal,
          ...(deps.sttClip ? { sttClip: deps.sttClip } : {}),
        },
        prompt,
        emit: send,
        elapsed: () => Math.round(performance.now() - started),
      })
    } catch (err) {
      if (run.abortedBy === 'cancel') send({ kind: 'cancelled' })
      else if (run.abortedBy === 'timeout') {
        send({
          kind: 'failed',
          error: { code: 'timeout', message: 'The model did not finish answering in time.' },
        })
      } else send({ kind: 'failed', error: toErrorBody(err, secrets) })
    } finally {
      clearTimeout(timer)
      // A run that ended without saying so (cannot happen, but never leave the UI waiting).
      if (run.abortedBy === 'cancel') send({ kind: 'cancelled' })
      send({
        kind: 'failed',
        error: { code: 'internal', message: 'The check ended unexpectedly.' },
      })
      if (current === run) current = null
    }
  }

  return {
    async start({ credentialId, modelId, prompt }) {
      const data = await deps.store.read()
      const model = data.models.find((m) => m.id === modelId)
      if (!model || model.credentialId !== credentialId) {
        throw new AppError('not_found', 'No registered model has this id on this credential.', {
          modelId,
        })
      }
      if (current) abort(current, 'cancel')
      const run: Run = { id: newId(), controller: new AbortController(), abortedBy: null }
      current = run
      // The default prompt in the person's language: the app's translator, else the locale files.
      const text =
        prompt?.trim() ||
        deps.translate?.('common:verifyPrompt') ||
        verifyPromptIn(deps.language?.())
      // After the answer: the renderer learns the run id before its first event where it can.
      setImmediate(() => void execute(run, { credentialId, modelId }, text))
      return { runId: run.id }
    },
    cancel(runId) {
      if (!current || current.id !== runId || current.abortedBy) return false
      abort(current, 'cancel')
      return true
    },
    requestOpen(target) {
      openRequest = target
      deps.emitOpenRequested(target)
    },
    takeOpenRequest() {
      const r = openRequest
      openRequest = null
      return r
    },
    active: () => current?.id ?? null,
  }
}
