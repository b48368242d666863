/**
 * The keychain source against a real Secret Service (gnome-keyring). Run under
 *   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; npx vitest run …'
 * Without a session bus the test fails on Linux CI and is skipped (with a message) elsewhere.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { loadKeytar } from '../../../src-main/vault/keychain-source'
import { allBytes, setup, tmpHome } from './helpers'

const bus = process.env.DBUS_SESSION_BUS_ADDRESS
const service = `Switchboard-test-${randomBytes(4).toString('hex')}`
const env = { DBUS_SESSION_BUS_ADDRESS: bus, SWITCHBOARD_KEYCHAIN_SERVICE: service }
const KEY = 'sk-real-keyring-AAAABBBBCCCC9876'

if (!bus) {
  const why = 'no DBUS_SESSION_BUS_ADDRESS: run this test under dbus-run-session with gnome-keyring'
  // Linux CI provides gnome-keyring under dbus-run-session; elsewhere the OS keychain needs a user.
  if (process.env.CI === 'true' && process.platform === 'linux') {
    it('keychain source needs a Secret Service', () => {
      throw new Error(`Keychain test cannot run in CI: ${why}`)
    })
  } else {
    console.warn(`[keychain-real] skipped: ${why}`)
    it.skip(`keychain source (skipped: ${why})`, () => undefined)
  }
} else {
  describe('keychain source with gnome-keyring', () => {
    const loaded = loadKeytar()
    afterAll(async () => {
      if (!loaded.ok) return
      await loaded.keytar.deletePassword(service, 'master-key').catch(() => false)
      await loaded.keytar.deletePassword(service, 'master-key.pending').catch(() => false)
    })

    it('loads the real keytar module', () => {
      expect(loaded.ok).toBe(true)
    })

    it('creates the master key on first use, seals with it, and rotates', async () => {
      if (!loaded.ok) throw new Error('keytar did not load')
      const home = tmpHome()
      const ctx = setup(home, { env, realKeytar: true })
      const status = await ctx.vault.status()
      expect(status).toMatchObject({ state: 'unlocked', source: 'keychain' })
      expect(await loaded.keytar.getPassword(service, 'master-key')).toBeNull()

      const view = await ctx.credentials.create({ provider: 'openai', name: 'Real', apiKey: KEY })
      const stored = await loaded.keytar.getPassword(service, 'master-key')
      expect(Buffer.from(stored!, 'base64')).toHaveLength(32)
      expect(allBytes(home).includes(stored!)).toBe(false)
      expect(allBytes(home).includes(KEY)).toBe(false)

      const fresh = setup(home, { env, realKeytar: true })
      expect((await fresh.credentials.getDecrypted(view.id)).apiKey).toBe(KEY)

      expect(await fresh.vault.rotate()).toMatchObject({ source: 'keychain', reencrypted: 1 })
      expect(await loaded.keytar.getPassword(service, 'master-key')).not.toBe(stored)
      expect(await loaded.keytar.getPassword(service, 'master-key.pending')).toBeNull()
      expect(
        (await setup(home, { env, realKeytar: true }).credentials.getDecrypted(view.id)).apiKey,
      ).toBe(KEY)
    })
  })
}
