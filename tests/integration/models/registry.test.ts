import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { STORE_FILE } from '../../../src-main/store/file-store'
import type { FakeServer } from '../../fixtures/recording-server'
import {
  EMBEDDING_DIMS,
  TRANSCRIPT,
  fakeEntry,
  openAiShapedAdapter,
  startOpenAiShaped,
} from './openai-shaped'
import { closeWorlds, createWorld } from './world'

const KEY = 'zz-SECRETKEY-0123456789abcdef'

let server: FakeServer | null = null
afterEach(async () => {
  await closeWorlds()
  await server?.close()
  server = null
})

async function setup() {
  server = await startOpenAiShaped(KEY, ['gpt-4o'])
  const world = createWorld({ adapter: openAiShapedAdapter(), entry: fakeEntry() })
  await world.addCredential('cred-1', 'openai_compatible', server.url, KEY)
  await world.addCredential('cred-2', 'openai_compatible', server.url, KEY)
  return world
}

const storeText = (home: string) => readFile(path.join(home, STORE_FILE), 'utf8')

describe('models.register', () => {
  it('creates each (name, type) once per credential, case-insensitively, and reports the rest', async () => {
    const world = await setup()
    const first = await world.models.register('cred-1', [
      { name: 'GPT-4o', type: 'language' },
      { name: 'gpt-4o', type: 'language' },
      { name: '  text-embedding-3-small ', type: 'embedding' },
    ])
    expect(first.created.map((m) => [m.name, m.type])).toEqual([
      ['GPT-4o', 'language'],
      ['text-embedding-3-small', 'embedding'],
    ])
    expect(first.existing).toEqual([])
    expect(first.created[0]).toEqual({
      id: 'model-1',
      name: 'GPT-4o',
      provider: 'openai_compatible',
      type: 'language',
      credentialId: 'cred-1',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })

    const again = await world.models.register('cred-1', [
      { name: 'gpt-4O', type: 'language' },
      { name: 'gpt-4o', type: 'text_to_speech' },
    ])
    expect(again.existing.map((m) => m.id)).toEqual(['model-1'])
    expect(again.created.map((m) => [m.name, m.type])).toEqual([['gpt-4o', 'text_to_speech']])

    // Another credential of the same provider gets its own link (Open Notebook's bug 3).
    const other = await world.models.register('cred-2', [{ name: 'gpt-4o', type: 'language' }])
    expect(other.created.map((m) => m.credentialId)).toEqual(['cred-2'])
    expect(await world.models.list()).toHaveLength(4)
  })

  it('rejects bad input with validation and changes nothing', async () => {
    const world = await setup()
    await world.models.register('cred-1', [{ name: 'keep', type: 'language' }])
    const before = await storeText(world.home)
    for (const bad of [
      [],
      [{ name: '   ', type: 'language' }],
      [
        { name: 'ok', type: 'language' },
        { name: 'x'.repeat(300), type: 'language' },
      ],
      [{ name: 'ok', type: 'vision' }],
      [{ name: 'bad\nname', type: 'language' }],
    ]) {
      await expect(world.models.register('cred-1', bad as never)).rejects.toMatchObject({
        code: 'validation',
      })
    }
    await expect(
      world.models.register('missing', [{ name: 'a', type: 'language' }]),
    ).rejects.toMatchObject({
      code: 'not_found',
    })
    expect(await storeText(world.home)).toBe(before)
  })
})

