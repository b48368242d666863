/** The verification check against the Anthropic fake's streamed Messages (issue 16). */
import { afterEach, describe, expect, it } from 'vitest'
import { startAnthropicServer } from '../../fixtures/anthropic-server'
import type { FakeServer } from '../../fixtures/recording-server'
import { check, cleanHomes, endOf, verifyWorld } from './helpers'

const KEY = 'sk-ant-api03-VERIFYKEY0123456789abcdef'
let server: FakeServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
  cleanHomes()
})

describe('verify: Anthropic streaming', () => {
  it('streams text deltas in order with input and output tokens; an echoed key is redacted', async () => {
    server = await startAnthropicServer({ key: KEY })
    const w = await verifyWorld(
      { provider: 'anthropic', name: 'Claude', baseUrl: server.url, apiKey: KEY },
      { name: 'claude-sonnet-4-20250514', type: 'language' },
    )
    const target = { credentialId: w.credentialId, modelId: w.modelId }
    const a = await check(w.h, target)
    expect(a.text).toBe('Hello from the fake model.')
    expect(a.events[1]).toMatchObject({ kind: 'firstToken' })
    expect(endOf(a.events)).toMatchObject({ kind: 'done', tokens: { input: 25, output: 15 } })
    server.streaming.echoSecret = true
    const b = await check(w.h, target)
    expect(b.text).toContain('[redacted]')
    expect(JSON.stringify(w.h.events) + w.h.outputs.join('')).not.toContain(KEY)
    server.streaming.echoSecret = false
    server.mode = 'rate_limited'
    const c = await check(w.h, target)
    expect(endOf(c.events)).toMatchObject({ kind: 'failed', error: { code: 'server_error' } })
  })
})
