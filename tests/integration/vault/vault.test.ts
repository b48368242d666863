import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { STORE_FILE } from '../../../src-main/store/file-store'
import { deriveKey } from '../../../src-main/vault/env-source'
import type { KeytarLike } from '../../../src-main/vault/keychain-source'
import { allBytes, codeOf, ENV_KEY, memKeytar, setup, snapshot, tmpHome } from './helpers'

const KEY = 'sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX1234'

describe('vault with the passphrase source', () => {
  it('round-trips a secret and stores only ciphertext', async () => {
    const home = tmpHome()
    const { credentials, vault } = setup(home, { env: ENV_KEY })
    const view = await credentials.create({ provider: 'openai', name: 'Work', apiKey: KEY })
    expect(view).toMatchObject({ hasKey: true, keyHint: '1234', status: 'ok' })
    expect((await credentials.getDecrypted(view.id)).apiKey).toBe(KEY)
    expect(await vault.status()).toMatchObject({ state: 'unlocked', source: 'env' })
    const data = JSON.parse(fs.readFileSync(path.join(home, STORE_FILE), 'utf8'))
    expect(data.credentials[0].secrets.apiKey).toMatch(/^v1\./)
    expect(data.keyCheck).toMatch(/^v1\./)
    expect(data.keySource).toBe('env')
    expect(data.salt).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    // A new process (fresh vault, fresh cache) opens it too.
    expect((await setup(home, { env: ENV_KEY }).credentials.getDecrypted(view.id)).apiKey).toBe(KEY)
  })

  it('keeps the passphrase, the derived key and the API key out of every data file', async () => {
    const home = tmpHome()
    const { credentials, store } = setup(home, { env: ENV_KEY })
    await credentials.create({ provider: 'openai', name: 'Work', apiKey: KEY })
    const derived = await deriveKey(ENV_KEY.SWITCHBOARD_ENCRYPTION_KEY, (await store.read()).salt)
    const bytes = allBytes(home)
    for (const needle of [
      KEY,
      Buffer.from(KEY).toString('base64'),
      ENV_KEY.SWITCHBOARD_ENCRYPTION_KEY,
      Buffer.from(ENV_KEY.SWITCHBOARD_ENCRYPTION_KEY).toString('base64'),
      derived.toString('base64'),
      derived.toString('hex'),
      derived.toString('latin1'),
    ]) {
      expect(bytes.includes(needle)).toBe(false)
    }
  })

  it('reads the passphrase from SWITCHBOARD_ENCRYPTION_KEY_FILE, trimmed', async () => {
    const home = tmpHome()
    const file = path.join(tmpHome(), 'key.txt')
    fs.writeFileSync(file, `${ENV_KEY.SWITCHBOARD_ENCRYPTION_KEY}\n`, { mode: 0o600 })
    const a = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY_FILE: file } })
    const view = await a.credentials.create({ provider: 'openai', name: 'File', apiKey: KEY })
    // Same passphrase given directly opens it.
    expect((await setup(home, { env: ENV_KEY }).credentials.getDecrypted(view.id)).apiKey).toBe(KEY)
    const missing = await setup(home, {
      env: { SWITCHBOARD_ENCRYPTION_KEY_FILE: `${file}.nope` },
    }).vault.status()
    expect(missing.state).toBe('locked')
    expect(missing.sources[0]).toMatchObject({
      id: 'env',
      available: false,
      reason: 'key_file_unreadable',
    })
  })

  it('marks credentials decryption_error with a wrong passphrase, and still lists them', async () => {
    const home = tmpHome()
    const a = setup(home, { env: ENV_KEY })
    const one = await a.credentials.create({ provider: 'openai', name: 'One', apiKey: KEY })
    await a.credentials.create({ provider: 'ollama', name: 'Local' })
    const b = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: 'wrong passphrase' } })
    expect((await b.vault.status()).state).toBe('wrong_key')
    const list = await b.credentials.list()
    expect(list.map((c) => [c.name, c.status])).toEqual([
      ['One', 'decryption_error'],
      ['Local', 'ok'],
    ])
    expect(await codeOf(b.credentials.getDecrypted(one.id))).toBe('vault_wrong_key')
    // Saving a new secret under the wrong key is refused and writes nothing.
    const before = snapshot(home)
    expect(
      await codeOf(b.credentials.create({ provider: 'groq', name: 'G', apiKey: 'gsk_123456789' })),
    ).toBe('vault_wrong_key')
    expect(snapshot(home)).toEqual(before)
    // Metadata edits and deletion still work; once nothing undecryptable is left, the new key takes over.
    expect((await b.credentials.update(one.id, { name: 'Renamed' })).name).toBe('Renamed')
    await b.credentials.delete(one.id)
    const fresh = await b.credentials.create({
      provider: 'groq',
      name: 'G',
      apiKey: 'gsk_123456789',
    })
    expect((await b.credentials.getDecrypted(fresh.id)).apiKey).toBe('gsk_123456789')
    expect((await b.vault.status()).state).toBe('unlocked')
  })

  it('tells a tampered value (decryption_error) from a wrong key', async () => {
    const home = tmpHome()
    const a = setup(home, { env: ENV_KEY })
    const one = await a.credentials.create({ provider: 'openai', name: 'One', apiKey: KEY })
    const two = await a.credentials.create({ provider: 'openai', name: 'Two', apiKey: `${KEY}-2` })
    const file = path.join(home, STORE_FILE)
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    const raw = Buffer.from(data.credentials[0].secrets.apiKey.slice(3), 'base64')
    raw[raw.length - 1]! ^= 0x01
    data.credentials[0].secrets.apiKey = `v1.${raw.toString('base64')}`
    fs.writeFileSync(file, JSON.stringify(data))
    const b = setup(home, { env: ENV_KEY })
    expect((await b.vault.status()).state).toBe('unlocked')
    expect((await b.credentials.list()).map((c) => c.status)).toEqual(['decryption_error', 'ok'])
    expect(await codeOf(b.credentials.getDecrypted(one.id))).toBe('decryption_error')
    expect((await b.credentials.getDecrypted(two.id)).apiKey).toBe(`${KEY}-2`)
    // Re-entering the key repairs it.
    await b.credentials.update(one.id, { apiKey: 'sk-new-key-00009999' })
    expect((await b.credentials.show(one.id)).status).toBe('ok')
  })

  it('does not open a sealed value moved to another credential (AAD)', async () => {
    const home = tmpHome()
    const a = setup(home, { env: ENV_KEY })
    await a.credentials.create({ provider: 'openai', name: 'One', apiKey: KEY })
    const two = await a.credentials.create({
      provider: 'openai',
      name: 'Two',
      apiKey: 'sk-other-99998888',
    })
    const file = path.join(home, STORE_FILE)
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    data.credentials[1].secrets.apiKey = data.credentials[0].secrets.apiKey
    fs.writeFileSync(file, JSON.stringify(data))
    expect(await codeOf(setup(home, { env: ENV_KEY }).credentials.getDecrypted(two.id))).toBe(
      'decryption_error',
    )
  })
})

