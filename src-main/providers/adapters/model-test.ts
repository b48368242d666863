/**
 * The model-test frame every adapter shares: a runner per model type (a table, not a switch),
 * the setup check, the timing, and the messages an adapter reports for a reply, an embedding, an
 * audio clip or a transcript.
 */
import type { ModelType } from '../../../src-preload/contract/models-shared'
import { AppError } from '../../errors'
import type { AdapterContext, ModelTestOutcome, TestOutcome } from '../adapter-types'
import type { CatalogEntry } from '../catalog-types'
import { isObject } from './http'
import { errorOutcome } from './outcome'

/** Chat and embedding tests answer quickly; audio tests get longer. */
export const MODEL_TEST_MS = 30_000
export const AUDIO_TEST_MS = 60_000

/** Milliseconds since `started`. */
function since(started: number): number {
  return Math.max(0, Date.now() - started)
}

/** What a model test found, before timing. */
export interface ModelTestResult {
  message: string
  result: ModelTestOutcome['result']
}

/** One model-test runner per type a provider serves; a type without one is unsupported. */
export type TypeRunners<S> = Partial<Record<ModelType, (s: S) => Promise<ModelTestResult>>>

/** True for a setup that ended in an outcome (not configured, unreadable credential). */
export function isOutcome<S extends object>(s: S | TestOutcome): s is TestOutcome {
  return 'code' in s
}

/** A setup outcome as a failed model test (nothing was timed). */
function setupFailure(o: TestOutcome): ModelTestOutcome {
  return { ok: false, code: o.code, message: o.message }
}

/** Runs a model test body and wraps its result or failure with the latency. */
export async function timedModelTest(
  ctx: AdapterContext,
  secrets: readonly string[],
  run: () => Promise<ModelTestResult>,
): Promise<ModelTestOutcome> {
  const started = Date.now()
  try {
    const { message, result } = await run()
    return { ok: true, code: 'ok', message, result, latencyMs: since(started) }
  } catch (err) {
    // errorOutcome re-throws a cancellation: the caller asked for it.
    const o = errorOutcome(err, { entry: ctx.entry, secrets })
    return { ok: false, code: o.code, message: o.message, latencyMs: since(started) }
  }
}

/**
 * The model test of an adapter: an unserved type is `unsupportedType` (before any setup), a
 * setup outcome is a failed test, otherwise the type's runner, timed.
 */
export async function modelTestByType<S extends object>(
  ctx: AdapterContext,
  type: ModelType,
  setup: () => S | TestOutcome,
  secrets: (s: S) => readonly string[],
  runners: TypeRunners<S>,
): Promise<ModelTestOutcome> {
  const run = runners[type]
  if (!run) return unsupportedType(ctx.entry, type)
  const s = setup()
  if (isOutcome(s)) return setupFailure(s)
  return timedModelTest(ctx, secrets(s), () => run(s))
}

/** The ModelTestOutcome for a type this provider does not serve. */
function unsupportedType(entry: CatalogEntry, type: string): ModelTestOutcome {
  return {
    ok: false,
    code: 'not_configured',
    message: `${entry.displayName} has no ${type.replace(/_/g, ' ')} models to test.`,
  }
}

/** Text of a tiny reply, shortened for display. */
export function shortReply(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > 100 ? `${t.slice(0, 99)}…` : t
}

/**
 * The text of a reply's content blocks (Anthropic `content`, Cohere `message.content`, Gemini
 * `parts`), joined. Read from the provider's JSON, so a block that is not an object, or whose
 * `text` is not a string, adds nothing: joining a value that cannot become text would throw.
 */
export function partsText(parts: unknown): string {
  if (!Array.isArray(parts)) return ''
  return parts
    .map((p: unknown) => (isObject(p) && typeof p.text === 'string' ? p.text : ''))
    .join('')
}

/** A chat test's result; `empty` stands in for an empty reply. */
export function replyResult(text: string, empty = '(empty)'): ModelTestResult {
  const reply = shortReply(text)
  return { message: `Response: ${reply || empty}`, result: { reply } }
}

/** An embedding test's result. */
export function dimensionsResult(dimensions: number): ModelTestResult {
  return { message: `Embedding dimensions: ${dimensions}`, result: { dimensions } }
}

/** A text-to-speech test's result; the clip itself rides along for the verification check. */
export function audioResult(data: Uint8Array, mime: string): ModelTestResult {
  const bytes = data.length
  return { message: `Audio generated: ${bytes} bytes`, result: { bytes, audio: { mime, data } } }
}

/** A speech-to-text test's result; `empty` stands in for an empty transcript. */
export function transcriptResult(text: string, empty = '(empty)'): ModelTestResult {
  const transcript = shortReply(text)
  return { message: `Transcription: ${transcript || empty}`, result: { transcript } }
}

/** The bundled speech clip of a speech-to-text test, or not_configured when there is none. */
export async function speechClip(clip: (() => Promise<Buffer>) | undefined): Promise<Buffer> {
  if (!clip) throw new AppError('not_configured', 'No speech clip is available for the test.')
  return clip()
}
