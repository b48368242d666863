/**
 * Recommended models (issue 16) end to end over a real fake server: discovery through the real
 * OpenAI / Anthropic adapters marks the guide's recommended models (so the dialog pre-selects
 * them), and auto-assign of the defaults prefers them over the older name-fragment table, which
 * alone would pick `gpt-5-mini` (first in model-preferences.ts) and `claude-opus-4-1`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { getAdapter } from '../../../src-main/providers/adapters'
import { getProvider } from '../../../src-main/providers/catalog'
import { startAnthropicServer } from '../../fixtures/anthropic-server'
import { startOpenAiServer } from '../../fixtures/openai-server'
import type { FakeServer } from '../../fixtures/recording-server'
import { closeWorlds, createWorld } from './world'

const KEY = 'zz-OPENAIKEY-0123456789'

let server: FakeServer | null = null
afterEach(async () => {
  await closeWorlds()
  await server?.close()
  server = null
})

// Ids as OpenAI's GET /v1/models lists them (platform.openai.com/docs/api-reference/models/list).
const MODELS = [
  'gpt-5-mini',
  'gpt-4o',
  'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-mini',
  'gpt-4.1',
  'text-embedding-3-large',
  'text-embedding-3-small',
  'gpt-4o-mini-tts',
  'whisper-1',
].map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' }))

async function openaiWorld() {
  server = await startOpenAiServer({ key: KEY, models: MODELS })
  const entry = getProvider('openai')
  const world = createWorld({ adapter: getAdapter(entry), entry })
  await world.addCredential('cred-o', 'openai', server.url, KEY)
  return world
}

describe('recommended models over a fake OpenAI', () => {
  it('discovery marks the recommended models with the slots they are recommended for', async () => {
    const world = await openaiWorld()
    const res = await world.models.discover('cred-o')
    expect(res.error).toBeNull()
    const marks = Object.fromEntries(res.models.map((m) => [m.name, m.recommended ?? []]))
    expect(marks).toEqual({
      'gpt-5-mini': [],
      'gpt-4o': [],
      'gpt-4.1-mini-2025-04-14': [],
      'gpt-4.1-mini': ['chat', 'transformation', 'tools'],
      'gpt-4.1': ['largeContext'],
      'text-embedding-3-large': [],
      'text-embedding-3-small': ['embedding'],
      'gpt-4o-mini-tts': ['textToSpeech'],
      'whisper-1': ['speechToText'],
    })
  })

  it('auto-assign prefers the recommended chat and embedding models', async () => {
    const world = await openaiWorld()
    const res = await world.models.discover('cred-o')
    const { created } = await world.models.register(
      'cred-o',
      res.models.map((m) => ({ name: m.name, type: m.type })),
    )
    const id = (name: string) => created.find((m) => m.name === name)!.id
    const r = await world.defaults.autoAssign()
    expect(r.assigned).toEqual([
      { slot: 'chat', modelId: id('gpt-4.1-mini') },
      { slot: 'embedding', modelId: id('text-embedding-3-small') },
    ])
  })
})

describe('recommended models over a fake Anthropic', () => {
  it('a dated snapshot of a recommended model is recommended and chosen', async () => {
    server = await startAnthropicServer({ key: KEY })
    const entry = getProvider('anthropic')
    const world = createWorld({ adapter: getAdapter(entry), entry })
    await world.addCredential('cred-a', 'anthropic', server.url, KEY)
    const res = await world.models.discover('cred-a')
    expect(res.models.find((m) => m.name === 'claude-sonnet-4-20250514')?.recommended).toEqual([
      'chat',
      'tools',
      'largeContext',
    ])
    expect(
      res.models.find((m) => m.name === 'claude-opus-4-1-20250805')?.recommended,
    ).toBeUndefined()
    const { created } = await world.models.register(
      'cred-a',
      res.models.map((m) => ({ name: m.name, type: m.type })),
    )
    const r = await world.defaults.autoAssign()
    const chat = created.find((m) => m.id === r.assigned[0]?.modelId)
    expect(chat?.name).toBe('claude-sonnet-4-20250514')
  })
})
