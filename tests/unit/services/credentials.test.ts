/**
 * The credentials service's list (src-main/services/credentials.ts): one view list per store
 * version, shared between callers — so nothing a caller does to what it got, down to the nested
 * `endpoints`, reaches the next caller, and no view carries a secret, sealed or not.
 */
import { describe, expect, it } from 'vitest'
import { getProvider } from '../../../src-main/providers/catalog'
import { createCredentialsService } from '../../../src-main/services/credentials'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { createFileStore } from '../../../src-main/store/file-store'
import { createDefaultVault } from '../../../src-main/vault/vault'
import { tmpHome } from '../../support/home'

const KEY = 'sk-unit-LISTSECRET-0123456789'

function service() {
  const home = tmpHome('sb-creds-')
  const env = { SWITCHBOARD_ENCRYPTION_KEY: 'unit passphrase' }
  const store = createFileStore(home)
  const vault = createDefaultVault({ home, env, store, keytar: null, os: 'linux' })
  return { store, vault, credentials: createCredentialsService({ store, vault, getProvider }) }
}

describe('credentials list', () => {
  it('keeps its cached views whole when a caller changes what it got', async () => {
    const { store, credentials } = service()
    await store.update((d) => {
      d.credentials.push(
        blankCredential('azure', {
          id: 'az',
          name: 'Azure',
          endpoints: { language: 'https://lang.example' },
        }),
      )
    })
    const first = await credentials.list()
    expect(() => {
      first[0]!.endpoints!.language = 'https://evil.example'
    }).toThrow(TypeError)
    expect(() => {
      ;(first[0] as { name: string }).name = 'Changed'
    }).toThrow(TypeError)
    first.pop() // the caller's own array
    const second = await credentials.list()
    expect(second).toHaveLength(1)
    expect(second[0]).toMatchObject({
      name: 'Azure',
      endpoints: { language: 'https://lang.example' },
    })
  })

  it('lists no secret, sealed or plain', async () => {
    const { store, vault, credentials } = service()
    let sealed = ''
    await store.update(async (d) => {
      sealed = (await vault.sealer(d)).seal('oa', 'apiKey', KEY)
      d.credentials.push(
        blankCredential('openai', { id: 'oa', name: 'Work', secrets: { apiKey: sealed } }),
      )
    })
    const text = JSON.stringify(await credentials.list())
    expect(text).not.toContain(KEY.slice(0, -4))
    expect(text).not.toContain(sealed)
    expect(text).toContain('"hasKey":true')
  })
})
