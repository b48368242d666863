/**
 * Where connection tests meet the store (src-main/services/connection-test-store.ts): the host each
 * credential's test talks to (the bound on concurrent tests is per host), results saved in
 * batches but never for a credential deleted meanwhile, and the last results as a copy.
 */
import { describe, expect, it } from 'vitest'
import { getProvider } from '../../../src-main/providers/catalog'
import {
  createConnectionTestStore,
  testHost,
} from '../../../src-main/services/connection-test-store'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { createFileStore } from '../../../src-main/store/file-store'
import type { LastTestResult } from '../../../src-main/store/schema'
import { tmpHome } from '../../support/home'

const result = (code: LastTestResult['code']) =>
  ({ code, message: '', at: '2026-01-01T00:00:00.000Z', latencyMs: 5 }) as LastTestResult

describe('testHost', () => {
  const openai = { defaultBaseUrl: 'https://api.openai.com/v1' }
  const none = { defaultBaseUrl: null }
  const c = (over: Record<string, string | null>) => ({
    baseUrl: null,
    endpoint: null,
    provider: 'openai',
    ...over,
  })
  it('is the override, then the endpoint, then the provider default', () => {
    expect(testHost(c({}), openai)).toBe('api.openai.com')
    expect(testHost(c({ endpoint: 'https://res.openai.azure.com' }), openai)).toBe(
      'res.openai.azure.com',
    )
    expect(
      testHost(c({ baseUrl: 'http://127.0.0.1:4000/v1', endpoint: 'https://x' }), openai),
    ).toBe('127.0.0.1:4000')
  })

  it('groups an unparsable or absent URL by provider and location', () => {
    expect(testHost(c({ baseUrl: 'not a url' }), openai)).toBe('openai:')
    expect(testHost(c({ provider: 'vertex', location: 'us-central1' }), none)).toBe(
      'vertex:us-central1',
    )
  })
})

describe('createConnectionTestStore', () => {
  async function world() {
    const store = createFileStore(tmpHome('sb-conn-store-'))
    await store.update((d) => {
      d.credentials.push(
        blankCredential('openai', { id: 'a', name: 'a' }),
        blankCredential('ollama', { id: 'b', name: 'b', baseUrl: 'http://10.0.0.5:11434' }),
        blankCredential('lmstudio', { id: 'x', name: 'x' }),
      )
    })
    // A provider the catalog no longer knows (an older store read by a newer app, say).
    const lookup = (id: string) => {
      if (id === 'lmstudio') throw new Error('unknown provider')
      return getProvider(id)
    }
    return { store, tests: createConnectionTestStore({ store, getProvider: lookup }) }
  }

  it('lists every credential with its host, an unknown provider by itself', async () => {
    const { tests } = await world()
    expect(await tests.listCredentialIds()).toEqual(['a', 'b', 'x'])
    expect(await tests.listTargets()).toEqual([
      { id: 'a', host: 'api.openai.com' },
      { id: 'b', host: '10.0.0.5:11434' },
      { id: 'x', host: 'x' },
    ])
  })

  it('saves results, but none for a credential deleted while its test ran', async () => {
    const { store, tests } = await world()
    await store.update((d) => {
      d.credentials = d.credentials.filter((c) => c.id !== 'b')
    })
    await Promise.all([
      tests.saveResult('a', result('ok')),
      tests.saveResult('b', result('network')),
    ])
    const last = await tests.lastResults()
    expect(last).toEqual({ a: result('ok') })
    // A copy: the store's document is frozen and shared.
    last.z = result('ok')
    expect(await tests.lastResults()).toEqual({ a: result('ok') })
  })
})
