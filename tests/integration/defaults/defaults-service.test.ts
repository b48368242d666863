import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { STORE_FILE } from '../../../src-main/store/file-store'
import { fakeEntry, openAiShapedAdapter } from '../models/openai-shaped'
import { closeWorlds, createWorld } from '../models/world'

afterEach(closeWorlds)

async function setup() {
  const world = createWorld({ adapter: openAiShapedAdapter(), entry: fakeEntry({ id: 'openai' }) })
  await world.addCredential('c-openai', 'openai', null, 'zz-KEY-0123456789')
  const { created } = await world.models.register('c-openai', [
    { name: 'gpt-4o', type: 'language' },
    { name: 'gpt-4.1-mini', type: 'language' },
    { name: 'text-embedding-3-small', type: 'embedding' },
    { name: 'text-embedding-3-large', type: 'embedding' },
    { name: 'tts-1', type: 'text_to_speech' },
  ])
  const id = (name: string) => created.find((m) => m.name === name)!.id
  return { world, id }
}

describe('defaults service over the file store', () => {
  it('starts empty with both required slots missing', async () => {
    const { world } = await setup()
    const v = await world.defaults.get()
    expect(v.missingRequired).toEqual(['chat', 'embedding'])
    expect(Object.keys(v.slots)).toEqual([
      'chat',
      'embedding',
      'textToSpeech',
      'speechToText',
      'transformation',
      'tools',
      'largeContext',
    ])
  })

  it('auto-assigns, persists, and then reports the slots as already set', async () => {
    const { world, id } = await setup()
    const r = await world.defaults.autoAssign()
    expect(r).toEqual({
      assigned: [
        { slot: 'chat', modelId: id('gpt-4.1-mini') },
        { slot: 'embedding', modelId: id('text-embedding-3-small') },
      ],
      skipped: [],
      missing: [],
    })
    const onDisk = JSON.parse(await readFile(path.join(world.home, STORE_FILE), 'utf8'))
    expect(onDisk.defaults.slots).toMatchObject({ chat: id('gpt-4.1-mini'), textToSpeech: null })
    expect((await world.defaults.autoAssign()).skipped).toEqual([
      { slot: 'chat', reason: 'already_set' },
      { slot: 'embedding', reason: 'already_set' },
    ])
  })

  it('sets a slot, warns when the embedding model changes, and clears on purpose', async () => {
    const { world, id } = await setup()
    const first = await world.defaults.set('embedding', id('text-embedding-3-small'))
    expect(first).toMatchObject({ previousModelId: null, embeddingChanged: false })
    const same = await world.defaults.set('embedding', id('text-embedding-3-small'))
    expect(same.embeddingChanged).toBe(false)
    const changed = await world.defaults.set('embedding', id('text-embedding-3-large'))
    expect(changed).toMatchObject({
      slot: 'embedding',
      modelId: id('text-embedding-3-large'),
      previousModelId: id('text-embedding-3-small'),
      embeddingChanged: true,
    })
    expect(changed.defaults.slots.embedding.modelId).toBe(id('text-embedding-3-large'))

    await world.defaults.set('textToSpeech', id('tts-1'))
    const cleared = await world.defaults.set('textToSpeech', null)
    expect(cleared.defaults.slots.textToSpeech).toMatchObject({ modelId: null, cleared: true })
    // Choosing a model again forgets the "cleared on purpose" mark.
    const again = await world.defaults.set('textToSpeech', id('tts-1'))
    expect(again.defaults.slots.textToSpeech.cleared).toBe(false)
  })

  it('keeps user-cleared slots through auto-assign', async () => {
    const { world, id } = await setup()
    await world.defaults.set('chat', null)
    await world.defaults.set('textToSpeech', null)
    const r = await world.defaults.autoAssign()
    expect(r.skipped).toEqual([{ slot: 'chat', reason: 'cleared' }])
    expect(r.assigned).toEqual([{ slot: 'embedding', modelId: id('text-embedding-3-small') }])
    expect(await world.defaults.getJson()).toMatchObject({ chat: null, textToSpeech: null })
  })

  it('rejects a wrong type, an unknown model or an unknown slot and changes nothing', async () => {
    const { world, id } = await setup()
    await world.defaults.set('chat', id('gpt-4o'))
    const before = await readFile(path.join(world.home, STORE_FILE), 'utf8')
    await expect(world.defaults.set('chat', id('text-embedding-3-small'))).rejects.toMatchObject({
      code: 'validation',
      params: { slot: 'chat', expected: 'language', actual: 'embedding' },
    })
    await expect(world.defaults.set('speechToText', id('tts-1'))).rejects.toMatchObject({
      code: 'validation',
    })
    await expect(world.defaults.set('chat', 'model-404')).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(world.defaults.set('vision' as never, id('gpt-4o'))).rejects.toMatchObject({
      code: 'validation',
    })
    expect(await readFile(path.join(world.home, STORE_FILE), 'utf8')).toBe(before)
  })

  it('flags slots whose credential cannot be decrypted or last failed its test', async () => {
    const { world, id } = await setup()
    await world.defaults.set('chat', id('gpt-4o'))
    world.undecryptable.add('c-openai')
    expect((await world.defaults.get()).slots.chat.problem).toBe('credential_undecryptable')
    world.undecryptable.clear()
    await world.store.update((d) => {
      d.lastTests['c-openai'] = {
        code: 'auth_forbidden',
        message: '403',
        at: new Date().toISOString(),
        latencyMs: 4,
      }
    })
    const v = await world.defaults.get()
    expect(v.slots.chat.problem).toBe('credential_failing')
    expect(v.slots.largeContext).toMatchObject({
      fallback: true,
      effectiveModelId: id('gpt-4o'),
      problem: 'credential_failing',
    })
  })
})
