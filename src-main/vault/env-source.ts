/**
 * Master key from a passphrase in the environment (`SWITCHBOARD_ENCRYPTION_KEY`, or a file named
 * by `SWITCHBOARD_ENCRYPTION_KEY_FILE`, which wins when readable and non-empty), stretched with
 * scrypt and the per-install salt kept in the store. Nothing is stored: rotation changes the salt.
 */
import { randomBytes, scrypt } from 'node:crypto'
import fs from 'node:fs'
import { KEY_BYTES } from './cipher'
import type { Availability, KeySource } from './types'

// N = 2^15, r = 8: ~32 MiB and ~100 ms per derivation, done once per process and salt.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

/** A fresh per-install salt (base64). */
export function newSalt(): string {
  return randomBytes(16).toString('base64')
}

/** Derives the 32-byte master key from a passphrase and a base64 salt. */
export function deriveKey(passphrase: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(salt, 'base64'),
      KEY_BYTES,
      SCRYPT,
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  )
}

type Passphrase = { ok: true; value: string } | { ok: false; availability: Availability }

function readPassphrase(env: NodeJS.ProcessEnv): Passphrase {
  const file = env.SWITCHBOARD_ENCRYPTION_KEY_FILE
  let fileProblem: Availability | null = null
  if (file) {
    try {
      const text = fs.readFileSync(file, 'utf8').trim()
      if (text) return { ok: true, value: text }
      fileProblem = { available: false, reason: 'key_file_empty' }
    } catch {
      fileProblem = { available: false, reason: 'key_file_unreadable' }
    }
  }
  const direct = env.SWITCHBOARD_ENCRYPTION_KEY?.trim()
  if (direct) return { ok: true, value: direct }
  return { ok: false, availability: fileProblem ?? { available: false, reason: 'not_set' } }
}

/** The passphrase source over an environment. */
export function createEnvSource(env: NodeJS.ProcessEnv): KeySource {
  const cache = new Map<string, Promise<Buffer>>()
  const derive = (pass: string, salt: string) => {
    const k = `${salt}\u0000${pass}`
    let p = cache.get(k)
    if (!p) {
      p = deriveKey(pass, salt)
      cache.set(k, p)
      p.catch(() => cache.delete(k))
    }
    return p
  }
  const passphrase = (): string => {
    const p = readPassphrase(env)
    if (!p.ok) throw new Error('The passphrase source is not available.')
    return p.value
  }
  return {
    id: 'env',
    async probe() {
      const p = readPassphrase(env)
      return p.ok ? { available: true, reason: null } : p.availability
    },
    async current(salt) {
      if (!salt) return null
      return derive(passphrase(), salt)
    },
    async stage() {
      const salt = newSalt()
      return { key: await derive(passphrase(), salt), salt }
    },
    async staged() {
      return null
    },
    async promote() {},
  }
}
