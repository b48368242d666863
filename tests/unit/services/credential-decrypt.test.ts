/**
 * Opening a stored credential's secrets for adapters (src-main/services/credential-decrypt.ts):
 * metadata copied, secrets opened; a locked vault, a wrong master key and one value that does not
 * open under the right key are three different errors, none naming the secret.
 */
import { describe, expect, it } from 'vitest'
import { decryptCredential } from '../../../src-main/services/credential-decrypt'
import { updateWithSecrets } from '../../../src-main/services/secret-sealing'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { createFileStore } from '../../../src-main/store/file-store'
import { createDefaultVault } from '../../../src-main/vault/vault'
import { tmpHome } from '../../support/home'

const ENV = { SWITCHBOARD_ENCRYPTION_KEY: 'credential decrypt master' }
const KEY = 'sk-credential-decrypt-0123456789abcd'

/** A store with credential `a` holding KEY. */
async function world() {
  const home = tmpHome('sb-decrypt-')
  const store = createFileStore(home)
  const vault = () => createDefaultVault({ home, env: ENV, store, keytar: null, os: 'linux' })
  await store.update((d) => {
    d.credentials.push(blankCredential('openai', { id: 'a', name: 'a' }))
  })
  await updateWithSecrets({ store, vault: vault() }, 'a', { apiKey: KEY }, (data, apply) =>
    apply(data.credentials[0]!),
  )
  return { home, store, vault }
}

describe('decryptCredential', () => {
  it('opens the secrets, copies the metadata, and needs no vault without secrets', async () => {
    const w = await world()
    const data = await w.store.read()
    const out = await decryptCredential(w.vault(), data, data.credentials[0]!)
    expect(out).toMatchObject({
      id: 'a',
      provider: 'openai',
      apiKey: KEY,
      serviceAccountJson: null,
    })
    const locked = createDefaultVault({
      home: tmpHome('sb-sealing-x-'),
      env: {},
      store: w.store,
      keytar: null,
    })
    const bare = blankCredential('ollama', { id: 'o', endpoints: { language: 'http://l' } })
    const plain = await decryptCredential(locked, data, bare)
    expect(plain).toMatchObject({ apiKey: null, endpoints: { language: 'http://l' } })
    expect(plain.endpoints).not.toBe(bare.endpoints)
  })

  it('tells a locked vault, a wrong key and one bad value apart, naming no secret', async () => {
    const w = await world()
    const data = await w.store.read()
    const cred = data.credentials[0]!
    const vaultWith = (env: NodeJS.ProcessEnv) =>
      createDefaultVault({ home: w.home, env, store: w.store, keytar: null, os: 'linux' })
    await expect(decryptCredential(vaultWith({}), data, cred)).rejects.toMatchObject({
      code: 'vault_locked',
    })
    await expect(
      decryptCredential(vaultWith({ SWITCHBOARD_ENCRYPTION_KEY: 'wrong' }), data, cred),
    ).rejects.toMatchObject({ code: 'vault_wrong_key' })
    const broken = { ...cred, secrets: { apiKey: `${cred.secrets!.apiKey!.slice(0, -4)}AAAA` } }
    const err = await decryptCredential(w.vault(), data, broken).catch((e: unknown) => e)
    expect(err).toMatchObject({
      code: 'decryption_error',
      params: { id: 'a', provider: 'openai', field: 'apiKey' },
    })
    expect(JSON.stringify(err)).not.toContain(KEY)
  })
})
