import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CredentialView } from '../../../src-preload/contract/credentials'
import { getProvider } from '../../../src-main/providers/catalog'
import { createCredentialsService } from '../../../src-main/services/credentials'
import { codeOf, ENV_KEY, setup, snapshot, tmpHome } from '../vault/helpers'

const KEY = 'sk-proj-ZYXWVUTSRQ-abcd'
const VIEW_KEYS = [
  'id',
  'provider',
  'name',
  'baseUrl',
  'endpoint',
  'apiVersion',
  'project',
  'location',
  'credentialsPath',
  'numCtx',
  'isPrimary',
  'hasKey',
  'keyHint',
  'modelCount',
  'status',
  'createdAt',
  'updatedAt',
  'endpoints',
  'allowInsecureHttp',
]

const fresh = () => {
  const home = tmpHome()
  return { home, ...setup(home, { env: ENV_KEY }) }
}

describe('credentials service', () => {
  it('returns the DESIGN §9 view with nulls for absent values and no secret', async () => {
    const { credentials } = fresh()
    const v = await credentials.create({
      provider: 'openai',
      name: '  Work  ',
      apiKey: `  ${KEY}\n`,
    })
    expect(Object.keys(v).sort()).toEqual([...VIEW_KEYS].sort())
    expect(CredentialView.parse(v)).toEqual(v)
    expect(v).toMatchObject({
      provider: 'openai',
      name: 'Work',
      baseUrl: null,
      endpoint: null,
      apiVersion: null,
      project: null,
      location: null,
      credentialsPath: null,
      numCtx: null,
      isPrimary: true,
      hasKey: true,
      keyHint: 'abcd',
      modelCount: 0,
      status: 'ok',
      endpoints: null,
      allowInsecureHttp: false,
    })
    expect(JSON.stringify(await credentials.list())).not.toContain('ZYXWVUTSRQ')
    expect(await credentials.show(v.id)).toEqual(v)
    expect((await credentials.getDecrypted(v.id)).apiKey).toBe(KEY) // trimmed
  })

  it('validates against the catalog and writes nothing on bad input', async () => {
    const { credentials, home } = fresh()
    await credentials.create({ provider: 'ollama', name: 'Local' })
    const before = snapshot(home)
    const bad: [Parameters<typeof credentials.create>[0], string][] = [
      [{ provider: 'nope', name: 'x', apiKey: KEY }, 'provider'],
      [{ provider: 'openai', name: '   ', apiKey: KEY }, 'name'],
      [{ provider: 'openai', name: 'x' }, 'apiKey'],
      [{ provider: 'openai', name: 'x', apiKey: KEY, baseUrl: 'ftp://x' }, 'baseUrl'],
      [{ provider: 'openai', name: 'x', apiKey: KEY, baseUrl: 'https://u:p@host/v1' }, 'baseUrl'],
      [{ provider: 'openai', name: 'x', apiKey: KEY, project: 'p' }, 'project'],
      [{ provider: 'vertex', name: 'x', project: 'p' }, 'location'],
      [
        { provider: 'anthropic_compatible', name: 'x', baseUrl: 'https://gw.example/anthropic' },
        'apiKey',
      ],
      [{ provider: 'openai_compatible', name: 'x' }, 'baseUrl'],
      [{ provider: 'azure', name: 'x', apiKey: KEY, apiVersion: '2024-10-21' }, 'endpoint'],
      [{ provider: 'ollama', name: 'x', numCtx: 1.5 }, 'numCtx'],
      [{ provider: 'ollama', name: 'x', apiKey: 'ab\ncd-0123456' }, 'apiKey'],
    ]
    for (const [input, field] of bad) {
      let err: { code?: string; params?: { field?: string } } = {}
      try {
        await credentials.create(input)
      } catch (e) {
        err = e as typeof err
      }
      expect([input.provider, err.code, err.params?.field]).toEqual([
        input.provider,
        'validation',
        field,
      ])
    }
    expect(snapshot(home)).toEqual(before)
  })

  it('stores each field shape: azure endpoints, vertex service account, ollama numCtx', async () => {
    const { credentials, home } = fresh()
    const az = await credentials.create({
      provider: 'azure',
      name: 'Az',
      apiKey: KEY,
      endpoint: 'https://me.openai.azure.com/',
      apiVersion: '2024-10-21',
      endpoints: { embedding: 'https://emb.openai.azure.com' },
    })
    expect(az).toMatchObject({
      endpoint: 'https://me.openai.azure.com',
      endpoints: { embedding: 'https://emb.openai.azure.com' },
    })
    const sa = path.join(tmpHome(), 'sa.json')
    const saText = JSON.stringify({
      type: 'service_account',
      private_key: '-----BEGIN PRIVATE KEY-----SECRETPEM',
    })
    fs.writeFileSync(sa, saText)
    const vx = await credentials.create({
      provider: 'vertex',
      name: 'Vx',
      project: 'p1',
      location: 'us-central1',
      credentialsPath: sa,
    })
    expect(vx).toMatchObject({ hasKey: true, keyHint: null, credentialsPath: sa })
    fs.rmSync(sa) // moving or deleting the file breaks nothing
    expect((await credentials.getDecrypted(vx.id)).serviceAccountJson).toBe(saText)
    expect(fs.readFileSync(path.join(home, 'switchboard.json'), 'utf8')).not.toContain('SECRETPEM')
    // The edit form re-sends the same path: no re-import, no failure.
    expect((await credentials.update(vx.id, { credentialsPath: sa, name: 'Vx2' })).name).toBe('Vx2')
    const ol = await credentials.create({ provider: 'ollama', name: 'Ol', numCtx: 8192 })
    expect(ol).toMatchObject({ numCtx: 8192, hasKey: false, keyHint: null })
  })

  it('updates only given fields; empty key keeps, null clears, a new key replaces', async () => {
    const { credentials } = fresh()
    const v = await credentials.create({
      provider: 'openai',
      name: 'A',
      apiKey: KEY,
      baseUrl: 'https://gw.example/v1',
    })
    const renamed = await credentials.update(v.id, { name: 'B', apiKey: '' })
    expect(renamed).toMatchObject({ name: 'B', baseUrl: 'https://gw.example/v1', keyHint: 'abcd' })
    expect((await credentials.getDecrypted(v.id)).apiKey).toBe(KEY)
    expect((await credentials.update(v.id, { baseUrl: null })).baseUrl).toBeNull()
    expect((await credentials.update(v.id, { apiKey: 'sk-brand-new-key-9876' })).keyHint).toBe(
      '9876',
    )
    expect((await credentials.getDecrypted(v.id)).apiKey).toBe('sk-brand-new-key-9876')
    // A required key cannot be cleared.
    expect(await codeOf(credentials.update(v.id, { apiKey: null }))).toBe('validation')
    const ol = await credentials.create({
      provider: 'ollama',
      name: 'Ol',
      apiKey: 'ollama-token-1234',
    })
    expect(await credentials.update(ol.id, { apiKey: null })).toMatchObject({
      hasKey: false,
      keyHint: null,
    })
    expect(await codeOf(credentials.update('missing', { name: 'x' }))).toBe('not_found')
  })

  it('keeps one primary per provider: first wins, setPrimary moves it, delete promotes the oldest', async () => {
    let t = Date.parse('2030-01-01T00:00:00Z')
    const home = tmpHome()
    const base = setup(home, { env: ENV_KEY })
    const credentials = createCredentialsService({
      ...base,
      getProvider,
      clock: () => new Date((t += 1000)),
    })
    const a = await credentials.create({ provider: 'openai', name: 'A', apiKey: KEY })
    const b = await credentials.create({ provider: 'openai', name: 'B', apiKey: KEY })
    const c = await credentials.create({ provider: 'openai', name: 'C', apiKey: KEY })
    const g = await credentials.create({ provider: 'groq', name: 'G', apiKey: KEY })
    expect([a.isPrimary, b.isPrimary, c.isPrimary, g.isPrimary]).toEqual([true, false, false, true])
    await credentials.setPrimary(c.id)
    const primaries = async () =>
      (await credentials.list()).filter((x) => x.isPrimary).map((x) => x.name)
    expect(await primaries()).toEqual(['C', 'G'])
    await credentials.delete(c.id)
    expect(await primaries()).toEqual(['A', 'G'])
    expect(await codeOf(credentials.setPrimary('missing'))).toBe('not_found')
  })

  it('deletes an undecryptable credential with its models and empties the slots that used them', async () => {
    const { credentials, store, home } = fresh()
    const v = await credentials.create({ provider: 'openai', name: 'A', apiKey: KEY })
    const keep = await credentials.create({ provider: 'openai', name: 'B', apiKey: KEY })
    await store.update((d) => {
      const at = new Date().toISOString()
      d.models.push(
        {
          id: 'm1',
          name: 'gpt-4o',
          provider: 'openai',
          type: 'language',
          credentialId: v.id,
          createdAt: at,
        },
        {
          id: 'm2',
          name: 'text-embedding-3-small',
          provider: 'openai',
          type: 'embedding',
          credentialId: v.id,
          createdAt: at,
        },
        {
          id: 'm3',
          name: 'gpt-4o-mini',
          provider: 'openai',
          type: 'language',
          credentialId: keep.id,
          createdAt: at,
        },
      )
      d.defaults.slots.chat = 'm1'
      d.defaults.slots.embedding = 'm2'
      d.defaults.slots.tools = 'm3'
      d.lastTests[v.id] = { code: 'ok', message: 'fine', at, latencyMs: 5 }
    })
    expect((await credentials.show(v.id)).modelCount).toBe(2)
    const wrong = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: 'not the key' } })
    expect((await wrong.credentials.show(v.id)).status).toBe('decryption_error')
    expect(await wrong.credentials.undecryptableIds()).toEqual([v.id, keep.id])
    expect(await credentials.undecryptableIds()).toEqual([])
    expect(await wrong.credentials.delete(v.id)).toEqual({
      id: v.id,
      deletedModels: 2,
      clearedSlots: ['chat', 'embedding'],
    })
    const data = await store.read()
    expect(data.models.map((m) => m.id)).toEqual(['m3'])
    expect(data.defaults.slots).toMatchObject({ chat: null, embedding: null, tools: 'm3' })
    expect(data.defaults.cleared).toEqual([])
    expect(data.lastTests[v.id]).toBeUndefined()
    expect((await credentials.list()).map((c) => [c.name, c.isPrimary])).toEqual([['B', true]])
    expect(await codeOf(credentials.delete(v.id))).toBe('not_found')
  })

  it('tells listeners what changed', async () => {
    const home = tmpHome()
    const base = setup(home, { env: ENV_KEY })
    const seen: string[] = []
    const svc = createCredentialsService({
      ...base,
      getProvider,
      onChanged: (r, ids) => seen.push(`${r}:${ids.length}`),
    })
    const v = await svc.create({ provider: 'ollama', name: 'O' })
    await svc.update(v.id, { name: 'P' })
    await svc.setPrimary(v.id)
    await svc.delete(v.id)
    expect(seen).toEqual(['created:1', 'updated:1', 'primary:1', 'deleted:1'])
  })
})
