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

/** A passphrase is a line of text; anything bigger is not a key file (or a mistake). */
export const MAX_KEY_FILE_BYTES = 4096

const refuse = (reason: string, detail: string): Passphrase => ({
  ok: false,
  availability: { available: false, reason, detail },
})

/** What a non-regular file is, in words. */
function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO'
  if (st.isDirectory()) return 'a directory'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  if (st.isSocket()) return 'a socket'
  return 'not a regular file'
}

/** The file's problem as a refusal, or null when it is a small regular file only its owner can use. */
function checkKeyFile(file: string, st: fs.Stats, os: NodeJS.Platform): Passphrase | null {
  if (!st.isFile()) {
    return refuse('key_file_not_regular', `${file} is ${kindOf(st)}, not a regular file.`)
  }
  if (st.size > MAX_KEY_FILE_BYTES) {
    return refuse(
      'key_file_too_large',
      `${file} is ${st.size} bytes; a key file holds one passphrase (at most ${MAX_KEY_FILE_BYTES} bytes).`,
    )
  }
  if (os !== 'win32' && (st.mode & 0o066) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0')
    return refuse(
      'key_file_permissions',
      `${file} has mode ${mode}: other users can read or change it. Run: chmod 600 ${file}`,
    )
  }
  return null
}

/**
 * Reads SWITCHBOARD_ENCRYPTION_KEY_FILE without trusting it: stat first (a FIFO would block the
 * read forever, /dev/zero never ends), open without blocking, check the opened file again (it
 * may have been swapped between the two), and read at most the limit plus one byte.
 */
export function readKeyFile(file: string, os: NodeJS.Platform = process.platform): Passphrase {
  let fd: number | null = null
  try {
    const before = checkKeyFile(file, fs.statSync(file), os)
    if (before) return before
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
    const st = fs.fstatSync(fd)
    const after = checkKeyFile(file, st, os)
    if (after) return after
    const buf = Buffer.alloc(MAX_KEY_FILE_BYTES + 1)
    let size = 0
    for (let n = 1; n > 0 && size < buf.length; size += n) {
      n = fs.readSync(fd, buf, size, buf.length - size, null)
    }
    if (size > MAX_KEY_FILE_BYTES) {
      return refuse('key_file_too_large', `${file} is larger than ${MAX_KEY_FILE_BYTES} bytes.`)
    }
    const text = buf.subarray(0, size).toString('utf8').trim()
    if (!text) return refuse('key_file_empty', `${file} is empty.`)
    return { ok: true, value: text }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error'
    return refuse('key_file_unreadable', `${file} cannot be read (${code}).`)
  } finally {
    if (fd !== null) fs.closeSync(fd)
  }
}

function readPassphrase(env: NodeJS.ProcessEnv): Passphrase {
  const file = env.SWITCHBOARD_ENCRYPTION_KEY_FILE
  let fileProblem: Availability | null = null
  if (file) {
    const r = readKeyFile(file)
    if (r.ok) return r
    fileProblem = r.availability
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
