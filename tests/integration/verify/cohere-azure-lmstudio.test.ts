/**
 * The verification check against the Cohere, Azure OpenAI and LM Studio fakes (issue 16):
 * Cohere's v2 chat events, an Azure deployment's OpenAI chunks (with its content-filter chunks)
 * and LM Studio's OpenAI-compatible stream (tests/fixtures/cohere-server.ts, azure-server.ts,
 * lmstudio-server.ts, sources cited there). Each: the pieces in order with first-token and total
 * latency, the tokens where the provider reports them, an echoed key redacted in several
 * encodings, a refused key / a 429 mapped to their codes, a garbage frame and a cut stream
 * failing with a code.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startAzureServer } from '../../fixtures/azure-server'
import { startCohereServer } from '../../fixtures/cohere-server'
import { startFakeLmStudio, type FakeLmStudio } from '../../fixtures/lmstudio-server'
import { jsonBody, type FakeServer } from '../../fixtures/recording-server'
import { ENCODINGS } from '../../fixtures/secret-encodings'
import { check, cleanWorlds, track, endOf, worldOn } from './helpers'
import {
  expectErrorEvent,
  expectEchoRedacted,
  expectFailures,
  expectStreamed,
} from './shared-checks'

const KEY = 'co-VERIFYkey0123456789abcdefghijklmnopq'
afterEach(cleanWorlds)

async function world<S extends FakeServer | FakeLmStudio>(
  server: S,
  credential: Record<string, unknown>,
  model: string,
) {
  track(server)
  return worldOn(server, credential, { name: model, type: 'language' })
}

const cohereWorld = async () => {
  const server = await startCohereServer({ key: KEY })
  return world(
    server,
    { provider: 'cohere', name: 'Cohere', baseUrl: server.url, apiKey: KEY },
    'command-a-03-2025',
  )
}

const azureWorld = async (apiVersion = '2024-10-21', contentFilter = false) => {
  const server = await startAzureServer({ key: KEY, contentFilter })
  return world(
    server,
    { provider: 'azure', name: 'Azure', endpoint: server.url, apiVersion, apiKey: KEY },
    'chat-prod',
  )
}

const lmStudioWorld = async () => {
  const server = await startFakeLmStudio({ token: KEY })
  return world(
    server,
    { provider: 'lmstudio', name: 'LM Studio', baseUrl: `${server.url}/v1`, apiKey: KEY },
    'meta-llama-3.1-8b-instruct',
  )
}

const ECHOES = ['raw', 'base64', 'hex', 'basicAuth'] as const

describe('verify: Cohere v2 chat stream', () => {
  it('streams content-delta events; tokens from message-end’s usage.tokens', async () => {
    const w = await cohereWorld()
    expectStreamed(await check(w.h, w.target, 'Say hello'), { input: 71, output: 5 })
    const sent = w.server.requests.at(-1)!
    expect(sent.path).toBe('/v2/chat')
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(jsonBody(sent)).toMatchObject({
      model: 'command-a-03-2025',
      stream: true,
      messages: [{ role: 'user', content: 'Say hello' }],
    })
  })

  it('a message-end carrying delta.error ends the run with Cohere’s words, not as a reply', async () => {
    await expectErrorEvent(await cohereWorld(), 'generation failed: internal error')
  })
})

describe('verify: Azure OpenAI deployment stream', () => {
  it('streams past the prompt-filter chunk; usage asked for and read', async () => {
    const w = await azureWorld()
    expectStreamed(await check(w.h, w.target, 'Say hello'), { input: 14, output: 5 })
    const sent = w.server.requests.at(-1)!
    expect(sent.url).toBe('/openai/deployments/chat-prod/chat/completions?api-version=2024-10-21')
    expect(sent.headers['api-key']).toBe(KEY)
    expect(sent.headers.authorization).toBeUndefined()
    expect(jsonBody(sent)).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: expect.any(Number),
    })
  })

  it('an api-version before 2024-09-01: no stream_options, the old token parameter, no tokens', async () => {
    const w = await azureWorld('2024-06-01')
    expectStreamed(await check(w.h, w.target), null)
    const body = jsonBody(w.server.requests.at(-1)!)
    expect(body.stream_options).toBeUndefined()
    expect(body.max_tokens).toEqual(expect.any(Number))
  })

  it('an error chunk mid-stream ends the run with Azure’s words', async () => {
    await expectErrorEvent(await azureWorld(), 'The server had an error processing your request')
  })

  it('a reply the output filter stops (finish_reason content_filter) fails, naming the category', async () => {
    const w = await azureWorld('2024-10-21', true)
    const run = await check(w.h, w.target)
    const end = endOf(run.events)
    expect(end).toMatchObject({
      kind: 'failed',
      error: { code: 'server_error', params: { provider: 'azure', reason: 'stream_error' } },
    })
    expect(JSON.stringify(end)).toContain('content filter stopped the reply (violence: medium)')
    // Only what came before the filter is shown (less any tail the redaction still held), and
    // never as a finished reply.
    expect(run.text).toMatch(/^Hello/)
    expect('Hello from'.startsWith(run.text)).toBe(true)
    expect(run.events.some((e) => e.kind === 'done')).toBe(false)
  })
})

describe('verify: LM Studio OpenAI-compatible stream', () => {
  it('streams the chunks with the API token; LM Studio reports no usage', async () => {
    const w = await lmStudioWorld()
    expectStreamed(await check(w.h, w.target, 'Say hello'), null)
    expect(w.server.hits.at(-1)).toBe('POST /v1/chat/completions')
  })
})

// The same failures and echoes through each: a local server has no rate limit to hit.
describe.each([
  { name: 'Cohere', make: cohereWorld, rateLimit: true },
  { name: 'Azure', make: () => azureWorld(), rateLimit: true },
  { name: 'LM Studio', make: lmStudioWorld, rateLimit: false },
])('verify: $name failures and echoes', ({ make, rateLimit }) => {
  it.each(ECHOES)('an echoed key (%s) is redacted', async (enc) => {
    await expectEchoRedacted(await make(), KEY, ENCODINGS[enc]!)
  })

  it('a refused key, a 429, a garbage frame and a cut stream each end with their code', async () => {
    await expectFailures(await make(), {
      unauthorized: 'auth_invalid',
      ...(rateLimit ? {} : { rateLimit: false as const }),
    })
  })
})
