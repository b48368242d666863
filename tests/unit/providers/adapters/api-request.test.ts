/**
 * The parts of a provider request (src-main/providers/adapters/api-request): the credential's
 * API root or the not_configured outcome that says what is missing, headers and a JSON POST.
 */
import { describe, expect, it } from 'vitest'
import {
  headersWith,
  postJson,
  resolveRoot,
} from '../../../../src-main/providers/adapters/api-request'
import type { DecryptedCredential } from '../../../../src-main/providers/adapter-types'
import { getProvider } from '../../../../src-main/providers/catalog'

const cred = (over: Partial<DecryptedCredential>): DecryptedCredential => ({
  id: 'c1',
  provider: 'openai',
  name: 'n',
  ...over,
})

describe('API requests', () => {
  it('uses the override without a trailing slash, else the catalog default', () => {
    const openai = getProvider('openai')
    expect(resolveRoot(cred({ baseUrl: 'http://127.0.0.1:9/v1/' }), openai)).toBe(
      'http://127.0.0.1:9/v1',
    )
    expect(resolveRoot(cred({}), openai)).toBe(openai.defaultBaseUrl)
    expect(
      resolveRoot(cred({ baseUrl: 'https://api.cohere.com/v2' }), getProvider('cohere'), {
        stripVersion: true,
      }),
    ).toBe('https://api.cohere.com')
  })

  it('says what is missing or wrong as a not_configured outcome', () => {
    const compat = getProvider('openai_compatible')
    const none = resolveRoot(cred({ provider: 'openai_compatible' }), compat)
    expect(none).toMatchObject({
      code: 'not_configured',
      params: { provider: 'openai_compatible' },
    })
    expect(typeof none === 'object' && none.message).toContain('no base URL is set')
    const bad = resolveRoot(cred({ baseUrl: 'ftp://x' }), getProvider('openai'))
    expect(bad).toMatchObject({ code: 'not_configured' })
    expect(typeof bad === 'object' && bad.message).toContain('http:// or https://')
  })

  it('builds headers (extra wins) and a JSON POST', () => {
    expect(headersWith({ authorization: 'Bearer k' }, { accept: 'audio/wav' })).toEqual({
      authorization: 'Bearer k',
      accept: 'audio/wav',
    })
    expect(postJson('http://x/chat', headersWith({}), { a: 1 }, 500)).toEqual({
      url: 'http://x/chat',
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"a":1}',
      timeoutMs: 500,
    })
    expect(postJson('http://x', {}, null)).not.toHaveProperty('timeoutMs')
  })
})