describe('locked vault', () => {
  it('reports every source and why it is unavailable', async () => {
    const status = await setup(tmpHome(), { env: {}, keytar: null }).vault.status()
    expect(status).toEqual({
      state: 'locked',
      source: null,
      sources: [
        { id: 'env', available: false, reason: 'not_set' },
        { id: 'keychain', available: false, reason: 'keytar_missing', detail: expect.any(String) },
        { id: 'safeStorage', available: false, reason: 'app_only' },
      ],
    })
  })

  it('refuses to save a secret and writes nothing (not even the data file)', async () => {
    const home = tmpHome()
    const { credentials } = setup(home, { env: {}, keytar: memKeytar() })
    // keytar present but no session bus in this env: unavailable.
    expect(await codeOf(credentials.create({ provider: 'openai', name: 'X', apiKey: KEY }))).toBe(
      'vault_locked',
    )
    expect(snapshot(home).size).toBe(0)
  })

  it('refuses a new secret on an existing store and leaves its bytes unchanged', async () => {
    const home = tmpHome()
    const a = setup(home, { env: ENV_KEY })
    const one = await a.credentials.create({ provider: 'openai', name: 'One', apiKey: KEY })
    const before = snapshot(home)
    const locked = setup(home, { env: {} })
    expect(
      await codeOf(locked.credentials.create({ provider: 'openai', name: 'X', apiKey: KEY })),
    ).toBe('vault_locked')
    expect(await codeOf(locked.credentials.update(one.id, { apiKey: 'sk-another-12345678' }))).toBe(
      'vault_locked',
    )
    expect(await codeOf(locked.credentials.getDecrypted(one.id))).toBe('vault_locked')
    expect(await codeOf(locked.vault.rotate())).toBe('vault_locked')
    expect(snapshot(home)).toEqual(before)
    // Metadata still reads; the undecryptable credential is flagged.
    expect((await locked.credentials.list())[0]).toMatchObject({
      name: 'One',
      status: 'decryption_error',
    })
  })

  it('still saves a credential that has no secret (offline Ollama setup)', async () => {
    const home = tmpHome()
    const { credentials } = setup(home, { env: {} })
    const view = await credentials.create({
      provider: 'ollama',
      name: 'Local',
      baseUrl: 'http://127.0.0.1:11434',
    })
    expect(view).toMatchObject({ hasKey: false, status: 'ok', isPrimary: true })
    expect((await credentials.getDecrypted(view.id)).baseUrl).toBe('http://127.0.0.1:11434')
  })
})

