/**
 * The safeStorage key source (src-main/vault/safe-storage-source.ts) with a stand-in safeStorage:
 * when it is usable (never Linux's basic_text backend), a 32-byte key wrapped by the OS in a
 * 0600 file, created only when asked; a staged key for rotation promoted by rename.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  SAFE_STORAGE_FILE,
  createSafeStorageSource,
} from '../../../src-main/vault/safe-storage-source'
import { tmpHome } from '../../support/home'

/** A stand-in safeStorage: "encrypts" by reversing and tagging, so a wrapped key is not the key. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.from(`wrapped:${[...plain].reverse().join('')}`),
    decryptString: (cipher: Buffer) => {
      const text = cipher.toString()
      if (!text.startsWith('wrapped:')) throw new Error('not ours')
      return [...text.slice('wrapped:'.length)].reverse().join('')
    },
  }
}

describe('safeStorage source', () => {
  it('says why it is unavailable: outside the app, basic_text on Linux, no encryption', async () => {
    const home = tmpHome('sb-safe-')
    const probe = (
      safeStorage: ReturnType<typeof fakeSafeStorage> | undefined,
      platform = 'linux',
    ) =>
      createSafeStorageSource({ home, safeStorage, platform: platform as NodeJS.Platform }).probe()
    expect(await probe(undefined)).toEqual({ available: false, reason: 'app_only' })
    expect(await probe(fakeSafeStorage('basic_text'))).toEqual({
      available: false,
      reason: 'basic_text_backend',
    })
    // basic_text is a Linux backend name only; elsewhere the OS keystore decides.
    expect(await probe(fakeSafeStorage('basic_text'), 'darwin')).toEqual({
      available: true,
      reason: null,
    })
    expect(await probe(fakeSafeStorage('kwallet', false))).toEqual({
      available: false,
      reason: 'encryption_unavailable',
    })
    const refused = createSafeStorageSource({
      home,
      safeStorage: fakeSafeStorage('basic_text'),
      platform: 'linux',
    })
    await expect(refused.current('', true)).rejects.toThrow(/not available/)
    expect(fs.existsSync(path.join(home, SAFE_STORAGE_FILE))).toBe(false)
  })

  it('creates a wrapped 32-byte key only when asked, in a private file, and reads it back', async () => {
    const home = path.join(tmpHome('sb-safe-'), 'data')
    const source = createSafeStorageSource({
      home,
      safeStorage: fakeSafeStorage(),
      platform: 'linux',
    })
    expect(await source.current('', false)).toBeNull()
    expect(fs.existsSync(home)).toBe(false)
    const key = (await source.current('', true))!
    expect(key).toHaveLength(32)
    const file = path.join(home, SAFE_STORAGE_FILE)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8')).not.toContain(key.toString('base64'))
    expect((await source.current('', false))!.equals(key)).toBe(true)
  })

  it('refuses an entry that does not unwrap to 32 bytes', async () => {
    const home = tmpHome('sb-safe-')
    const ss = fakeSafeStorage()
    const short = ss.encryptString(Buffer.alloc(16).toString('base64')).toString('base64')
    fs.writeFileSync(path.join(home, SAFE_STORAGE_FILE), `${short}\n`)
    const source = createSafeStorageSource({ home, safeStorage: ss, platform: 'linux' })
    await expect(source.current('', false)).rejects.toThrow('safe_storage_entry_invalid')
  })

  it('stages a new key beside the current one and promotes it by rename', async () => {
    const home = tmpHome('sb-safe-')
    const source = createSafeStorageSource({
      home,
      safeStorage: fakeSafeStorage(),
      platform: 'linux',
    })
    const old = (await source.current('', true))!
    expect(await source.staged('')).toBeNull()
    const next = await source.stage()
    expect(next.salt).toBeNull()
    expect((await source.staged(''))!.equals(next.key)).toBe(true)
    expect((await source.current('', false))!.equals(old)).toBe(true)
    await source.promote()
    expect((await source.current('', false))!.equals(next.key)).toBe(true)
    expect(await source.staged('')).toBeNull()
    // Promoting twice (a retried rotation) is fine.
    await source.promote()
  })
})
