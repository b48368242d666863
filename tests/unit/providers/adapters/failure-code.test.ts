/**
 * What an answer means as a code (src-main/providers/adapters/failure-code): the status, a
 * provider's body rule first, and the causes an error body names whoever sends them.
 */
import { describe, expect, it } from 'vitest'
import { codeForStatus, failureReason } from '../../../../src-main/providers/adapters/failure-code'
import { googleBodyRule } from '../../../../src-main/providers/adapters/google'
import { elevenLabsBodyRule } from '../../../../src-main/providers/adapters/elevenlabs'
import { deepgramBodyRule } from '../../../../src-main/providers/adapters/deepgram'

describe('failure codes', () => {
  it('maps statuses to codes, letting a provider body rule go first', () => {
    expect(codeForStatus(200, '')).toBe('ok')
    expect(codeForStatus(401, '')).toBe('auth_invalid')
    expect(codeForStatus(403, '')).toBe('auth_forbidden')
    expect(codeForStatus(429, '')).toBe('ok_rate_limited')
    expect(codeForStatus(502, '')).toBe('server_error')
    expect(
      codeForStatus(400, '{"error":{"details":[{"reason":"API_KEY_INVALID"}]}}', googleBodyRule),
    ).toBe('auth_invalid')
    expect(codeForStatus(400, '{"error":{"message":"bad field"}}', googleBodyRule)).toBe(
      'server_error',
    )
    expect(codeForStatus(401, '{"detail":{"status":"quota_exceeded"}}', elevenLabsBodyRule)).toBe(
      'ok_rate_limited',
    )
    expect(
      codeForStatus(401, '{"detail":{"status":"missing_permissions"}}', elevenLabsBodyRule),
    ).toBe('auth_forbidden')
    expect(codeForStatus(403, '{"err_code":"INVALID_AUTH"}', deepgramBodyRule)).toBe('auth_invalid')
  })

  it('names no credit, a missing scope, a disabled or restricted API; nothing else', () => {
    // OpenAI's 429 insufficient_quota (platform.openai.com/docs/guides/error-codes).
    expect(failureReason(429, '{"error":{"code":"insufficient_quota"}}')).toEqual({
      reason: 'quota',
    })
    // Anthropic's 400 for an empty balance.
    expect(failureReason(400, 'Your credit balance is too low to access the API')).toEqual({
      reason: 'quota',
    })
    expect(failureReason(402, undefined)).toEqual({ reason: 'quota' })
    expect(failureReason(401, 'Missing scopes: api.model.read. Check your key.')).toEqual({
      reason: 'missing_scope',
      scope: 'api.model.read',
    })
    expect(failureReason(403, '{"error":{"details":[{"reason":"SERVICE_DISABLED"}]}}')).toEqual({
      reason: 'service_disabled',
    })
    expect(failureReason(403, '{"reason":"API_KEY_SERVICE_BLOCKED"}')).toEqual({
      reason: 'api_restricted',
    })
    expect(failureReason(429, 'slow down')).toBeNull()
    expect(failureReason(500, 'insufficient_quota')).toBeNull()
    expect(failureReason(401, undefined)).toBeNull()
  })

  it('calls a named cause auth_forbidden whatever its status', () => {
    expect(codeForStatus(429, '{"error":{"code":"insufficient_quota"}}')).toBe('auth_forbidden')
    expect(codeForStatus(401, 'Missing scopes: api.model.read.')).toBe('auth_forbidden')
    expect(codeForStatus(402, '')).toBe('auth_forbidden')
  })
})
