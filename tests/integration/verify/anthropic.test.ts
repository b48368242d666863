/** The verification check against the Anthropic fake's streamed Messages (issue 16). */
import { afterEach, describe, expect, it } from 'vitest'
import { startAnthropicServer } from '../../fixtures/anthropic-server'
import { jsonBody } from '../../fixtures/recording-server'
import { ENCODINGS } from '../../fixtures/secret-encodings'
import { check, cleanWorlds, track, worldOn } from './helpers'
import {
  expectErrorEvent,
  expectEchoRedacted,
  expectFailures,
  expectStreamed,
} from './shared-checks'

const KEY = 'sk-ant-api03-VERIFYKEY0123456789abcdef'
afterEach(cleanWorlds)

async function anthropicWorld() {
  const server = await startAnthropicServer({ key: KEY })
  track(server)
  return worldOn(
    server,
    { provider: 'anthropic', name: 'Claude', baseUrl: server.url, apiKey: KEY },
    { name: 'claude-sonnet-4-20250514', type: 'language' },
  )
}

describe('verify: Anthropic streaming', () => {
  it('streams text deltas in order; input tokens from message_start, output from message_delta', async () => {
    const w = await anthropicWorld()
    expectStreamed(await check(w.h, w.target, 'Say hello'), { input: 25, output: 15 })
    const sent = w.server.requests.at(-1)!
    expect(sent.path).toBe('/v1/messages')
    expect(sent.headers['x-api-key']).toBe(KEY)
    expect(sent.headers['anthropic-version']).toBeTruthy()
    expect(jsonBody(sent)).toMatchObject({
      model: 'claude-sonnet-4-20250514',
      stream: true,
      max_tokens: expect.any(Number),
      messages: [{ role: 'user', content: 'Say hello' }],
    })
  })

  it.each(['raw', 'base64', 'hex'])('an echoed key (%s) is redacted', async (enc) => {
    await expectEchoRedacted(await anthropicWorld(), KEY, ENCODINGS[enc]!)
  })

  it('a refused key, a 429, a garbage event and a cut stream each end with their code', async () => {
    await expectFailures(await anthropicWorld(), { unauthorized: 'auth_invalid' })
  })

  it('an overloaded_error event mid-stream ends the run with the provider’s words', async () => {
    await expectErrorEvent(await anthropicWorld(), 'Overloaded')
  })
})
