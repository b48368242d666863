/**
 * Gateway tokens (DESIGN §14): `sbg_` + 256 random bits (base64url). Only the sha256 of a token
 * is stored — the token has full entropy, so a slow password hash would add nothing — and a
 * presented token is compared with every stored hash in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { StoredGatewayToken } from '../store/schema'

export const TOKEN_PREFIX = 'sbg_'

/** A new token: the prefix and 32 random bytes. */
export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * The stored token a presented one matches, or null. Every stored hash is compared (no early
 * exit on the first match), each with timingSafeEqual, so timing says nothing about which.
 */
export function findToken(
  presented: string,
  tokens: readonly StoredGatewayToken[],
): StoredGatewayToken | null {
  if (!presented.startsWith(TOKEN_PREFIX)) return null
  const hash = Buffer.from(hashToken(presented), 'hex')
  let found: StoredGatewayToken | null = null
  for (const t of tokens) {
    const stored = Buffer.from(t.hash, 'hex')
    if (stored.length === hash.length && timingSafeEqual(stored, hash) && !found) found = t
  }
  return found
}

/** The token a request presents: `Authorization: Bearer …` or `x-api-key` (Anthropic SDKs). */
export function presentedToken(headers: {
  authorization?: string | undefined
  'x-api-key'?: string | string[] | undefined
}): string | null {
  const auth = headers.authorization
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth)
    if (m) return m[1]!
  }
  const key = headers['x-api-key']
  if (typeof key === 'string' && key.trim()) return key.trim()
  return null
}

/** Parses `--expires-in` style durations: `30m`, `12h`, `7d`, `2w`, `90s`. Null when invalid. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d{1,6})\s*([smhdw])\s*$/i.exec(text)
  if (!m) return null
  const n = Number(m[1])
  const unit = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 }[
    m[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd' | 'w'
  ]
  return n > 0 ? n * unit : null
}
