/**
 * src-main/services/local-connect.ts: connect's needs met by the services — discovery's error
 * value thrown as the coded error, the same server's credential found by provider and base URL,
 * no empty key sent, counts and slots passed on.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { connectDepsFrom, type ConnectServices } from '../../../src-main/services/local-connect'
import type { CredentialView } from '../../../src-preload/contract/credentials'
import type { DiscoverResult } from '../../../src-preload/contract/models'

const view = (id: string, baseUrl: string) => ({ id, baseUrl }) as unknown as CredentialView

function services(discover: DiscoverResult) {
  const created: unknown[] = []
  const deleted: string[] = []
  const s = {
    credentials: {
      create: async (input: unknown) => {
        created.push(input)
        return view('c-new', 'http://127.0.0.1:11434')
      },
      delete: async (id: string) => {
        deleted.push(id)
        return {} as never
      },
      list: async () => [
        view('c-a', 'http://127.0.0.1:1234'),
        view('c-b', 'http://127.0.0.1:11434'),
      ],
    },
    models: {
      discover: async () => discover,
      register: async () => ({ created: [{}, {}], existing: [{}] }) as never,
    },
    defaults: {
      autoAssign: async () =>
        ({ assigned: [{ slot: 'chat', modelId: 'm1' }], missing: [] }) as never,
    },
  } as unknown as ConnectServices
  return { s, created, deleted }
}

const found = (error: DiscoverResult['error']): DiscoverResult => ({
  credentialId: 'c-new',
  provider: 'ollama',
  models: [{ id: 'x', name: 'llama3.1:8b', type: 'language', registered: false } as never],
  error,
})

describe('connectDepsFrom', () => {
  it('creates without an empty key, and with a given one', async () => {
    const { s, created } = services(found(null))
    const deps = connectDepsFrom(s)
    await deps.createCredential({ provider: 'ollama', name: 'Ollama', baseUrl: 'http://h' })
    await deps.createCredential({
      provider: 'lmstudio',
      name: 'LM',
      baseUrl: 'http://h',
      apiKey: '',
    })
    await deps.createCredential({
      provider: 'lmstudio',
      name: 'LM',
      baseUrl: 'http://h',
      apiKey: 'k',
    })
    expect(created).toEqual([
      { provider: 'ollama', name: 'Ollama', baseUrl: 'http://h' },
      { provider: 'lmstudio', name: 'LM', baseUrl: 'http://h' },
      { provider: 'lmstudio', name: 'LM', baseUrl: 'http://h', apiKey: 'k' },
    ])
  })

  it('lists discovered models by name and type', async () => {
    const deps = connectDepsFrom(services(found(null)).s)
    expect(await deps.discoverModels!('c-new')).toEqual([{ id: 'llama3.1:8b', type: 'language' }])
  })

  it("throws discovery's error with its code and params", async () => {
    const deps = connectDepsFrom(
      services(found({ code: 'auth_invalid', message: 'bad key', params: { status: 401 } })).s,
    )
    const err = await deps.discoverModels!('c-new').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'auth_invalid', params: { status: 401 } })
  })

  it('finds the credential of the same base URL, removes, counts and passes slots on', async () => {
    const { s, deleted } = services(found(null))
    const deps = connectDepsFrom(s)
    expect(await deps.findCredential!('ollama', 'http://127.0.0.1:11434')).toMatchObject({
      id: 'c-b',
    })
    expect(await deps.findCredential!('ollama', 'http://127.0.0.1:9')).toBeNull()
    await deps.removeCredential!('c-new')
    expect(deleted).toEqual(['c-new'])
    expect(await deps.registerModels('c-new', [])).toEqual({ created: 2, existing: 1 })
    expect(await deps.autoAssignDefaults!('c-new')).toEqual(['chat'])
  })
})
