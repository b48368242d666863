/**
 * What a backup carries (src-main/services/backup-payload.ts): `payloadOf` opens every secret of
 * the store for export and leaves out what does not open, with its models and the slots that
 * used them; `linkModels` re-links a backup's models and slots to the credentials an import
 * kept, whatever the backup's model entries hold.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { linkModels, payloadOf } from '../../../src-main/services/backup-payload'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { emptyStoreData } from '../../../src-main/store/migrations'
import type { StoreData, StoredModel } from '../../../src-main/store/schema'
import { tmpHome } from '../../support/home'
import { setup } from '../../integration/vault/helpers'

const KEY_A = 'sk-backup-payload-aaaaaaaaaaaa'
const KEY_B = 'sk-backup-payload-bbbbbbbbbbbb'

function world(passphrase: string | null, home = tmpHome('sb-payload-')) {
  const env = passphrase ? { SWITCHBOARD_ENCRYPTION_KEY: passphrase } : {}
  return { home, ...setup(home, { env }) }
}

/** Two openai credentials, a chat model on each, the chat slot on the second's model. */
async function seeded() {
  const w = world('backup payload master')
  const a = await w.credentials.create({ provider: 'openai', name: 'A', apiKey: KEY_A })
  const b = await w.credentials.create({ provider: 'openai', name: 'B', apiKey: KEY_B })
  await w.store.update((data) => {
    data.models.push(model('m-a', a.id, 'gpt-a'), model('m-b', b.id, 'gpt-b'))
    data.defaults.slots.chat = 'm-b'
  })
  return { ...w, a, b }
}

function model(id: string, credentialId: string, name: string, type = 'language'): StoredModel {
  return {
    id,
    name,
    provider: 'openai',
    type: type as StoredModel['type'],
    credentialId,
    createdAt: '2026-01-01T00:00:00.000Z',
  }
}

describe('payloadOf', () => {
  it('carries every credential with its secret opened, its models and the slots', async () => {
    const { store, vault, a, b } = await seeded()
    const { payload, skipped } = await payloadOf(await store.read(), vault)
    expect(skipped).toBe(0)
    expect(payload.credentials.map((c) => [c.id, c.apiKey, c.serviceAccountJson])).toEqual([
      [a.id, KEY_A, null],
      [b.id, KEY_B, null],
    ])
    expect(payload.models.map((m) => m.id)).toEqual(['m-a', 'm-b'])
    expect(payload.defaults.slots.chat).toBe('m-b')
  })

  it('leaves out a credential whose secret does not open, with its models and slots', async () => {
    const { store, vault, a, b } = await seeded()
    await store.update((data) => {
      const cred = data.credentials.find((c) => c.id === b.id)!
      const sealed = cred.secrets!.apiKey!
      cred.secrets = { apiKey: `${sealed.slice(0, -6)}AAAAAA` }
    })
    const { payload, skipped } = await payloadOf(await store.read(), vault)
    expect(skipped).toBe(1)
    expect(payload.credentials.map((c) => c.id)).toEqual([a.id])
    expect(payload.models.map((m) => m.id)).toEqual(['m-a'])
    expect(payload.defaults.slots.chat).toBeNull()
  })

  it('refuses a locked vault or a wrong master key instead of exporting nothing', async () => {
    const { home, store } = await seeded()
    const data = await store.read()
    await expect(payloadOf(data, world(null, home).vault)).rejects.toMatchObject({
      code: 'vault_locked',
    })
    await expect(payloadOf(data, world('another master', home).vault)).rejects.toMatchObject({
      code: 'vault_wrong_key',
    })
  })

  it('needs no vault for a store without secrets', async () => {
    const data = emptyStoreData()
    data.credentials.push(blankCredential('ollama', { id: 'o', name: 'Local' }))
    const { payload } = await payloadOf(data, world(null).vault)
    expect(payload.credentials).toMatchObject([{ id: 'o', apiKey: null }])
  })
})

describe('linkModels', () => {
  const here = () => {
    const data = emptyStoreData()
    data.credentials.push(blankCredential('openai', { id: 'new-cred', name: 'A' }))
    return data
  }
  let n = 0
  const newId = () => `id-${++n}`

  it('re-links models to the kept credentials and skips those of unknown ones', () => {
    const data = here()
    const out = linkModels(
      data,
      {
        credentials: [],
        models: [model('b1', 'old-cred', 'gpt-x'), model('b2', 'gone-cred', 'gpt-y')],
        defaults: { slots: {} },
      },
      new Map([['old-cred', 'new-cred']]),
      newId,
    )
    expect(out).toMatchObject({ modelsImported: 1, modelsSkipped: 1 })
    expect(data.models).toMatchObject([{ name: 'gpt-x', credentialId: 'new-cred' }])
  })

  it('finds a model already here (case-insensitively) and restores only empty slots', () => {
    const data = here()
    data.models.push(model('here-1', 'new-cred', 'GPT-X'))
    data.defaults.slots.embedding = 'something-else'
    data.defaults.cleared = ['chat']
    const out = linkModels(
      data,
      {
        credentials: [],
        models: [model('b1', 'old-cred', 'gpt-x'), model('b2', 'old-cred', 'emb', 'embedding')],
        defaults: { slots: { chat: 'b1', embedding: 'b2' } },
      },
      new Map([['old-cred', 'new-cred']]),
      newId,
    )
    expect(out).toMatchObject({ modelsImported: 1, modelsSkipped: 1, defaultsRestored: ['chat'] })
    expect(data.defaults.slots.chat).toBe('here-1')
    expect(data.defaults.slots.embedding).toBe('something-else')
    expect(data.defaults.cleared).toEqual([])
  })

  it('restores no slot with a model of another type (defaults set refuses it too)', () => {
    const data = here()
    const out = linkModels(
      data,
      {
        credentials: [],
        models: [model('b1', 'old-cred', 'emb', 'embedding')],
        defaults: { slots: { chat: 'b1', embedding: 'b1' } },
      },
      new Map([['old-cred', 'new-cred']]),
      newId,
    )
    expect(out.defaultsRestored).toEqual(['embedding'])
    expect(data.defaults.slots.chat).toBeNull()
  })

  it('survives any model entries: junk is skipped, only known credentials gain models', () => {
    const entry = fc.oneof(
      fc.anything(),
      fc.record({
        id: fc.string({ maxLength: 5 }),
        name: fc.string({ maxLength: 5 }),
        provider: fc.constant('openai'),
        type: fc.constantFrom('language', 'embedding', 'text_to_speech', 'chat'),
        credentialId: fc.constantFrom('old-cred', 'other', ''),
        createdAt: fc.constant('2026-01-01'),
      }),
    )
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (models) => {
        const data: StoreData = here()
        const out = linkModels(
          data,
          { credentials: [], models, defaults: { slots: {} } },
          new Map([['old-cred', 'new-cred']]),
          newId,
        )
        expect(out.modelsImported + out.modelsSkipped).toBe(models.length)
        expect(data.models.every((m) => m.credentialId === 'new-cred')).toBe(true)
      }),
    )
  })
})
