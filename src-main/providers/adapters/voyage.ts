/**
 * Voyage AI adapter. Voyage has no model listing, so the test is a real authenticated call: one
 * tiny embedding with the catalog's test model (a few tokens; proves the key, not its format).
 * Discovery is the catalog's static list.
 */
import { isObject, isVector, parseJson, staticList } from './http'
import { keyedAdapter, type KeyedSession } from './keyed'
import { dimensionsResult, MODEL_TEST_MS } from './model-test'
import { failureOutcome } from './outcome'

const isEmbeddings = (j: unknown): j is { data: { embedding: number[] }[] } =>
  isObject(j) && Array.isArray(j.data) && isObject(j.data[0]) && isVector(j.data[0].embedding)

const embedSpec = (s: KeyedSession, model: string, timeoutMs?: number) =>
  s.post(`${s.root}/embeddings`, { input: ['This is a test.'], model }, timeoutMs)

/** The Voyage AI adapter (apiShape `voyage`). */
export const voyageAdapter = keyedAdapter({
  auth: (key) => ({ authorization: `Bearer ${key}` }),

  test(s) {
    const model = s.ctx.entry.testModel ?? 'voyage-3.5-lite'
    return s.probe(
      embedSpec(s, model),
      (answer, facts) => {
        const dims = parseJson(answer, facts, isEmbeddings).data[0]!.embedding.length
        return {
          code: 'ok',
          message: `Key verified with a test embedding (${model}, ${dims} dimensions).`,
          params: { provider: s.ctx.entry.id, model, dimensions: dims },
        }
      },
      // Voyage checks the key before the model: a 400 naming the model means the key is fine.
      (answer, facts) =>
        answer.status === 400 && /model/i.test(answer.text)
          ? failureOutcome('ok_test_model_unavailable', facts)
          : null,
    )
  },

  discover: async (s) => staticList(s.ctx.entry),

  modelTests: (model) => ({
    embedding: async (s) => {
      const body = await s.json(embedSpec(s, model.name, MODEL_TEST_MS), isEmbeddings)
      return dimensionsResult(body.data[0]!.embedding.length)
    },
  }),
})
