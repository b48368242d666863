/**
 * The verification check (issue 16): the one run in flight or last finished, its streamed reply
 * and measurements, and the Verify dialog's target. Main runs the check and streams
 * `verify:event`s; this store keeps what they say for the current run only — events of another
 * run or arriving out of order are dropped. It holds the reply and numbers, never a key.
 */
import { create } from 'zustand'
import type {
  ErrorBody,
  VerifyEvent,
  VerifyEventPayload,
  VerifyTarget,
  VerifyTokens,
} from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { errorBodyOf } from '../lib/errors'

export type VerifyStatus =
  'idle' | 'starting' | 'waiting' | 'streaming' | 'done' | 'failed' | 'cancelled'

/** What main said the run is checking (the `started` event). */
export type VerifyStarted = Omit<Extract<VerifyEvent, { kind: 'started' }>, 'kind'>

/** The measurements of a finished run (the `done` event). */
export interface VerifyResult {
  latencyMs: number
  firstTokenMs: number | null
  tokens: VerifyTokens | null
  dimensions: number | null
  transcript: string | null
  audio: { mime: string; data: Uint8Array } | null
}

/** One run, from the Send click to its end event. */
export interface VerifyRun {
  /** Set once main answered the start (events may arrive before that; they wait). */
  runId: string | null
  target: VerifyTarget
  status: VerifyStatus
  /** The last applied event's seq (-1 before any). */
  seq: number
  started: VerifyStarted | null
  /** The reply so far (language models). */
  text: string
  firstTokenMs: number | null
  result: VerifyResult | null
  error: ErrorBody | null
}

interface VerifyState {
  run: VerifyRun | null
  /** The Verify dialog's model; null while it is closed. */
  dialog: VerifyTarget | null
  /** Starts a check of `target` (cancelling one still running); the prompt as typed. */
  start: (target: VerifyTarget, prompt?: string) => Promise<void>
  /** Cancels the running check, if any. */
  cancel: () => Promise<void>
  /** Forgets the last run (a fresh panel starts empty). */
  reset: () => void
  /** Applies one `verify:event` (ignored unless it belongs to the current run, in order). */
  apply: (payload: VerifyEventPayload) => void
  openDialog: (target: VerifyTarget) => void
  closeDialog: () => void
  /** Opens the dialog on a request the tray made before this window had loaded, if any. */
  takeOpenRequest: () => Promise<void>
}

const ENDED: readonly VerifyStatus[] = ['done', 'failed', 'cancelled']

/** True when the run has ended (done, failed or cancelled). */
export const hasEnded = (run: VerifyRun | null) => !run || ENDED.includes(run.status)

/** A run's state after one event (pure; the store calls it in seq order). */
export function reduceRun(run: VerifyRun, e: VerifyEvent): VerifyRun {
  switch (e.kind) {
    case 'started': {
      const { kind: _kind, ...started } = e
      return { ...run, started, status: run.status === 'starting' ? 'waiting' : run.status }
    }
    case 'firstToken':
      return { ...run, firstTokenMs: e.latencyMs, status: 'streaming' }
    case 'delta':
      return { ...run, text: run.text + e.text, status: 'streaming' }
    case 'done': {
      const { kind: _kind, ...result } = e
      return {
        ...run,
        status: 'done',
        result,
        firstTokenMs: e.firstTokenMs ?? run.firstTokenMs,
      }
    }
    case 'failed':
      return { ...run, status: 'failed', error: e.error }
    case 'cancelled':
      return { ...run, status: 'cancelled' }
  }
}

/** Builds the store; tests build their own. */
export function createVerifyStore() {
  // Events of a run whose start has not answered yet (main may emit before its reply arrives).
  let early: VerifyEventPayload[] = []
  // Counts starts so a slow answer to an older start is not taken for the current one.
  let attempt = 0

  return create<VerifyState>((set, get) => {
    const applyToRun = (p: VerifyEventPayload) => {
      const run = get().run
      if (!run || run.runId !== p.runId || p.seq <= run.seq || hasEnded(run)) return
      set({ run: { ...reduceRun(run, p.event), seq: p.seq } })
    }
    return {
      run: null,
      dialog: null,
      start: async (target, prompt) => {
        const previous = get().run
        const mine = ++attempt
        early = []
        set({
          run: {
            runId: null,
            target,
            status: 'starting',
            seq: -1,
            started: null,
            text: '',
            firstTokenMs: null,
            result: null,
            error: null,
          },
        })
        // Main cancels an active run on a new start too; saying so first keeps its events out.
        if (previous?.runId && !hasEnded(previous))
          void api()
            .verify.cancel({ runId: previous.runId })
            .catch(() => undefined)
        try {
          const text = prompt?.trim()
          const { runId } = await unwrap(
            api().verify.start({ ...target, ...(text ? { prompt: text } : {}) }),
          )
          if (mine !== attempt) return
          set((s) => ({ run: s.run ? { ...s.run, runId } : s.run }))
          const waiting = early.filter((p) => p.runId === runId).sort((a, b) => a.seq - b.seq)
          early = []
          for (const p of waiting) applyToRun(p)
        } catch (err) {
          if (mine !== attempt) return
          early = []
          set((s) => ({
            run: s.run ? { ...s.run, status: 'failed', error: errorBodyOf(err) } : s.run,
          }))
        }
      },
      cancel: async () => {
        const run = get().run
        if (!run || hasEnded(run)) return
        if (!run.runId) {
          // Not started in main yet: forget it; its answer is ignored (attempt moves on).
          attempt++
          early = []
          set({ run: { ...run, status: 'cancelled' } })
          return
        }
        await unwrap(api().verify.cancel({ runId: run.runId })).catch(() => undefined)
      },
      reset: () => {
        attempt++
        early = []
        set({ run: null })
      },
      apply: (p) => {
        const run = get().run
        if (run && !run.runId && run.status === 'starting') {
          // Bounded: a start answers within one round trip; a run streams far fewer events.
          if (early.length < 1000) early.push(p)
          return
        }
        applyToRun(p)
      },
      openDialog: (target) => set({ dialog: target }),
      closeDialog: () => set({ dialog: null }),
      takeOpenRequest: async () => {
        const { request } = await unwrap(api().verify.takeOpenRequest({})).catch(() => ({
          request: null,
        }))
        if (request) get().openDialog(request)
      },
    }
  })
}

export const useVerifyStore = createVerifyStore()
