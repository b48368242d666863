/**
 * One small fake API for the HTTP-layer tests (http, probe): JSON, audio, an HTML page, a cursor
 * listing and the OpenAI error shape, behind a bearer key; and an adapter context over the real
 * guarded fetch.
 */
import { ctxFor } from '../../../fixtures/adapter-harness'
import { header, startProviderFake, type FakeServer } from '../../../fixtures/recording-server'
import type { DecryptedCredential } from '../../../../src-main/providers/adapter-types'

export const KEY = 'sk-http-layer-0123456789abcdef'
export const auth = { authorization: `Bearer ${KEY}` }
export const cred: DecryptedCredential = { id: 'c1', provider: 'openai', name: 'Fake' }
export const ctx = () => ctxFor('openai')

const PAGES: Record<string, { items: number[]; next: string | null }> = {
  '': { items: [1, 2], next: 'b' },
  b: { items: [3], next: 'c' },
  c: { items: [4], next: 'c' },
}

/** Starts the fake (prefix `/v1`). */
export function startHttpFake(): Promise<FakeServer> {
  return startProviderFake({
    prefix: '/v1',
    authorized: (req) => header(req, 'authorization') === `Bearer ${KEY}`,
    // OpenAI's error shape (platform.openai.com/docs/guides/error-codes).
    error: (status) => ({
      status,
      json: { error: { message: `failed with ${status} for ${KEY}`, type: 'x', code: null } },
    }),
    headers: () => ({ 'x-ratelimit-remaining-requests': '41', 'x-ratelimit-limit-requests': '50' }),
    routes: {
      'GET /models': () => ({ status: 200, json: { data: [{ id: 'm1' }] } }),
      'GET /page': () => ({
        status: 200,
        bytes: Buffer.from('<html>login</html>'),
        contentType: 'text/html',
      }),
      'GET /audio': () => ({
        status: 200,
        bytes: Buffer.from([1, 2, 3, 4]),
        contentType: 'audio/wav',
      }),
      'GET /empty-audio': () => ({ status: 200, bytes: Buffer.alloc(0), contentType: 'audio/wav' }),
      'GET /list': (req) => ({ status: 200, json: PAGES[req.query.get('after') ?? '']! }),
    },
  })
}
