/**
 * Channels of the verification check (issue 16): one prompt to one registered model, the reply
 * streamed back as events, with latency to the first token and token counts; an embedding model
 * answers its vector's dimensions, a TTS model a playable clip, an STT model the transcript of
 * the bundled clip. A check, not a chat: no history, one run at a time.
 */
import { z } from 'zod'
import { channel, event } from './define'
import type { ErrorBody } from './errors'
import { ModelsEntityId } from './models'
import type { ModelType } from './models-shared'

/** The longest prompt a check sends (characters, after trimming). */
export const VERIFY_PROMPT_MAX = 2000

/** A model to verify: the registered model's id and the credential it is registered on. */
export interface VerifyTarget {
  credentialId: string
  modelId: string
}

/** Token counts the provider reported; null where it reported none. */
export interface VerifyTokens {
  input: number | null
  output: number | null
}

/** One step of a run, in order: `started`, then `firstToken` and `delta`s, then one end event. */
export type VerifyEvent =
  /** The run reached the provider's adapter: what is being verified. */
  | {
      kind: 'started'
      providerId: string
      credentialName: string
      /**
       * The model as the provider names it — the registered model's `name` (a model id such as
       * `gpt-4o-mini`, or an Azure deployment) — for display. Not the store id that
       * `VerifyTarget.modelId` and `verify:start` take.
       */
      modelId: string
      modelType: ModelType
    }
  /** A piece of the reply, in order, already scrubbed of every known secret. */
  | { kind: 'delta'; text: string }
  /** The first piece of the reply arrived, this long after the request was sent. */
  | { kind: 'firstToken'; latencyMs: number }
  /** The run ended well; the field that fits the model's type is set, the others null. */
  | {
      kind: 'done'
      latencyMs: number
      firstTokenMs: number | null
      tokens: VerifyTokens | null
      /** Embedding models: the vector's length. */
      dimensions: number | null
      /** Speech-to-text models: the transcript of the bundled clip (scrubbed). */
      transcript: string | null
      /** Text-to-speech models: the clip, checked to be a real audio container. */
      audio: { mime: string; data: Uint8Array } | null
    }
  /** The run ended with a coded error (the IPC envelope's error shape). */
  | { kind: 'failed'; error: ErrorBody }
  /** The run was cancelled (`verify:cancel`, a newer start, or the window going away). */
  | { kind: 'cancelled' }

/** One event of one run; `seq` grows by one per event of a run, from 0. */
export interface VerifyEventPayload {
  runId: string
  seq: number
  event: VerifyEvent
}

const RunId = z.string().min(1).max(64)

export const verifyChannels = {
  /**
   * Starts one run; its events follow on `verify:event`. A start while another run is active
   * cancels that run first. Without a prompt, a short translated one is sent.
   */
  'verify:start': channel<{ runId: string }>()(
    z
      .object({
        credentialId: ModelsEntityId,
        modelId: ModelsEntityId,
        prompt: z.string().trim().min(1).max(VERIFY_PROMPT_MAX).optional(),
      })
      .strict(),
  ),
  /** Cancels a run; `cancelled` is false when it had already ended or never existed. */
  'verify:cancel': channel<{ cancelled: boolean }>()(z.object({ runId: RunId }).strict()),
  /**
   * Takes (and forgets) the tray's "Quick test chat model" request, kept in main for a window
   * that was not loaded when the tray asked; null when there is none.
   */
  'verify:takeOpenRequest': channel<{ request: VerifyTarget | null }>()(z.object({}).strict()),
}

export const verifyEvents = {
  /** One step of a run (see VerifyEvent). */
  'verify:event': event<VerifyEventPayload>(),
  /** The tray asks the window to open the check on this model (the chat default). */
  'verify:openRequested': event<VerifyTarget>(),
}
