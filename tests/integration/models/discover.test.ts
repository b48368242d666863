import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { getAdapter } from '../../../src-main/providers/adapters'
import { getProvider } from '../../../src-main/providers/catalog'
import { closedPortUrl, header, type FakeServer } from '../../fixtures/recording-server'
import { fakeEntry, openAiShapedAdapter, startOpenAiShaped } from './openai-shaped'
import { closeWorlds, createWorld } from './world'

const KEY = 'zz-SECRETKEY-0123456789abcdef'
const IDS = ['gpt-4o', 'text-embedding-3-small', 'whisper-1', 'tts-1', 'gpt-4o', 'GPT-4o-mini']

let server: FakeServer | null = null
afterEach(async () => {
  await closeWorlds()
  await server?.close()
  server = null
})

async function setup(opts: { timeoutMs?: number; key?: string } = {}) {
  server = await startOpenAiShaped(KEY, IDS)
  const world = createWorld({ adapter: openAiShapedAdapter(opts), entry: fakeEntry() })
  await world.addCredential('cred-1', 'openai_compatible', server.url, opts.key ?? KEY)
  return world
}

describe('models.discover', () => {
  it('lists models with types, merges duplicates and marks registered ones by id', async () => {
    const world = await setup()
    const { created } = await world.models.register('cred-1', [
      { name: 'GPT-4O', type: 'language' },
    ])
    const res = await world.models.discover('cred-1')
    expect(res.error).toBeNull()
    expect(res.credentialId).toBe('cred-1')
    expect(res.provider).toBe('openai_compatible')
    expect(res.models).toEqual([
      {
        id: created[0]!.id,
        name: 'gpt-4o',
        type: 'language',
        registered: true,
        typeSource: 'name',
      },
      {
        id: 'discovered:embedding:text-embedding-3-small',
        name: 'text-embedding-3-small',
        type: 'embedding',
        registered: false,
        typeSource: 'name',
      },
      {
        id: 'discovered:speech_to_text:whisper-1',
        name: 'whisper-1',
        type: 'speech_to_text',
        registered: false,
        typeSource: 'name',
      },
      {
        id: 'discovered:text_to_speech:tts-1',
        name: 'tts-1',
        type: 'text_to_speech',
        registered: false,
        typeSource: 'name',
      },
      {
        id: 'discovered:language:GPT-4o-mini',
        name: 'GPT-4o-mini',
        type: 'language',
        registered: false,
        typeSource: 'name',
      },
    ])
    expect(header(server!.requests[0]!, 'authorization')).toBe(`Bearer ${KEY}`)
  })

  it('surfaces a 401 as error auth_invalid with no models and no key in the result', async () => {
    const world = await setup({ key: 'zz-WRONGKEY-9876543210fedcba' })
    const res = await world.models.discover('cred-1')
    expect(res.models).toEqual([])
    expect(res.error).toMatchObject({ code: 'auth_invalid', params: { status: 401 } })
    // The fake echoes the key it was sent; the service scrubs it.
    expect(JSON.stringify(res)).not.toContain('WRONGKEY')
  })

  it.each([
    ['forbidden', 'auth_forbidden'],
    ['rate_limited', 'server_error'],
    ['server_error', 'server_error'],
    ['garbage', 'server_error'],
  ] as const)(
    'surfaces server mode %s as error %s, never a silent empty list',
    async (mode, code) => {
      const world = await setup()
      server!.mode = mode
      const res = await world.models.discover('cred-1')
      expect(res).toMatchObject({ models: [], error: { code } })
      expect(res.error!.message.length).toBeGreaterThan(0)
      expect(JSON.stringify(res)).not.toContain('SECRETKEY')
    },
  )

  it('surfaces a timeout', async () => {
    const world = await setup({ timeoutMs: 200 })
    server!.mode = 'slow'
    server!.slowMs = 1_500
    const res = await world.models.discover('cred-1')
    expect(res).toMatchObject({ models: [], error: { code: 'timeout' } })
  })

  it('surfaces a refused connection and a DNS failure as network errors', async () => {
    const world = await setup()
    await world.addCredential('cred-refused', 'openai_compatible', await closedPortUrl(), KEY)
    await world.addCredential('cred-dns', 'openai_compatible', 'http://no-such-host.invalid', KEY)
    const refused = await world.models.discover('cred-refused')
    expect(refused).toMatchObject({
      models: [],
      error: { code: 'network', params: { reason: 'refused' } },
    })
    const dns = await world.models.discover('cred-dns')
    expect(dns).toMatchObject({ models: [], error: { code: 'network' } })
  })

  it('reports cancellation through the signal as error cancelled', async () => {
    const world = await setup()
    server!.mode = 'slow'
    const controller = new AbortController()
    const pending = world.models.discover('cred-1', controller.signal)
    setTimeout(() => controller.abort(), 50)
    expect(await pending).toMatchObject({ models: [], error: { code: 'cancelled' } })
  })

  it('reports an undecryptable credential as an error, but throws for a locked vault or unknown id', async () => {
    const world = await setup()
    world.undecryptable.add('cred-1')
    expect(await world.models.discover('cred-1')).toMatchObject({
      models: [],
      error: { code: 'decryption_error' },
    })
    await expect(world.models.discover('nope')).rejects.toMatchObject({ code: 'not_found' })
    world.lockVault()
    await expect(world.models.discover('cred-1')).rejects.toBeInstanceOf(AppError)
    await expect(world.models.discover('cred-1')).rejects.toMatchObject({ code: 'vault_locked' })
    expect(server!.requests).toHaveLength(0)
  })

  it('lists a static provider through its adapter, and says when the key is missing', async () => {
    const entry = getProvider('voyage')
    const world = createWorld({ adapter: getAdapter(entry), entry })
    await world.addCredential('cred-v', 'voyage', null, KEY)
    await world.addCredential('cred-nokey', 'voyage', null, null)
    const res = await world.models.discover('cred-v')
    expect(res.error).toBeNull()
    expect(res.models.length).toBeGreaterThan(0)
    expect(res.models.every((m) => m.type === 'embedding' && m.typeSource === 'static')).toBe(true)
    expect(await world.models.discover('cred-nokey')).toMatchObject({
      models: [],
      error: { code: 'not_configured' },
    })
  })
})
