/**
 * One verification run of one registered model (issue 16), by its type: a language model streams
 * its reply (events `firstToken`, `delta`s, `done` with token counts), an embedding model answers
 * its vector's length, a TTS model a clip checked to be real audio, an STT model the transcript of
 * the bundled clip. Every piece of text that came from the provider is scrubbed of the
 * credential's secrets before it becomes an event; failures are thrown as AppErrors and turned
 * into the `failed` event by the caller (./verify-model.ts).
 */
import { failedTestCodes } from '../../src-preload/contract/errors'
import type { VerifyEvent, VerifyTokens } from '../../src-preload/contract/verify'
import { AppError, scrub } from '../errors'
import type {
  AdapterContext,
  DecryptedCredential,
  ProviderAdapter,
} from '../providers/adapter-types'
import type { CatalogEntry } from '../providers/catalog-types'
import { chatStreamPlan, runChatStream } from '../providers/streaming'
import { createStreamScrubber } from '../secrets/stream-scrub'
import type { StoredModel } from '../store/schema'
import { playableAudio } from './playable-audio'

/** A reply longer than this is cut (a check, not a chat): the rest is not shown. */
export const MAX_REPLY_CHARS = 16_000
/** The token cap asked of the provider. */
export const REPLY_MAX_TOKENS = 1024

/** What one run needs; `emit` takes the events of this run in order. */
export interface RunInput {
  model: StoredModel
  cred: DecryptedCredential
  /** The credential's secrets in the forms the scrubber searches for. */
  secrets: string[]
  entry: CatalogEntry
  adapter: ProviderAdapter
  ctx: AdapterContext
  prompt: string
  emit: (event: VerifyEvent) => void
  /** Milliseconds since the run started. */
  elapsed: () => number
}

/** Runs the check for the model's type; resolves after `done` was emitted. */
export async function runVerification(input: RunInput): Promise<void> {
  if (input.model.type === 'language') return streamChat(input)
  return oneShot(input)
}

const nothing = {
  firstTokenMs: null,
  tokens: null,
  dimensions: null,
  transcript: null,
  audio: null,
}

async function streamChat(input: RunInput): Promise<void> {
  const { cred, ctx, emit, elapsed } = input
  const plan = await chatStreamPlan(cred, ctx, {
    model: input.model.name,
    prompt: input.prompt,
    maxTokens: REPLY_MAX_TOKENS,
  })
  // The plan may add secrets of its own (Vertex's access token). Only what the request carries
  // (a key or token in its URL or headers) can come back split across pieces; a service
  // account's JSON and private key never leave the machine (Vertex gets a token for a signed
  // assertion), so they are redacted whole but not held — holding them costs seconds before the
  // first piece may be shown.
  const secrets = [...input.secrets, ...plan.secrets]
  const sent = secrets.filter(
    (s) => plan.url.includes(s) || Object.values(plan.headers).some((v) => v.includes(s)),
  )
  const scrubber = createStreamScrubber(secrets, sent)
  let firstTokenMs: number | null = null
  let shown = 0
  const show = (text: string) => {
    if (!text || shown >= MAX_REPLY_CHARS) return
    const piece = text.slice(0, MAX_REPLY_CHARS - shown)
    shown += piece.length
    emit({ kind: 'delta', text: piece })
  }
  const result = await runChatStream(plan, cred, ctx, (text) => {
    if (firstTokenMs === null) {
      firstTokenMs = elapsed()
      emit({ kind: 'firstToken', latencyMs: firstTokenMs })
    }
    show(scrubber.push(text))
  })
  show(scrubber.flush())
  emit({
    kind: 'done',
    ...nothing,
    latencyMs: elapsed(),
    firstTokenMs,
    tokens: result.tokens satisfies VerifyTokens | null,
  })
}

/** Embedding, TTS and STT: the adapter's own model test, whose result carries what we show. */
async function oneShot(input: RunInput): Promise<void> {
  const { model, cred, adapter, ctx, emit, elapsed, secrets } = input
  const out = await adapter.modelTest(cred, { name: model.name, type: model.type }, ctx)
  if (!out.ok) {
    const code = (failedTestCodes as readonly string[]).includes(out.code)
      ? (out.code as (typeof failedTestCodes)[number])
      : 'server_error'
    throw new AppError(code, scrub(out.message, secrets, 500))
  }
  const r = out.result ?? {}
  const done = { kind: 'done' as const, ...nothing, latencyMs: out.latencyMs ?? elapsed() }
  switch (model.type) {
    case 'embedding':
      if (!r.dimensions) throw notWhatWasAsked(input, 'The answer held no embedding.')
      emit({ ...done, dimensions: r.dimensions })
      return
    case 'text_to_speech': {
      const audio = r.audio ? playableAudio(r.audio.data, r.audio.mime) : null
      if (!audio) throw notWhatWasAsked(input, 'The answer was not audio that can be played.')
      emit({ ...done, audio })
      return
    }
    case 'speech_to_text':
      emit({ ...done, transcript: scrub(r.transcript ?? '', secrets, 2000) })
      return
    default:
      throw new AppError('unsupported', `No check for ${model.type} models.`)
  }
}

function notWhatWasAsked(input: RunInput, message: string): AppError {
  return new AppError('server_error', `${input.entry.displayName}: ${message}`, {
    provider: input.entry.id,
    reason: 'invalid_body',
  })
}
