/**
 * Writing secrets with the crypto outside the store lock (src-main/services/secret-sealing.ts):
 * the first secret sets the vault up under the lock; later ones are sealed before it; and when
 * another writer rotates the vault between the sealing and the locked write, the pre-sealed
 * values are dropped and sealed again under the new key — never written under the old one.
 */
import { describe, expect, it } from 'vitest'
import { decryptCredential } from '../../../src-main/services/credential-decrypt'
import { updateWithSecrets } from '../../../src-main/services/secret-sealing'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { createFileStore } from '../../../src-main/store/file-store'
import type { Store } from '../../../src-main/store/schema'
import { createDefaultVault } from '../../../src-main/vault/vault'
import { tmpHome } from '../../support/home'

const ENV = { SWITCHBOARD_ENCRYPTION_KEY: 'secret sealing master' }
const KEY = 'sk-secret-sealing-0123456789abcd'

function world() {
  const home = tmpHome('sb-sealing-')
  const store = createFileStore(home)
  const vault = () => createDefaultVault({ home, env: ENV, store, keytar: null, os: 'linux' })
  return { home, store, vault }
}

/** Adds credential `id` (no secret) to the store. */
async function addBare(store: Store, id: string) {
  await store.update((d) => {
    d.credentials.push(blankCredential('openai', { id, name: id }))
  })
}

/** The credential's key as a fresh process would open it. */
async function openedKey(w: ReturnType<typeof world>, id: string) {
  const data = await w.store.read()
  const cred = data.credentials.find((c) => c.id === id)!
  return (await decryptCredential(w.vault(), data, cred)).apiKey
}

const setKey = (w: ReturnType<typeof world>, store: Store, id: string, key: string | null) =>
  updateWithSecrets({ store, vault: w.vault() }, id, { apiKey: key }, async (data, apply) => {
    await apply(data.credentials.find((c) => c.id === id)!)
    return 'done'
  })

describe('updateWithSecrets', () => {
  it('sets the vault up with the first secret, then seals later ones; hint and clear follow', async () => {
    const w = world()
    await addBare(w.store, 'a')
    expect((await w.store.read()).keyCheck).toBeNull()
    expect(await setKey(w, w.store, 'a', KEY)).toBe('done')
    expect((await w.store.read()).keyCheck).not.toBeNull()
    expect(await openedKey(w, 'a')).toBe(KEY)

    await addBare(w.store, 'b')
    await setKey(w, w.store, 'b', `${KEY}-b`)
    expect(await openedKey(w, 'b')).toBe(`${KEY}-b`)
    const b = (await w.store.read()).credentials.find((c) => c.id === 'b')!
    expect(b.keyHint).toBe('cd-b')
    expect(JSON.stringify(await w.store.read())).not.toContain(KEY)

    await setKey(w, w.store, 'b', null)
    const cleared = (await w.store.read()).credentials.find((c) => c.id === 'b')!
    expect(cleared.secrets).toEqual({})
    expect(cleared.keyHint).toBeNull()
  })

  it('seals again when the vault was rotated between sealing and the locked write', async () => {
    const w = world()
    await addBare(w.store, 'a')
    await setKey(w, w.store, 'a', KEY)
    await addBare(w.store, 'b')
    // The first locked write finds the vault rotated by "another process" just before it.
    let rotated = 0
    const racing: Store = {
      ...w.store,
      read: () => w.store.read(),
      update: async (fn) => {
        if (rotated++ === 0) await w.vault().rotate()
        return w.store.update(fn)
      },
    }
    await setKey(w, racing, 'b', `${KEY}-b`)
    expect(rotated).toBeGreaterThan(1)
    expect(await openedKey(w, 'b')).toBe(`${KEY}-b`)
    expect(await openedKey(w, 'a')).toBe(KEY)
  })

  it('passes the vault error through when it is locked', async () => {
    const home = tmpHome('sb-sealing-locked-')
    const store = createFileStore(home)
    await addBare(store, 'a')
    const vault = createDefaultVault({ home, env: {}, store, keytar: null, os: 'linux' })
    await expect(
      updateWithSecrets({ store, vault }, 'a', { apiKey: KEY }, async (data, apply) =>
        apply(data.credentials[0]!),
      ),
    ).rejects.toMatchObject({ code: 'vault_locked' })
    expect((await store.read()).credentials[0]!.secrets).toEqual({})
  })
})
