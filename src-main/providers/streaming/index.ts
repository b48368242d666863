/**
 * Which streamed chat each API shape speaks (the verification check's language runs). One
 * family per shape; a shape without chat (Voyage, ElevenLabs, Deepgram) is `unsupported`.
 */
import { AppError } from '../../errors'
import type { AdapterContext, DecryptedCredential } from '../adapter-types'
import type { ApiShape } from '../catalog-types'
import { anthropicChatPlan } from './anthropic-chat'
import { cohereChatPlan } from './cohere-chat'
import { googleChatPlan, vertexChatPlan } from './gemini-chat'
import { ollamaChatPlan } from './ollama-chat'
import { openAiChatPlan } from './openai-chat'
import type { ChatStreamPlan, ChatStreamRequest } from './types'

type PlanBuilder = (
  cred: DecryptedCredential,
  ctx: AdapterContext,
  req: ChatStreamRequest,
) => Promise<ChatStreamPlan>

const FAMILIES: Partial<Record<ApiShape, PlanBuilder>> = {
  openai: openAiChatPlan,
  lmstudio: openAiChatPlan,
  azure: openAiChatPlan,
  anthropic: anthropicChatPlan,
  google: googleChatPlan,
  vertex: vertexChatPlan,
  ollama: ollamaChatPlan,
  cohere: cohereChatPlan,
}

/** The streamed-chat plan for a credential's provider. */
export function chatStreamPlan(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  req: ChatStreamRequest,
): Promise<ChatStreamPlan> {
  const build = FAMILIES[ctx.entry.apiShape]
  if (!build) {
    throw new AppError('unsupported', `${ctx.entry.displayName} has no chat to stream.`, {
      provider: ctx.entry.id,
    })
  }
  return build(cred, ctx, req)
}

export { runChatStream, type ChatStreamResult } from './run-chat-stream'
export type { ChatStreamRequest, StreamTokens } from './types'
