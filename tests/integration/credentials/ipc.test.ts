/**
 * The credentials:* and vault:* channels through the real dispatcher over a temp data dir:
 * happy path, schema rejection, untrusted sender and a locked vault for each, and no secret in
 * any response. Every channel of src-main/ipc/handlers/vault is here: status, and a rotation that
 * answers the vault's result and tells every window the credentials changed.
 */
import { describe, expect, it } from 'vitest'
import { ENV_KEY, snapshot, tmpHome } from '../vault/helpers'
import { ipcHarness } from '../../support/ipc-harness'

const KEY = 'sk-ipc-SECRETSECRET-7777'

function harness(env: NodeJS.ProcessEnv) {
  return ipcHarness(tmpHome(), env)
}

const CHANNELS: [string, (id: string) => unknown, unknown][] = [
  ['credentials:list', () => ({}), { provider: 42 }],
  ['credentials:listIfChanged', () => ({ since: 'an old version' }), { since: 'v'.repeat(201) }],
  ['credentials:get', (id) => ({ id }), { id: 'x', extra: 1 }],
  [
    'credentials:create',
    () => ({ provider: 'groq', name: 'G', apiKey: 'gsk_1234567890' }),
    { provider: 'groq', name: 'x'.repeat(101) },
  ],
  ['credentials:update', (id) => ({ id, name: 'Renamed' }), { id: 'x', apiKey: 'k'.repeat(8193) }],
  ['credentials:setPrimary', (id) => ({ id }), {}],
  ['credentials:delete', (id) => ({ id }), { id: '../../etc' }],
  ['vault:status', () => ({}), { verbose: true }],
  ['vault:rotate', () => ({}), { key: 'x' }],
]

describe('credentials and vault IPC', () => {
  it('answers the happy path on every channel without leaking the key', async () => {
    const h = harness(ENV_KEY)
    const created = await h.call('credentials:create', {
      provider: 'openai',
      name: 'Main',
      apiKey: KEY,
    })
    expect(created).toMatchObject({
      ok: true,
      data: { name: 'Main', hasKey: true, keyHint: '7777', status: 'ok' },
    })
    const id = created.data.id as string
    for (const [channel, payload] of CHANNELS) {
      const res = await h.call(channel, payload(id))
      expect([channel, res.ok]).toEqual([channel, true])
    }
    expect((await h.call('credentials:get', { id })).error?.code).toBe('not_found') // deleted last
    expect((await h.call('vault:status', {})).data).toMatchObject({
      state: 'unlocked',
      source: 'env',
    })
    const all = h.outputs.join('\n')
    expect(all).not.toContain('SECRETSECRET')
    expect(all).not.toContain(Buffer.from(KEY).toString('base64'))
    expect(all).not.toContain(ENV_KEY.SWITCHBOARD_ENCRYPTION_KEY)
    expect(h.events).toContainEqual(['credentials:changed', { reason: 'created', ids: [id] }])
    expect(h.events).toContainEqual(['credentials:changed', { reason: 'rotated', ids: [] }])
  })

  it('rejects malformed payloads on every channel before any work', async () => {
    const h = harness(ENV_KEY)
    for (const [channel, , bad] of CHANNELS) {
      const res = await h.call(channel, bad)
      expect([channel, res.ok, res.error?.code]).toEqual([channel, false, 'validation'])
    }
    expect(snapshot(h.home).size).toBe(0)
  })

  it('refuses an untrusted sender on every channel', async () => {
    const h = harness(ENV_KEY)
    for (const [channel, payload] of CHANNELS) {
      const res = await h.call(channel, payload('x'), 'https://evil.example/')
      expect(res.error?.code).toBe('forbidden_sender')
    }
  })

  it('with a locked vault: secrets refused and nothing written, metadata still served', async () => {
    const h = harness({})
    const local = await h.call('credentials:create', { provider: 'ollama', name: 'Local' })
    expect(local.ok).toBe(true)
    const id = local.data.id as string
    const before = snapshot(h.home)
    const refused = [
      await h.call('credentials:create', { provider: 'openai', name: 'X', apiKey: KEY }),
      await h.call('credentials:update', { id, apiKey: 'ollama-token-12345' }),
      await h.call('vault:rotate', {}),
    ]
    for (const r of refused) expect(r.error?.code).toBe('vault_locked')
    expect(snapshot(h.home)).toEqual(before)
    expect((await h.call('vault:status', {})).data).toMatchObject({ state: 'locked', source: null })
    expect((await h.call('credentials:list', {})).data).toHaveLength(1)
    expect((await h.call('credentials:get', { id })).ok).toBe(true)
    expect((await h.call('credentials:update', { id, name: 'Renamed' })).data.name).toBe('Renamed')
    expect((await h.call('credentials:setPrimary', { id })).ok).toBe(true)
    expect((await h.call('credentials:delete', { id })).data).toEqual({
      id,
      deletedModels: 0,
      clearedSlots: [],
    })
    expect(h.outputs.join('\n')).not.toContain('SECRETSECRET')
  })

  it('filters the list by provider', async () => {
    const h = harness(ENV_KEY)
    await h.call('credentials:create', { provider: 'openai', name: 'A', apiKey: KEY })
    await h.call('credentials:create', { provider: 'ollama', name: 'B' })
    const res = await h.call('credentials:list', { provider: 'ollama' })
    expect(res.data.map((c: { name: string }) => c.name)).toEqual(['B'])
  })
})
