/**
 * Usage in OpenAI-shaped streams (issue 14): the gateway asks a provider that accepts it for
 * `stream_options.include_usage` when the client did not, counts the usage chunk and keeps it
 * from the client; a client that asked gets it; a provider not known to accept the field
 * (upstream-routes.ts) gets the request as sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeUpstream, type FakeUpstream } from '../../fixtures/gateway-upstream'
import { chat, createGatewayWorld, post, type GatewayWorld } from './world'

const KEY = 'sk-test-fake-key-STREAMUSAGE000000000'
let world: GatewayWorld
let up: FakeUpstream

beforeEach(async () => {
  world = await createGatewayWorld()
  up = await startFakeUpstream('openai', KEY)
})
afterEach(async () => {
  await world.close()
  await up.close()
})

const sentBody = () => JSON.parse(up.requests.at(-1)!.body.toString()) as Record<string, unknown>

async function usageOf(model: string) {
  await world.ctx.gateway.flush()
  return (await world.ctx.gateway.usage()).find((u) => u.model === model)
}

describe('usage in OpenAI streams', () => {
  it('asks for usage, counts it, and keeps the extra chunk from a client that did not ask', async () => {
    const id = await world.addCredential('openai', 'OpenAI', up.url, KEY)
    await world.register(id, 'gpt-4o-mini')
    const res = await post(world, '/v1/chat/completions', await world.token(), {
      ...chat('gpt-4o-mini', true),
    })
    const text = await res.text()
    expect(text).toContain('"content":"lo"')
    expect(text).not.toContain('"choices":[]')
    expect(text).not.toContain('prompt_tokens')
    expect(text.trim().endsWith('data: [DONE]')).toBe(true)
    expect(sentBody().stream_options).toEqual({ include_usage: true })
    expect(await usageOf('openai/gpt-4o-mini')).toMatchObject({ inputTokens: 7, outputTokens: 2 })
  })

  it('passes the usage chunk to a client that asked for it, its body sent as it was', async () => {
    const id = await world.addCredential('openai', 'OpenAI', up.url, KEY)
    await world.register(id, 'gpt-4o-mini')
    const asked = { ...chat('gpt-4o-mini', true), stream_options: { include_usage: true } }
    const text = await (
      await post(world, '/v1/chat/completions', await world.token(), asked)
    ).text()
    expect(text).toContain('"choices":[],"usage":{"prompt_tokens":7')
    expect(up.requests.at(-1)!.body.toString()).toBe(JSON.stringify(asked))
    expect(await usageOf('openai/gpt-4o-mini')).toMatchObject({ inputTokens: 7, outputTokens: 2 })
  })

  it('does not add the field for a provider not known to accept it (Mistral answers 422)', async () => {
    const id = await world.addCredential('mistral', 'Mistral', up.url, KEY)
    await world.register(id, 'mistral-small-latest')
    const res = await post(world, '/v1/chat/completions', await world.token(), {
      ...chat('mistral-small-latest', true),
    })
    expect(res.status).toBe(200)
    await res.text()
    expect(sentBody().stream_options).toBeUndefined()
  })
})
