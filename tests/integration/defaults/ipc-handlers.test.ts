/**
 * Every models:* and defaults:* IPC handler through the real dispatcher: happy path, schema
 * rejection (handler never called, store untouched), untrusted sender, and no secret in any answer.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { channelNames } from '../../../src-preload/contract'
import { createAppContext } from '../../../src-main/app-context'
import { createDispatcher, isOwnRendererUrl, type Handlers } from '../../../src-main/ipc/dispatch'
import { defaultsHandlers } from '../../../src-main/ipc/handlers/defaults'
import { modelsHandlers } from '../../../src-main/ipc/handlers/models'
import type { FakeServer } from '../../fixtures/recording-server'
import { fakeEntry, openAiShapedAdapter, startOpenAiShaped } from '../models/openai-shaped'
import { closeWorlds, createWorld } from '../models/world'
import { OWN } from '../../support/ipc-harness'

const KEY = 'zz-SECRETKEY-0123456789abcdef'

let server: FakeServer | null = null
afterEach(async () => {
  await closeWorlds()
  await server?.close()
  server = null
})

async function setup() {
  server = await startOpenAiShaped(KEY, ['gpt-4o', 'text-embedding-3-small'])
  const world = createWorld({ adapter: openAiShapedAdapter(), entry: fakeEntry() })
  await world.addCredential('cred-1', 'openai_compatible', server.url, KEY)
  const app = {
    ...createAppContext({ home: world.home }),
    models: world.models,
    defaults: world.defaults,
  }
  // Other domains are not under test here: stand-ins that fail loudly if ever reached.
  const others = Object.fromEntries(
    channelNames.map((c) => [
      c,
      () => {
        throw new Error(`unexpected call to ${c}`)
      },
    ]),
  )
  const handlers = { ...others, ...modelsHandlers(app), ...defaultsHandlers(app) } as Handlers
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: (u) => isOwnRendererUrl(u),
    knownSecrets: () => [KEY],
  })
  const call = async (channel: string, payload: unknown) => {
    const res = await dispatch(channel, payload, OWN)
    expect(JSON.stringify(res)).not.toContain('SECRETKEY')
    return res
  }
  return { world, call, dispatch }
}

const data = <T>(res: { ok: boolean; data?: unknown }) => {
  expect(res.ok).toBe(true)
  return res.data as T
}

describe('models:* and defaults:* handlers', () => {
  it('answers every channel on the happy path', async () => {
    const { call } = await setup()
    const disc = data<{ models: { name: string; registered: boolean }[]; error: null }>(
      await call('models:discover', { credentialId: 'cred-1', jobId: 'job-1' }),
    )
    expect(disc.error).toBeNull()
    expect(disc.models.map((m) => m.name)).toEqual(['gpt-4o', 'text-embedding-3-small'])

    const reg = data<{ created: { id: string; type: string }[] }>(
      await call('models:register', {
        credentialId: 'cred-1',
        models: [
          { name: 'gpt-4o', type: 'language' },
          { name: 'text-embedding-3-small', type: 'embedding' },
        ],
      }),
    )
    expect(reg.created).toHaveLength(2)
    const [chat, emb] = reg.created as unknown as [{ id: string }, { id: string }]

    expect(data<unknown[]>(await call('models:list', { type: 'embedding' }))).toHaveLength(1)
    expect(data(await call('models:test', { modelId: chat.id }))).toMatchObject({
      ok: true,
      code: 'ok',
    })
    expect(data(await call('models:cancel', { jobId: 'nothing-running' }))).toEqual({
      cancelled: false,
    })

    expect(data(await call('defaults:autoAssign', {}))).toEqual({
      assigned: [
        { slot: 'chat', modelId: chat.id },
        { slot: 'embedding', modelId: emb.id },
      ],
      skipped: [],
      missing: [],
    })
    expect(data(await call('defaults:set', { slot: 'tools', modelId: chat.id }))).toMatchObject({
      slot: 'tools',
      embeddingChanged: false,
    })
    expect(data(await call('defaults:get', {}))).toMatchObject({
      missingRequired: [],
      slots: { tools: { modelId: chat.id, fallback: false } },
    })
    expect(data(await call('models:unregister', { modelId: chat.id }))).toMatchObject({
      clearedSlots: ['chat', 'tools'],
    })
  })

  it('cancels a running discovery by job id', async () => {
    const { call, dispatch } = await setup()
    server!.mode = 'slow'
    const pending = dispatch('models:discover', { credentialId: 'cred-1', jobId: 'slow-job' }, OWN)
    await new Promise((r) => setTimeout(r, 50))
    expect(data(await call('models:cancel', { jobId: 'slow-job' }))).toEqual({ cancelled: true })
    const res = data<{ models: unknown[]; error: { code: string } | null }>(await pending)
    expect(res).toMatchObject({ models: [], error: { code: 'cancelled' } })
  })

  it.each([
    ['models:discover', {}],
    ['models:discover', { credentialId: '' }],
    ['models:discover', { credentialId: 'cred-1', extra: 1 }],
    ['models:discover', { credentialId: 'has space' }],
    ['models:register', { credentialId: 'cred-1', models: [] }],
    ['models:register', { credentialId: 'cred-1', models: [{ name: 'x', type: 'vision' }] }],
    [
      'models:register',
      { credentialId: 'cred-1', models: [{ name: 'x'.repeat(257), type: 'language' }] },
    ],
    [
      'models:register',
      { credentialId: 'cred-1', models: [{ name: 'x', type: 'language', extra: true }] },
    ],
    ['models:list', { type: 'image' }],
    ['models:list', { surprise: 1 }],
    ['models:unregister', { modelId: 42 }],
    ['models:test', { modelId: 'x'.repeat(129) }],
    ['models:cancel', {}],
    ['defaults:get', { slot: 'chat' }],
    ['defaults:set', { slot: 'vision', modelId: 'm' }],
    ['defaults:set', { slot: 'chat' }],
    ['defaults:set', { slot: 'chat', modelId: 7 }],
    ['defaults:autoAssign', { force: true }],
  ])('%s rejects %j with a validation envelope and changes nothing', async (channel, payload) => {
    const { world, call } = await setup()
    const before = JSON.stringify(await world.store.read())
    const res = await call(channel, payload)
    expect(res).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(JSON.stringify(await world.store.read())).toBe(before)
    expect(server!.requests).toHaveLength(0)
  })

  it('turns service errors into coded envelopes', async () => {
    const { call } = await setup()
    expect(await call('models:unregister', { modelId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(await call('defaults:set', { slot: 'chat', modelId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('refuses a foreign frame before touching anything', async () => {
    const { dispatch } = await setup()
    const res = await dispatch('defaults:autoAssign', {}, 'https://evil.example/')
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
  })
})
