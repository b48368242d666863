/**
 * Secret-field encryption (DESIGN §4): AES-256-GCM, a random 96-bit IV per value, AAD binding the
 * value to `credentialId:fieldName` (a sealed value copied to another credential or field does
 * not open), stored as `v1.<base64(iv | tag | ciphertext)>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16
export const KEY_BYTES = 32

/** Why a sealed value did not open. */
export type OpenFailure = 'format' | 'auth'

/** Thrown by `openValue`; `reason` tells a malformed value from one that fails authentication. */
export class OpenError extends Error {
  constructor(readonly reason: OpenFailure) {
    super(
      reason === 'format' ? 'Sealed value is malformed.' : 'Sealed value failed authentication.',
    )
    this.name = 'OpenError'
  }
}

/** The AAD of one secret field. */
export function fieldAad(credentialId: string, fieldName: string): string {
  return `${credentialId}:${fieldName}`
}

/** Encrypts `plaintext` with `key`, bound to `aad`. */
export function sealValue(key: Buffer, plaintext: string, aad: string): string {
  if (key.length !== KEY_BYTES) throw new Error('Master key must be 32 bytes.')
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  const tag = cipher.getAuthTag()
  return `${VERSION}.${Buffer.concat([iv, tag, ct]).toString('base64')}`
}

/** Decrypts a value made by `sealValue`; throws OpenError('format' | 'auth'). */
export function openValue(key: Buffer, sealed: string, aad: string): string {
  if (typeof sealed !== 'string' || !sealed.startsWith(`${VERSION}.`)) throw new OpenError('format')
  const body = sealed.slice(VERSION.length + 1)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new OpenError('format')
  const raw = Buffer.from(body, 'base64')
  if (raw.length < IV_BYTES + TAG_BYTES) throw new OpenError('format')
  const iv = raw.subarray(0, IV_BYTES)
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES)
  const ct = raw.subarray(IV_BYTES + TAG_BYTES)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8')
  } catch {
    throw new OpenError('auth')
  }
}

/** A fresh random master key. */
export function newMasterKey(): Buffer {
  return randomBytes(KEY_BYTES)
}
