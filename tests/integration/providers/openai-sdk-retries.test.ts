/**
 * src-main/providers/adapters/openai-sdk builds the `openai` client with `maxRetries: 0`: the
 * app's own limits decide whether to try again, so a model test that gets a 429 or a 500 sends
 * exactly one request. The fake answers each with OpenAI's own error body (errorReply in
 * tests/fixtures/openai-server.ts, platform.openai.com/docs/guides/error-codes) plus the two
 * headers the SDK obeys when it may retry (openai/openai-node src/client.ts: `shouldRetry`
 * retries 408/409/429/5xx and whatever says `x-should-retry: true`; `retryRequest` waits
 * `retry-after-ms`), so a client that retried would do so at once and be counted here.
 */
import { describe, expect, it } from 'vitest'
import { openAiAdapter } from '../../../src-main/providers/adapters/openai'
import type { ModelType } from '../../../src-preload/contract/models-shared'
import { ctxFor } from '../../fixtures/adapter-harness'
import { startOpenAiServer } from '../../fixtures/openai-server'
import type { FakeMode } from '../../fixtures/recording-server'
import { closedAfter } from '../../support/servers'

const KEY = 'sk-proj-NORETRY0123456789abcdefgh'
const track = closedAfter()

const CASES: Array<[FakeMode, ModelType, string, string]> = [
  ['rate_limited', 'language', 'gpt-4o-mini', '/v1/chat/completions'],
  ['server_error', 'language', 'gpt-4o-mini', '/v1/chat/completions'],
  ['rate_limited', 'embedding', 'text-embedding-3-small', '/v1/embeddings'],
  ['server_error', 'embedding', 'text-embedding-3-small', '/v1/embeddings'],
]

describe('the OpenAI SDK client never retries on its own', () => {
  it.each(CASES)(
    '%s on a %s model test: one request, a failed outcome',
    async (mode, type, name, path) => {
      const s = await startOpenAiServer({
        key: KEY,
        headers: { 'x-should-retry': 'true', 'retry-after-ms': '1' },
      })
      track(s)
      s.mode = mode
      const o = await openAiAdapter.modelTest(
        { id: 'c1', provider: 'openai', name: 'T', baseUrl: s.url, apiKey: KEY },
        { name, type },
        ctxFor('openai'),
      )
      expect(s.requests.map((r) => r.path)).toEqual([path])
      expect(o.ok).toBe(false)
      // A model test's 429 is a server_error whose words name the rate limit (outcome.ts responseError).
      expect(o.code).toBe('server_error')
      if (mode === 'rate_limited') expect(o.message).toContain('429')
      expect(JSON.stringify(o)).not.toContain(KEY)
    },
  )
})
