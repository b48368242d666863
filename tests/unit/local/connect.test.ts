import { describe, expect, it } from 'vitest'
import type { DetectedServer } from '../../../src-preload/contract/local'
import { connectServer, type ConnectDeps } from '../../../src-main/local/connect'
import { AppError } from '../../../src-main/errors'

const server = (over: Partial<DetectedServer> = {}): DetectedServer => ({
  kind: 'lmstudio',
  baseUrl: 'http://127.0.0.1:1234',
  version: null,
  state: 'nothing_loaded',
  source: 'default',
  provider: 'lmstudio',
  credentialBaseUrl: 'http://127.0.0.1:1234/v1',
  models: [
    { id: 'meta-llama-3.1-8b-instruct', type: 'language', typeSource: 'api', loaded: false },
    {
      id: 'text-embedding-nomic-embed-text-v1.5',
      type: 'embedding',
      typeSource: 'api',
      loaded: false,
    },
  ],
  ...over,
})

function deps(existing: { id: string } | null = null) {
  const calls: { created: unknown[]; registered: unknown[]; assigned: string[] } = {
    created: [],
    registered: [],
    assigned: [],
  }
  const d: ConnectDeps = {
    createCredential: async (i) => (calls.created.push(i), { id: 'cred-1' }),
    registerModels: async (id, models) => (
      calls.registered.push({ id, models }),
      { created: models.length, existing: 0 }
    ),
    autoAssignDefaults: async (id) => (calls.assigned.push(id), ['chat', 'embedding']),
    findCredential: async () => existing,
  }
  return { d, calls }
}

describe('connectServer', () => {
  it('creates the credential and registers every model with its type', async () => {
    const { d, calls } = deps()
    const r = await connectServer(server(), d, { autoAssignDefaults: true })
    expect(r).toEqual({
      credentialId: 'cred-1',
      provider: 'lmstudio',
      registered: 2,
      existing: 0,
      defaultsAssigned: ['chat', 'embedding'],
    })
    expect(calls.created).toEqual([
      {
        provider: 'lmstudio',
        name: 'LM Studio (127.0.0.1:1234)',
        baseUrl: 'http://127.0.0.1:1234/v1',
      },
    ])
    expect(calls.registered).toEqual([
      {
        id: 'cred-1',
        models: [
          { name: 'meta-llama-3.1-8b-instruct', type: 'language' },
          { name: 'text-embedding-nomic-embed-text-v1.5', type: 'embedding' },
        ],
      },
    ])
  })

  it('reuses the credential of the same server and registers only the chosen models', async () => {
    const { d, calls } = deps({ id: 'existing' })
    const r = await connectServer(server(), d, {
      models: [{ id: 'meta-llama-3.1-8b-instruct', type: 'language' }],
    })
    expect(r.credentialId).toBe('existing')
    expect(calls.created).toHaveLength(0)
    expect(r.defaultsAssigned).toEqual([])
    expect(calls.registered).toHaveLength(1)
  })

  it('refuses a model the server does not offer, before creating anything', async () => {
    const { d, calls } = deps()
    await expect(
      connectServer(server(), d, { models: [{ id: 'gpt-4o', type: 'language' }] }),
    ).rejects.toMatchObject({
      code: 'validation',
    })
    expect(calls.created).toHaveLength(0)
  })

  it('a generic server becomes openai_compatible with a /v1 base URL', async () => {
    const { d, calls } = deps()
    await connectServer(
      server({
        kind: 'vllm',
        provider: 'openai_compatible',
        baseUrl: 'http://10.0.0.2:8000',
        credentialBaseUrl: 'http://10.0.0.2:8000/v1',
        models: [],
      }),
      d,
      { name: 'GPU box' },
    )
    expect(calls.created).toEqual([
      { provider: 'openai_compatible', name: 'GPU box', baseUrl: 'http://10.0.0.2:8000/v1' },
    ])
    expect(calls.registered).toHaveLength(0)
    expect(AppError).toBeDefined()
  })
})
