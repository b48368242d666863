import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { STORE_FILE } from '../../../src-main/store/file-store'
import { codeOf, ENV_KEY, memKeytar, setup, tmpHome } from './helpers'

const KEYS = ['sk-alpha-0000111122223333', 'sk-beta-4444555566667777', 'gsk_gamma_88889999']
const kcEnv = {
  DBUS_SESSION_BUS_ADDRESS: 'unix:path=/fake',
  SWITCHBOARD_KEYCHAIN_SERVICE: 'SB-rot',
}

type Ctx = ReturnType<typeof setup>

async function seed(ctx: Ctx): Promise<string[]> {
  const ids: string[] = []
  ids.push((await ctx.credentials.create({ provider: 'openai', name: 'A', apiKey: KEYS[0] })).id)
  ids.push((await ctx.credentials.create({ provider: 'openai', name: 'B', apiKey: KEYS[1] })).id)
  ids.push((await ctx.credentials.create({ provider: 'groq', name: 'C', apiKey: KEYS[2] })).id)
  ids.push((await ctx.credentials.create({ provider: 'ollama', name: 'Local' })).id)
  return ids
}

async function expectAllOpen(ctx: Ctx, ids: string[]) {
  expect((await ctx.vault.status()).state).toBe('unlocked')
  for (let i = 0; i < 3; i++)
    expect((await ctx.credentials.getDecrypted(ids[i]!)).apiKey).toBe(KEYS[i])
  expect((await ctx.credentials.list()).every((c) => c.status === 'ok')).toBe(true)
}

const sealedValues = (home: string) => {
  const data = JSON.parse(fs.readFileSync(path.join(home, STORE_FILE), 'utf8'))
  return [
    data.keyCheck,
    data.salt,
    ...data.credentials.map((c: { secrets: { apiKey?: string } }) => c.secrets.apiKey),
  ]
}

describe('vault rotate', () => {
  it('re-encrypts every secret under a new keychain key', async () => {
    const home = tmpHome()
    const keytar = memKeytar()
    const ctx = setup(home, { env: kcEnv, keytar })
    const ids = await seed(ctx)
    const oldKey = keytar.entries.get('SB-rot/master-key')
    const before = sealedValues(home)
    expect(await ctx.vault.rotate()).toEqual({ source: 'keychain', reencrypted: 3, skipped: 0 })
    expect(keytar.entries.get('SB-rot/master-key')).not.toBe(oldKey)
    expect(keytar.entries.has('SB-rot/master-key.pending')).toBe(false)
    const after = sealedValues(home)
    expect(after[0]).not.toBe(before[0])
    for (let i = 2; i < 5; i++) expect(after[i]).not.toBe(before[i])
    await expectAllOpen(ctx, ids)
    await expectAllOpen(setup(home, { env: kcEnv, keytar }), ids)
  })

  it('re-encrypts under a new salt with the passphrase source', async () => {
    const home = tmpHome()
    const ctx = setup(home, { env: ENV_KEY })
    const ids = await seed(ctx)
    const [, saltBefore] = sealedValues(home)
    expect(await ctx.vault.rotate()).toMatchObject({ source: 'env', reencrypted: 3 })
    expect(sealedValues(home)[1]).not.toBe(saltBefore)
    await expectAllOpen(setup(home, { env: ENV_KEY }), ids)
  })

  for (const crashAt of ['afterStage', 'afterStoreWrite'] as const) {
    it(`loses nothing when interrupted ${crashAt} (keychain)`, async () => {
      const home = tmpHome()
      const keytar = memKeytar()
      const ctx = setup(home, { env: kcEnv, keytar })
      const ids = await seed(ctx)
      const crash = () => {
        throw new Error('simulated crash')
      }
      await expect(ctx.vault.rotate({ [crashAt]: crash })).rejects.toThrow('simulated crash')
      expect(keytar.entries.has('SB-rot/master-key.pending')).toBe(true)
      // A fresh process finds every secret, healing the half-done rotation if needed.
      const next = setup(home, { env: kcEnv, keytar })
      await expectAllOpen(next, ids)
      // And the original process (stale cached key) recovers too.
      await expectAllOpen(ctx, ids)
      // A later rotation completes normally.
      expect((await next.vault.rotate()).reencrypted).toBe(3)
      await expectAllOpen(setup(home, { env: kcEnv, keytar }), ids)
    })
  }

  it('loses nothing when interrupted before the store write (passphrase source)', async () => {
    const home = tmpHome()
    const ctx = setup(home, { env: ENV_KEY })
    const ids = await seed(ctx)
    const before = fs.readFileSync(path.join(home, STORE_FILE))
    await expect(
      ctx.vault.rotate({
        afterStage: () => {
          throw new Error('simulated crash')
        },
      }),
    ).rejects.toThrow()
    expect(fs.readFileSync(path.join(home, STORE_FILE))).toEqual(before)
    await expectAllOpen(setup(home, { env: ENV_KEY }), ids)
  })

  it('refuses with a wrong key and leaves a corrupt value as it was', async () => {
    const home = tmpHome()
    const ctx = setup(home, { env: ENV_KEY })
    const ids = await seed(ctx)
    expect(
      await codeOf(setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: 'nope' } }).vault.rotate()),
    ).toBe('vault_wrong_key')
    const file = path.join(home, STORE_FILE)
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    data.credentials[0].secrets.apiKey = 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
    fs.writeFileSync(file, JSON.stringify(data))
    expect(await ctx.vault.rotate()).toMatchObject({ reencrypted: 2, skipped: 1 })
    expect((await ctx.credentials.getDecrypted(ids[1]!)).apiKey).toBe(KEYS[1])
    expect(await codeOf(ctx.credentials.getDecrypted(ids[0]!))).toBe('decryption_error')
  })
})
