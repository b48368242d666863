/**
 * The store lock is held only for the read-modify-write (issue 17): reaching for the master key
 * (a keychain round trip, scrypt) and sealing a new secret happen before it, so a slow keychain
 * in one process never stalls every other writer. Recorded, not timed: every keychain call
 * notes whether the lock file exists at that moment.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { STORE_FILE } from '../../../src-main/store/file-store'
import type { KeytarLike } from '../../../src-main/vault/keychain-source'
import { memKeytar, setup, tmpHome } from '../vault/helpers'

const kcEnv = {
  DBUS_SESSION_BUS_ADDRESS: 'unix:path=/dev/null',
  SWITCHBOARD_KEYCHAIN_SERVICE: 'SB-scope',
}

/** A keytar that records, at each call, whether the store lock is held. */
function watchingKeytar(home: string) {
  const inner = memKeytar()
  const lockHeld: boolean[] = []
  const note = () => lockHeld.push(fs.existsSync(path.join(home, `${STORE_FILE}.lock`)))
  const keytar: KeytarLike = {
    getPassword: async (s, a) => (note(), inner.getPassword(s, a)),
    setPassword: async (s, a, p) => (note(), inner.setPassword(s, a, p)),
    deletePassword: async (s, a) => (note(), inner.deletePassword(s, a)),
  }
  return { keytar, lockHeld }
}

describe('store lock scope', () => {
  it('never holds the lock while the vault reads the keychain to seal a new key', async () => {
    const home = tmpHome()
    const { keytar, lockHeld } = watchingKeytar(home)
    // The very first secret sets the vault up (new key, key check): that one step stays under
    // the lock, once per install, so two processes can never create two master keys.
    await setup(home, { env: kcEnv, keytar }).credentials.create({
      provider: 'openai',
      name: 'First',
      apiKey: 'sk-scope-first-0000001',
    })
    lockHeld.length = 0
    // A fresh process (nothing cached): add, change the key, make primary.
    const { credentials } = setup(home, { env: kcEnv, keytar })
    const view = await credentials.create({
      provider: 'openai',
      name: 'Second',
      apiKey: 'sk-scope-second-000002',
    })
    await setup(home, { env: kcEnv, keytar }).credentials.update(view.id, {
      apiKey: 'sk-scope-second-changed',
    })
    await setup(home, { env: kcEnv, keytar }).credentials.setPrimary(view.id)
    expect(lockHeld.length).toBeGreaterThan(0)
    expect(lockHeld.filter(Boolean)).toEqual([])
    const fresh = setup(home, { env: kcEnv, keytar }).credentials
    expect((await fresh.getDecrypted(view.id)).apiKey).toBe('sk-scope-second-changed')
    expect((await fresh.list()).every((c) => c.status === 'ok')).toBe(true)
  })
})
