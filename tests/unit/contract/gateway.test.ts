/**
 * The gateway domain's request schemas (src-preload/contract/gateway.ts): the port range, token
 * names and model names trimmed and bounded, rpm and expiry ranges, and no unknown field — what
 * main refuses before the gateway service sees a request.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  GatewayPort,
  GatewayTokenCreateRequest,
  gatewayChannels,
} from '../../../src-preload/contract/gateway'

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  schema.safeParse(v).success

describe('gateway contract', () => {
  it('takes exactly the unprivileged ports, as whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (port) => {
        expect(ok(GatewayPort, port)).toBe(port >= 1024 && port <= 65535)
      }),
    )
    for (const bad of [8788.5, NaN, Infinity, '8788', null])
      expect(ok(GatewayPort, bad)).toBe(false)
    const setEnabled = gatewayChannels['gateway:setEnabled'].request
    expect(ok(setEnabled, { enabled: true })).toBe(true)
    expect(ok(setEnabled, { enabled: true, port: 80 })).toBe(false)
    expect(ok(setEnabled, { enabled: 'yes' })).toBe(false)
  })

  it('trims a token name and takes 1 to 100 characters of it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (name) => {
        const r = GatewayTokenCreateRequest.safeParse({ name })
        const trimmed = name.trim()
        expect(r.success).toBe(trimmed.length >= 1 && trimmed.length <= 100)
        if (r.success) expect(r.data.name).toBe(trimmed)
      }),
    )
  })

  it('bounds the model allowlist, rpm and expiry, and refuses unknown fields', () => {
    const req = (extra: Record<string, unknown>) =>
      ok(GatewayTokenCreateRequest, { name: 'app', ...extra })
    expect(req({ models: ['gpt-4o', 'default:chat'], rpm: 60, expiresInMs: 3_600_000 })).toBe(true)
    expect(req({ rpm: null, expiresInMs: null })).toBe(true)
    expect(req({ models: ['  '] })).toBe(false)
    expect(req({ models: ['m'.repeat(301)] })).toBe(false)
    expect(req({ models: Array.from({ length: 201 }, (_, i) => `m${i}`) })).toBe(false)
    for (const rpm of [0, 100_001, 1.5]) expect(req({ rpm })).toBe(false)
    // Under a minute, or over ten years, is not an expiry anyone meant.
    for (const expiresInMs of [59_999, 10 * 365 * 86_400_000 + 1])
      expect(req({ expiresInMs })).toBe(false)
    expect(req({ token: 'sbg_chosen' })).toBe(false)
  })

  it('needs an id of 1 to 100 characters to remove a token', () => {
    const remove = gatewayChannels['gateway:removeToken'].request
    expect(ok(remove, { id: 't1' })).toBe(true)
    expect(ok(remove, { id: '' })).toBe(false)
    expect(ok(remove, { id: 'x'.repeat(101) })).toBe(false)
  })
})
