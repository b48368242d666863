/**
 * The LM Studio adapter (DESIGN §5): test and model test are the OpenAI-shaped adapter's (LM
 * Studio serves `/v1`); discovery asks LM Studio's own REST API, `/api/v0/models`, which says
 * each model's type (llm / vlm / embeddings) and whether it is loaded, and falls back to the
 * OpenAI listing (typed by name) on servers without it (LM Studio before 0.3.6).
 */
import { AppError } from '../../errors'
import { typeFromLmStudio } from '../reported-type'
import type {
  AdapterContext,
  DecryptedCredential,
  DiscoveredModel,
  ProviderAdapter,
} from '../adapter-types'
import { fetchJson, isObject } from './http'
import { resolveRoot } from './api-request'
import { openAiAdapter } from './openai'
import { classifyByName } from '../classify'

interface NativeList {
  data: Record<string, unknown>[]
}

const isNativeList = (j: unknown): j is NativeList =>
  isObject(j) &&
  Array.isArray(j.data) &&
  j.data.every((d) => isObject(d) && typeof d.id === 'string')

async function discover(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): Promise<DiscoveredModel[]> {
  const root = resolveRoot(cred, ctx.entry, { stripVersion: true })
  if (typeof root !== 'string')
    throw new AppError('not_configured', root.message, { provider: ctx.entry.id })
  const secrets = cred.apiKey ? [cred.apiKey] : []
  let native: NativeList
  try {
    native = await fetchJson(
      ctx,
      cred,
      {
        url: `${root}/api/v0/models`,
        ...(cred.apiKey ? { headers: { Authorization: `Bearer ${cred.apiKey}` } } : {}),
      },
      secrets,
      isNativeList,
    )
  } catch (err) {
    // No native API (older LM Studio, or a proxy that only forwards /v1): the OpenAI listing.
    // LM Studio itself answers an unknown route with 200 and `{"error": "Unexpected endpoint or
    // method. (GET /api/v0/models)"}` (lmstudio-ai/lmstudio-bug-tracker#618), which is not the
    // native list: that is the same answer as a 404.
    const status = err instanceof AppError ? err.params?.status : undefined
    const notNative = err instanceof AppError && err.params?.reason === 'invalid_body'
    if (status === 404 || status === 405 || notNative) {
      return openAiAdapter.discover(cred, ctx)
    }
    throw err
  }
  // An entry without a name cannot be registered: it is skipped, the rest are listed.
  return native.data.flatMap((d): DiscoveredModel[] => {
    const name = d.id as string
    if (!name) return []
    const apiType = typeFromLmStudio(d.type)
    const ctxLen =
      typeof d.max_context_length === 'number' && d.max_context_length > 0
        ? d.max_context_length
        : undefined
    return [
      {
        name,
        type: apiType ?? classifyByName(name, 'lmstudio'),
        typeSource: apiType ? 'api' : 'name',
        loaded: d.state === 'loaded',
        ...(ctxLen ? { contextLength: ctxLen } : {}),
      },
    ]
  })
}

/** The LM Studio adapter (provider `lmstudio`). */
export const lmStudioAdapter: ProviderAdapter = {
  test: (cred, ctx) => openAiAdapter.test(cred, ctx),
  discover,
  modelTest: (cred, model, ctx) => openAiAdapter.modelTest(cred, model, ctx),
}
