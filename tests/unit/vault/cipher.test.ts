import { describe, expect, it } from 'vitest'
import {
  fieldAad,
  newMasterKey,
  OpenError,
  openValue,
  sealValue,
} from '../../../src-main/vault/cipher'

const key = newMasterKey()
const aad = fieldAad('cred-1', 'apiKey')

function failure(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (e) {
    return e instanceof OpenError ? e.reason : 'other'
  }
}

describe('cipher', () => {
  it('round-trips unicode and long values in the v1 format', () => {
    for (const plain of ['sk-test-1234567890', 'ключ-🔑-鍵', 'x'.repeat(10_000), '']) {
      const sealed = sealValue(key, plain, aad)
      expect(sealed).toMatch(/^v1\.[A-Za-z0-9+/]+=*$/)
      expect(openValue(key, sealed, aad)).toBe(plain)
    }
  })

  it('uses a fresh 96-bit IV per value', () => {
    const a = sealValue(key, 'same', aad)
    const b = sealValue(key, 'same', aad)
    expect(a).not.toBe(b)
    const iv = (s: string) => Buffer.from(s.slice(3), 'base64').subarray(0, 12).toString('hex')
    expect(iv(a)).not.toBe(iv(b))
    // iv (12) + tag (16) + ciphertext (4)
    expect(Buffer.from(a.slice(3), 'base64')).toHaveLength(32)
  })

  it('binds the value to credentialId:fieldName', () => {
    const sealed = sealValue(key, 'secret', aad)
    expect(failure(() => openValue(key, sealed, fieldAad('cred-2', 'apiKey')))).toBe('auth')
    expect(failure(() => openValue(key, sealed, fieldAad('cred-1', 'serviceAccountJson')))).toBe(
      'auth',
    )
  })

  it('rejects a wrong key and any flipped bit', () => {
    const sealed = sealValue(key, 'secret-value', aad)
    expect(failure(() => openValue(newMasterKey(), sealed, aad))).toBe('auth')
    const raw = Buffer.from(sealed.slice(3), 'base64')
    for (const i of [0, 13, raw.length - 1]) {
      const t = Buffer.from(raw)
      t[i] = t[i]! ^ 1
      expect(failure(() => openValue(key, `v1.${t.toString('base64')}`, aad))).toBe('auth')
    }
  })

  it('tells a malformed value apart', () => {
    for (const bad of [
      '',
      'sk-plaintext',
      'v2.AAAA',
      'v1.',
      'v1.@@@@',
      `v1.${Buffer.alloc(20).toString('base64')}`,
    ]) {
      expect(failure(() => openValue(key, bad, aad))).toBe('format')
    }
  })

  it('refuses a key of the wrong size', () => {
    expect(() => sealValue(Buffer.alloc(16), 'x', aad)).toThrow()
  })
})
