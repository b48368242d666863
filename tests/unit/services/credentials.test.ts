/**
 * The credentials service's list (src-main/services/credentials.ts): one view list per store
 * version, shared between callers — so nothing a caller does to what it got, down to the nested
 * `endpoints`, reaches the next caller, and no view carries a secret, sealed or not. And the list
 * since a version (`listIfChanged`): sent again only when a view changed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { createFileStore } from '../../../src-main/store/file-store'
import { tmpHome } from '../../support/home'
import { setup } from '../../integration/vault/helpers'

const KEY = 'sk-unit-LISTSECRET-0123456789'

/** A store, vault and credentials service over `home`, as a fresh process builds them. */
function service(home = tmpHome('sb-creds-')) {
  return { home, ...setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: 'unit passphrase' } }) }
}

const add = (id: string) => (d: { credentials: unknown[] }) => {
  d.credentials.push(blankCredential('groq', { id, name: `Groq ${id}` }))
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

describe('the list since a version (credentials:listIfChanged)', () => {
  it('sends the list only when it changed since the version the caller holds', async () => {
    const { store, credentials } = service()
    await store.update(add('g1'))
    const first = await credentials.listIfChanged()
    expect(first.credentials?.map((c) => c.id)).toEqual(['g1'])
    expect(await credentials.listIfChanged(first.version)).toEqual({
      version: first.version,
      credentials: null,
    })
    await store.update(add('g2'))
    const second = await credentials.listIfChanged(first.version)
    expect(second.version).not.toBe(first.version)
    expect(second.credentials?.map((c) => c.id)).toEqual(['g1', 'g2'])
    expect((await credentials.listIfChanged(second.version)).credentials).toBeNull()
    // The caller's array is its own, as with list().
    second.credentials!.pop()
    expect((await credentials.listIfChanged()).credentials).toHaveLength(2)
  })

  it('keeps the version across writes that leave every view as it was', async () => {
    const { store, credentials } = service()
    await store.update(add('g1'))
    const held = await credentials.listIfChanged()
    // A test result is stored beside the credentials: the store changed, no view did.
    await store.update((d) => {
      d.lastTests.g1 = { code: 'ok', message: 'OK', at: new Date().toISOString(), latencyMs: 12 }
    })
    expect(await credentials.listIfChanged(held.version)).toEqual({
      version: held.version,
      credentials: null,
    })
    // A rename is a change, down to one field of one view.
    await store.update((d) => {
      d.credentials[0]!.name = 'Renamed'
    })
    const renamed = await credentials.listIfChanged(held.version)
    expect(renamed.version).not.toBe(held.version)
    expect(renamed.credentials?.[0]?.name).toBe('Renamed')
  })

  it('sees what another process wrote (the CLI) as a change', async () => {
    const { home, credentials } = service()
    const held = await credentials.listIfChanged()
    await createFileStore(home).update(add('from-cli'))
    const after = await credentials.listIfChanged(held.version)
    expect(after.credentials?.map((c) => c.id)).toEqual(['from-cli'])
  })

  it('answers any version it did not give, or gave for an older list, with the whole list', async () => {
    const { home, store, credentials } = service()
    await store.update(add('g1'))
    const old = (await credentials.listIfChanged()).version
    await store.update(add('g2'))
    const now = (await credentials.listIfChanged()).version
    // Another service over the same data (the app after a restart) never matches this one's.
    const restarted = service(home).credentials
    expect((await restarted.listIfChanged(now)).credentials).toHaveLength(2)
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.constant(old)), async (since) => {
        fc.pre(since !== now)
        const r = await credentials.listIfChanged(since)
        expect(r.version).toBe(now)
        expect(r.credentials?.map((c) => c.id)).toEqual(['g1', 'g2'])
      }),
      { numRuns: 200 },
    )
  })
})
