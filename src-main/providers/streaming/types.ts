/**
 * What a streamed chat looks like to the verification check, per API family: the request to
 * send and how to read each frame of the answer. The families (./openai-chat.ts, …) build these
 * from the adapters' own URL and auth code; ./run-chat-stream.ts sends and reads them.
 */
import type { AppError } from '../../errors'
import type { BodyRule } from '../adapters/failure-code'
import type { SseFrame } from './frames'

/** Token counts a provider reported; null where it said nothing. */
export interface StreamTokens {
  input: number | null
  output: number | null
}

/** What one frame of a streamed answer says. */
export interface FrameRead {
  /** A piece of the reply. */
  text?: string
  /** Counts seen in this frame (a later frame's count replaces an earlier one). */
  usage?: Partial<StreamTokens>
  /** The model finished its reply (usage may still follow). */
  finished?: boolean
  /** The last frame that matters: stop reading (implies finished). */
  done?: boolean
  /** The provider reported a failure inside the stream. */
  error?: AppError
}

/** One streamed chat request and the reader of its answer. */
export interface ChatStreamPlan {
  url: string
  headers: Record<string, string>
  body: unknown
  framing: 'sse' | 'ndjson'
  /** Secrets to scrub from any upstream text (keys, tokens). */
  secrets: readonly string[]
  /** The provider's error-body reader for a non-2xx answer. */
  rule?: BodyRule
  /** Reads one frame (an SSE event, or one NDJSON line as text). */
  read(frame: SseFrame | string): FrameRead
}

/** The request a family builds a plan for. */
export interface ChatStreamRequest {
  model: string
  prompt: string
  /** A cap on the reply's length (tokens) where the API takes one. */
  maxTokens: number
}
