/**
 * Azure OpenAI (azure.ts), Vertex AI (vertex.ts with gemini-shapes.ts) and Ollama (ollama.ts,
 * through the `ollama` SDK) against hostile replies (hostile-world.ts): deployments, token
 * grants, Vertex answers and every Ollama route with a field that cannot become text or a
 * number end as coded outcomes and errors, and discovery lists only well-typed models.
 */
import { describe, it } from 'vitest'
import { azureAdapter } from '../../../../src-main/providers/adapters/azure'
import { ollamaAdapter } from '../../../../src-main/providers/adapters/ollama'
import { vertexAdapter } from '../../../../src-main/providers/adapters/vertex'
import type { ModelType } from '../../../../src-preload/contract/models-shared'
import { makeServiceAccount } from '../../../fixtures/vertex-server'
import { OLLAMA } from './hostile-ollama-api'
import { assertAdapterCopes, credFor, type FakeApi } from './hostile-world'

const ALL_TYPES: ModelType[] = ['language', 'embedding', 'text_to_speech', 'speech_to_text']
const models = (name: string, types: ModelType[]) => types.map((type) => ({ name, type }))

// The deployments listing of api-version 2023-03-15-preview (`{data:[{id, model, owner, object,
// status, scale_settings}], object:'list'}`, quoted in openai/openai-python#447),
// learn.microsoft.com/rest/api/azureopenai/models/list, and the `{error:{code, message}}`
// envelope (SciSharp/BotSharp#386 quotes the 401). Inference answers are OpenAI's
// (learn.microsoft.com/azure/ai-services/openai/reference).
const AZURE: FakeApi = {
  error: {
    error: {
      code: '401',
      message: 'Access denied due to invalid subscription key or wrong API endpoint.',
    },
  },
  routes: {
    '/openai/deployments': {
      object: 'list',
      data: [
        {
          id: 'chat',
          model: 'gpt-4o-mini',
          owner: 'organization-owner',
          object: 'deployment',
          status: 'succeeded',
          scale_settings: { scale_type: 'standard' },
        },
        { id: 'embed', model: 'text-embedding-3-small', object: 'deployment', status: 'failed' },
      ],
    },
    '/openai/models': {
      object: 'list',
      data: [{ id: 'gpt-4o-mini', object: 'model', status: 'succeeded' }],
    },
    // platform.openai.com/docs/api-reference/chat/object
    '/chat/completions': {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }],
    },
    // platform.openai.com/docs/api-reference/embeddings/object
    '/embeddings': { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1] }] },
  },
}

// developers.google.com/identity/protocols/oauth2/service-account#httprest ("Handling the
// response": `{access_token, token_type, expires_in}`; errors `{error, error_description}`),
// cloud.google.com/vertex-ai/generative-ai/docs/model-reference/count-tokens (`{totalTokens,
// totalBillableCharacters}`), .../model-reference/text-embeddings-api (`predictions[].embeddings
// .values`) and ai.google.dev/api/generate-content (candidates → content → parts).
const VERTEX: FakeApi = {
  error: {
    error: { code: 403, message: 'Permission denied on resource', status: 'PERMISSION_DENIED' },
  },
  routes: {
    '/token': { access_token: 'ya29.c.hostile-token', token_type: 'Bearer', expires_in: 3599 },
    ':countTokens': { totalTokens: 2, totalBillableCharacters: 2 },
    ':predict': {
      predictions: [
        { embeddings: { values: [0.0058, 0.0112, -0.0339], statistics: { token_count: 5 } } },
      ],
    },
    ':generateContent': {
      candidates: [
        {
          content: {
            role: 'model',
            parts: [
              { text: 'OK' },
              { inlineData: { mimeType: 'audio/L16;rate=24000', data: 'AAE' } },
            ],
          },
          finishReason: 'STOP',
        },
      ],
    },
  },
}

describe('cloud platforms and Ollama under hostile replies', () => {
  it('azure: deployments (status, model), the models fallback, SDK model tests', async () => {
    await assertAdapterCopes({
      provider: 'azure',
      adapter: azureAdapter,
      cred: credFor('azure', { endpoint: 'http://127.0.0.1:9', baseUrl: null }),
      api: AZURE,
      models: models('chat', ['language', 'embedding']),
      numRuns: 100,
    })
  })

  it('vertex: the token grant, countTokens and every Gemini model test', async () => {
    const sa = makeServiceAccount('http://127.0.0.1:9/token')
    await assertAdapterCopes({
      provider: 'vertex',
      adapter: vertexAdapter,
      cred: credFor('vertex', {
        apiKey: null,
        serviceAccountJson: JSON.stringify(sa.json),
        location: 'us-central1',
      }),
      api: VERTEX,
      models: models('gemini-2.5-flash', ALL_TYPES),
      numRuns: 60,
    })
  })

  it('ollama: version, tags, show capabilities, ps, chat and embed', async () => {
    await assertAdapterCopes({
      provider: 'ollama',
      adapter: ollamaAdapter,
      cred: credFor('ollama', { apiKey: null }),
      api: OLLAMA,
      models: models('llama3.2:3b', ['language', 'embedding']),
    })
  })
})
