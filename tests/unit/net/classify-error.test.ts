import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { classifyError, hintFor } from '../../../src-main/net/classify-error'

function sysError(code: string, message = `connect ${code} 10.0.0.1:443`): Error {
  return Object.assign(new Error(message), { code })
}

/** undici's shape: TypeError('fetch failed') with the socket error as cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause })
}

describe('classifyError', () => {
  it.each([
    ['ECONNREFUSED', 'network', { reason: 'refused' }],
    ['ENOTFOUND', 'network', { reason: 'dns' }],
    ['EAI_AGAIN', 'network', { reason: 'dns' }],
    ['ECONNRESET', 'network', { reason: 'reset' }],
    ['UND_ERR_SOCKET', 'network', { reason: 'reset' }],
    ['EHOSTUNREACH', 'network', { reason: 'unreachable' }],
    ['ETIMEDOUT', 'timeout', {}],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', {}],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', {}],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'network', { reason: 'tls', tls: 'self_signed' }],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'network', { reason: 'tls', tls: 'self_signed_chain' }],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'network', { reason: 'tls', tls: 'unknown_issuer' }],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'network', { reason: 'tls', tls: 'unknown_issuer' }],
    ['CERT_HAS_EXPIRED', 'network', { reason: 'tls', tls: 'expired' }],
    ['CERT_NOT_YET_VALID', 'network', { reason: 'tls', tls: 'not_yet_valid' }],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'network', { reason: 'tls', tls: 'hostname_mismatch' }],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'network', { reason: 'tls', tls: 'wrong_version' }],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'network', { reason: 'tls', tls: 'other' }],
  ])('%s (wrapped in fetch failed) → %s %j', (code, expected, params) => {
    const e = classifyError(fetchFailed(sysError(code)), { host: 'api.example.com' })
    expect(e).toBeInstanceOf(AppError)
    expect(e.code).toBe(expected)
    expect(e.params ?? {}).toMatchObject(params)
  })

  it('unwraps AggregateError (happy eyeballs tried several addresses)', () => {
    const agg = new AggregateError(
      [sysError('ECONNREFUSED'), sysError('ECONNREFUSED')],
      'all failed',
    )
    expect(classifyError(fetchFailed(agg)).params).toMatchObject({ reason: 'refused' })
  })

  it('maps socket hang up without a code to reset', () => {
    expect(classifyError(fetchFailed(new Error('socket hang up'))).params).toMatchObject({
      reason: 'reset',
    })
  })

  it('maps abort reasons to timeout and cancelled', () => {
    expect(classifyError(new DOMException('t', 'TimeoutError')).code).toBe('timeout')
    expect(classifyError(new DOMException('a', 'AbortError')).code).toBe('cancelled')
  })

  it('passes AppErrors through, even wrapped', () => {
    const inner = new AppError('url_blocked', 'blocked', { reason: 'metadata' })
    expect(classifyError(inner)).toBe(inner)
    expect(classifyError(fetchFailed(inner))).toBe(inner)
  })

  it('falls back to network/other and never echoes the raw message', () => {
    const e = classifyError(new Error('GET https://api.example.com/v1?key=sk-SECRET123456 failed'))
    expect(e.code).toBe('network')
    expect(e.params).toMatchObject({ reason: 'other' })
    expect(e.message).not.toContain('SECRET')
    expect(e.message).not.toContain('?key')
  })

  it('names the host only', () => {
    const e = classifyError(fetchFailed(sysError('ECONNREFUSED')), { host: '127.0.0.1:9' })
    expect(e.message).toContain('127.0.0.1:9')
    expect(e.message).toMatch(/refused/)
  })
})

describe('hintFor', () => {
  it('says what to do for DNS, refused, TLS and timeout', () => {
    expect(hintFor('network', { reason: 'dns' })).toMatch(/host name/)
    expect(hintFor('network', { reason: 'refused' })).toMatch(/running/)
    expect(hintFor('network', { reason: 'tls' })).toMatch(/certificate/)
    expect(hintFor('timeout')).toMatch(/in time/)
    expect(hintFor('auth_invalid')).toBeUndefined()
  })
})