describe('keychain source (in-memory keytar)', () => {
  const env = {
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/fake',
    SWITCHBOARD_KEYCHAIN_SERVICE: 'SB-test',
  }

  it('creates 32 random bytes on first use under the configured service, never in the data dir', async () => {
    const home = tmpHome()
    const keytar = memKeytar()
    const { credentials, vault } = setup(home, { env, keytar })
    expect(keytar.entries.size).toBe(0)
    expect(await vault.status()).toMatchObject({ state: 'unlocked', source: 'keychain' })
    expect(keytar.entries.size).toBe(0) // status creates nothing
    const view = await credentials.create({ provider: 'openai', name: 'K', apiKey: KEY })
    const stored = keytar.entries.get('SB-test/master-key')!
    expect(Buffer.from(stored, 'base64')).toHaveLength(32)
    const bytes = allBytes(home)
    expect(bytes.includes(stored)).toBe(false)
    expect(bytes.includes(Buffer.from(stored, 'base64').toString('latin1'))).toBe(false)
    expect(bytes.includes(Buffer.from(stored, 'base64').toString('hex'))).toBe(false)
    expect((await setup(home, { env, keytar }).credentials.getDecrypted(view.id)).apiKey).toBe(KEY)
  })

  it('reads the keychain once, not on every list; a rotation elsewhere makes it read again', async () => {
    // Issue 17: a probe of the keychain per list was a round trip to the OS keychain each time.
    const home = tmpHome()
    const keytar = memKeytar()
    let reads = 0
    const counting: KeytarLike = {
      ...keytar,
      getPassword: (s, a) => {
        reads++
        return keytar.getPassword(s, a)
      },
    }
    const a = setup(home, { env, keytar: counting })
    const view = await a.credentials.create({ provider: 'openai', name: 'K', apiKey: KEY })
    await a.credentials.list()
    const settled = reads
    for (let i = 0; i < 5; i++) expect((await a.credentials.list())[0]!.status).toBe('ok')
    expect(reads).toBe(settled)
    // Another process rotates the master key: the store's key check changes under this one.
    await setup(home, { env, keytar }).vault.rotate()
    expect((await a.credentials.list())[0]!.status).toBe('ok')
    expect(reads).toBeGreaterThan(settled)
    expect((await a.credentials.getDecrypted(view.id)).apiKey).toBe(KEY)
    // Settings asks for the truth: status probes the keychain every time.
    const before = reads
    await a.vault.status()
    expect(reads).toBeGreaterThan(before)
  })

  it('loses the key when the keychain entry is replaced: wrong_key, listed as decryption_error', async () => {
    const home = tmpHome()
    const keytar = memKeytar()
    await setup(home, { env, keytar }).credentials.create({
      provider: 'openai',
      name: 'K',
      apiKey: KEY,
    })
    keytar.entries.set('SB-test/master-key', Buffer.alloc(32, 7).toString('base64'))
    const b = setup(home, { env, keytar })
    expect((await b.vault.status()).state).toBe('wrong_key')
    expect((await b.credentials.list())[0]!.status).toBe('decryption_error')
    keytar.entries.clear()
    expect((await setup(home, { env, keytar }).vault.status()).state).toBe('wrong_key')
  })

  it('prefers the passphrase source when both are available', async () => {
    const { vault } = setup(tmpHome(), { env: { ...env, ...ENV_KEY }, keytar: memKeytar() })
    expect(await vault.status()).toMatchObject({
      source: 'env',
      sources: [
        { id: 'env', available: true },
        { id: 'keychain', available: true },
        { id: 'safeStorage', available: false },
      ],
    })
  })
})

