/**
 * Voyage AI adapter. Voyage has no model listing, so the test is a real authenticated call: one
 * tiny embedding with the catalog's test model (a few tokens; proves the key, not its format).
 * Discovery is the catalog's static list.
 */
import type {
  AdapterContext,
  DecryptedCredential,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import {
  fetchJson,
  isObject,
  parseJson,
  probe,
  requireKey,
  resolveRoot,
  staticList,
  throwOutcome,
  timedModelTest,
  unsupportedType,
} from './http'
import { failureOutcome } from './outcome'

const isEmbeddings = (j: unknown): j is { data: { embedding: number[] }[] } =>
  isObject(j) && Array.isArray(j.data) && isObject(j.data[0]) && Array.isArray(j.data[0].embedding)

function setup(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): { root: string; key: string } | TestOutcome {
  const root = resolveRoot(cred, ctx.entry)
  if (typeof root !== 'string') return root
  const key = requireKey(cred, ctx.entry)
  return typeof key === 'string' ? { root, key } : key
}

const embedSpec = (root: string, key: string, model: string, timeoutMs?: number) => ({
  url: `${root}/embeddings`,
  method: 'POST' as const,
  headers: {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json',
    accept: 'application/json',
  },
  body: JSON.stringify({ input: ['This is a test.'], model }),
  ...(timeoutMs ? { timeoutMs } : {}),
})

/** The Voyage AI adapter (apiShape `voyage`). */
export const voyageAdapter: ProviderAdapter = {
  async test(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) return s
    const model = ctx.entry.testModel ?? 'voyage-3.5-lite'
    return probe(ctx, cred, embedSpec(s.root, s.key, model), {
      secrets: [s.key],
      onOk: (answer, facts) => {
        const dims = parseJson(answer, facts, isEmbeddings).data[0]!.embedding.length
        return {
          code: 'ok',
          message: `Key verified with a test embedding (${model}, ${dims} dimensions).`,
          params: { provider: ctx.entry.id, model, dimensions: dims },
        }
      },
      // Voyage checks the key before the model: a 400 naming the model means the key is fine.
      onStatus: (answer, facts) =>
        answer.status === 400 && /model/i.test(answer.text)
          ? failureOutcome('ok_test_model_unavailable', facts)
          : null,
    })
  },

  async discover(cred, ctx) {
    const s = setup(cred, ctx)
    if ('code' in s) throwOutcome(s)
    return staticList(ctx.entry)
  },

  async modelTest(cred, model, ctx) {
    if (model.type !== 'embedding') return unsupportedType(ctx.entry, model.type)
    const s = setup(cred, ctx)
    if ('code' in s) return { ok: false, code: s.code, message: s.message }
    return timedModelTest(ctx, [s.key], async () => {
      const body = await fetchJson(
        ctx,
        cred,
        embedSpec(s.root, s.key, model.name, 30_000),
        [s.key],
        isEmbeddings,
      )
      const dimensions = body.data[0]!.embedding.length
      return { message: `Embedding dimensions: ${dimensions}`, result: { dimensions } }
    })
  },
}
