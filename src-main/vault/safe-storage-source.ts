/**
 * Master key wrapped by Electron's safeStorage (app only, DESIGN §4): 32 random bytes, encrypted
 * by the OS (DPAPI, Keychain, kwallet/libsecret) and kept in a file under the data directory.
 * Refused on Linux when safeStorage's backend is `basic_text` — that is a hard-coded password,
 * i.e. plaintext with extra steps.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { PlatformBridge } from '../platform'
import { writeFileAtomic } from '../store/atomic-write'
import { KEY_BYTES, newMasterKey } from './cipher'
import type { Availability, KeySource } from './types'

export const SAFE_STORAGE_FILE = 'master-key.safe-storage'

export interface SafeStorageSourceOptions {
  home: string
  safeStorage: PlatformBridge['safeStorage']
  platform?: NodeJS.Platform
}

/** The safeStorage source. */
export function createSafeStorageSource(options: SafeStorageSourceOptions): KeySource {
  const { home, safeStorage } = options
  const platform = options.platform ?? process.platform
  const file = path.join(home, SAFE_STORAGE_FILE)
  const pendingFile = `${file}.pending`

  const availability = (): Availability => {
    if (!safeStorage) return { available: false, reason: 'app_only' }
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return { available: false, reason: 'basic_text_backend' }
    }
    if (!safeStorage.isEncryptionAvailable())
      return { available: false, reason: 'encryption_unavailable' }
    return { available: true, reason: null }
  }
  const ss = () => {
    if (!availability().available || !safeStorage) throw new Error('safeStorage is not available.')
    return safeStorage
  }
  const readKey = async (f: string): Promise<Buffer | null> => {
    let wrapped: string
    try {
      wrapped = (await fs.readFile(f, 'utf8')).trim()
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    const key = Buffer.from(ss().decryptString(Buffer.from(wrapped, 'base64')), 'base64')
    if (key.length !== KEY_BYTES) throw new Error('safe_storage_entry_invalid')
    return key
  }
  const writeKey = async (f: string, key: Buffer) => {
    await fs.mkdir(home, { recursive: true, mode: 0o700 })
    await writeFileAtomic(f, ss().encryptString(key.toString('base64')).toString('base64'), 0o600)
  }

  return {
    id: 'safeStorage',
    async probe() {
      return availability()
    },
    async current(_salt, create) {
      const existing = await readKey(file)
      if (existing || !create) return existing
      const key = newMasterKey()
      await writeKey(file, key)
      return key
    },
    async stage() {
      const key = newMasterKey()
      await writeKey(pendingFile, key)
      return { key, salt: null }
    },
    async staged() {
      return readKey(pendingFile).catch(() => null)
    },
    async promote() {
      try {
        await fs.rename(pendingFile, file)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
    },
  }
}