describe('safeStorage source', () => {
  // A stand-in for Electron's safeStorage: reversible, but visibly not plaintext.
  const fakeSafeStorage = (backend: string, available = true) => ({
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from(`W:${Buffer.from(s).reverse().toString('hex')}`),
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice(2), 'hex').reverse().toString(),
    getSelectedStorageBackend: () => backend,
  })

  it('is refused on Linux with the basic_text backend', async () => {
    const status = await setup(tmpHome(), {
      platform: { safeStorage: fakeSafeStorage('basic_text') },
    }).vault.status()
    expect(status.state).toBe('locked')
    expect(status.sources[2]).toEqual({
      id: 'safeStorage',
      available: false,
      reason: 'basic_text_backend',
    })
    const off = await setup(tmpHome(), {
      platform: { safeStorage: fakeSafeStorage('gnome_libsecret', false) },
    }).vault.status()
    expect(off.sources[2]).toMatchObject({ available: false, reason: 'encryption_unavailable' })
  })

  it('keeps the wrapped key in a file under home and round-trips', async () => {
    const home = tmpHome()
    const platform = { safeStorage: fakeSafeStorage('gnome_libsecret') }
    const { credentials, vault } = setup(home, { platform })
    expect((await vault.status()).source).toBe('safeStorage')
    const view = await credentials.create({ provider: 'openai', name: 'S', apiKey: KEY })
    const wrapped = fs.readFileSync(path.join(home, 'master-key.safe-storage'), 'utf8')
    const key = Buffer.from(
      platform.safeStorage.decryptString(Buffer.from(wrapped, 'base64')),
      'base64',
    )
    expect(key).toHaveLength(32)
    const bytes = allBytes(home)
    expect(bytes.includes(key.toString('base64'))).toBe(false)
    expect(bytes.includes(key.toString('latin1'))).toBe(false)
    expect((fs.statSync(path.join(home, 'master-key.safe-storage')).mode & 0o777).toString(8)).toBe(
      '600',
    )
    expect((await setup(home, { platform }).credentials.getDecrypted(view.id)).apiKey).toBe(KEY)
  })
})

describe('a store with secrets but no key-check value', () => {
  /** A store whose key check was lost (an old version, a hand edit) with one secret in it. */
  async function withoutCheck() {
    const home = tmpHome()
    const a = setup(home, { env: ENV_KEY })
    const one = await a.credentials.create({ provider: 'openai', name: 'One', apiKey: KEY })
    const file = path.join(home, STORE_FILE)
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    delete data.keyCheck
    fs.writeFileSync(file, JSON.stringify(data))
    return { home, id: one.id }
  }

  it('refuses a wrong passphrase before writing anything: it cannot take the vault over', async () => {
    const { home, id } = await withoutCheck()
    const wrong = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: 'an attacker passphrase' } })
    expect((await wrong.vault.status()).state).toBe('wrong_key')
    const before = snapshot(home)
    expect(
      await codeOf(
        wrong.credentials.create({ provider: 'groq', name: 'G', apiKey: 'gsk_1234567' }),
      ),
    ).toBe('vault_wrong_key')
    expect(await codeOf(wrong.vault.rotate())).toBe('vault_wrong_key')
    expect(snapshot(home)).toEqual(before)
    // The owner's passphrase still opens everything.
    const owner = setup(home, { env: ENV_KEY })
    expect((await owner.credentials.getDecrypted(id)).apiKey).toBe(KEY)
  })

  it('accepts the right passphrase once it opens a stored secret, and seals a new check', async () => {
    const { home, id } = await withoutCheck()
    const owner = setup(home, { env: ENV_KEY })
    expect((await owner.vault.status()).state).toBe('unlocked')
    await owner.credentials.create({ provider: 'groq', name: 'G', apiKey: 'gsk_1234567' })
    const data = JSON.parse(fs.readFileSync(path.join(home, STORE_FILE), 'utf8'))
    expect(typeof data.keyCheck).toBe('string')
    // From now on a wrong passphrase is told apart by the check, as usual.
    const wrong = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: 'an attacker passphrase' } })
    expect((await wrong.vault.status()).state).toBe('wrong_key')
    expect((await owner.credentials.getDecrypted(id)).apiKey).toBe(KEY)
  })
})