describe('models.list / unregister', () => {
  it('filters by type and credential and sorts by name', async () => {
    const world = await setup()
    await world.models.register('cred-1', [
      { name: 'zeta', type: 'language' },
      { name: 'alpha', type: 'embedding' },
      { name: 'Beta', type: 'language' },
    ])
    await world.models.register('cred-2', [{ name: 'gamma', type: 'language' }])
    expect((await world.models.list()).map((m) => m.name)).toEqual([
      'alpha',
      'Beta',
      'gamma',
      'zeta',
    ])
    expect((await world.models.list({ type: 'language' })).map((m) => m.name)).toEqual([
      'Beta',
      'gamma',
      'zeta',
    ])
    expect((await world.models.list({ credentialId: 'cred-2' })).map((m) => m.name)).toEqual([
      'gamma',
    ])
  })

  it('removes a model and clears the default slots that used it', async () => {
    const world = await setup()
    const { created } = await world.models.register('cred-1', [
      { name: 'gpt-4o', type: 'language' },
      { name: 'text-embedding-3-small', type: 'embedding' },
    ])
    const [chat, emb] = created as [(typeof created)[0], (typeof created)[0]]
    await world.defaults.set('chat', chat.id)
    await world.defaults.set('tools', chat.id)
    await world.defaults.set('embedding', emb.id)
    const res = await world.models.unregister(chat.id)
    expect(res).toEqual({ removed: chat, clearedSlots: ['chat', 'tools'] })
    expect(await world.defaults.getJson()).toMatchObject({
      chat: null,
      tools: null,
      embedding: emb.id,
    })
    // Emptied because the model went away, not by the user: auto-assign may refill chat later.
    expect((await world.defaults.get()).slots.chat.cleared).toBe(false)
    expect(await world.models.list()).toEqual([emb])
    await expect(world.models.unregister(chat.id)).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('models.modelTest', () => {
  it('runs the test for each type and reports what the model produced', async () => {
    const world = await setup()
    const { created } = await world.models.register('cred-1', [
      { name: 'gpt-4o', type: 'language' },
      { name: 'text-embedding-3-small', type: 'embedding' },
      { name: 'tts-1', type: 'text_to_speech' },
      { name: 'whisper-1', type: 'speech_to_text' },
    ])
    const results = []
    for (const m of created) results.push(await world.models.modelTest(m.id))
    expect(results.map((r) => [r.type, r.ok, r.code, r.result])).toEqual([
      ['language', true, 'ok', { reply: 'Hello!' }],
      ['embedding', true, 'ok', { dimensions: EMBEDDING_DIMS }],
      ['text_to_speech', true, 'ok', { bytes: 1024 }],
      ['speech_to_text', true, 'ok', { transcript: TRANSCRIPT }],
    ])
    for (const r of results) {
      expect(r).toMatchObject({ provider: 'openai_compatible', latencyMs: expect.any(Number) })
      expect(r.message.length).toBeGreaterThan(0)
    }
    // The bundled clip went out as the multipart `file`.
    const stt = server!.requests.find((r) => r.path === '/v1/audio/transcriptions')!
    const clip = await readFile(path.join(process.cwd(), 'assets/audio/stt-test.wav'))
    expect(stt.body.includes(clip)).toBe(true)
  })

  it('reports a failing key as a failed outcome without the key', async () => {
    const world = await setup()
    world.keys.set('cred-1', 'zz-WRONGKEY-9876543210fedcba')
    const { created } = await world.models.register('cred-1', [
      { name: 'gpt-4o', type: 'language' },
    ])
    const r = await world.models.modelTest(created[0]!.id)
    expect(r).toMatchObject({ ok: false, code: 'auth_invalid', modelId: created[0]!.id })
    expect(JSON.stringify(r)).not.toContain('WRONGKEY')
  })

  it('reports an undecryptable credential as decryption_error and throws for an unknown model', async () => {
    const world = await setup()
    const { created } = await world.models.register('cred-1', [
      { name: 'gpt-4o', type: 'language' },
    ])
    world.undecryptable.add('cred-1')
    expect(await world.models.modelTest(created[0]!.id)).toMatchObject({
      ok: false,
      code: 'decryption_error',
    })
    await expect(world.models.modelTest('model-404')).rejects.toMatchObject({ code: 'not_found' })
    expect(server!.requests).toHaveLength(0)
  })
})
