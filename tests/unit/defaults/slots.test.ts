import { describe, expect, it } from 'vitest'
import { defaultSlots } from '../../../src-preload/contract/defaults'
import {
  clearSlotsForModels,
  computeDefaultsView,
  defaultsJson,
  SLOT_SPECS,
} from '../../../src-main/services/default-slots'
import { cred, data, model } from './build'

const NONE = new Set<string>()

function world() {
  const openai = cred('c-openai', 'openai')
  const ollama = cred('c-ollama', 'ollama')
  const d = data(
    [openai, ollama],
    [
      model('m-gpt', openai, 'gpt-4o', 'language'),
      model('m-emb', openai, 'text-embedding-3-small', 'embedding'),
      model('m-llama', ollama, 'llama3.1:8b', 'language'),
      model('m-nomic', ollama, 'nomic-embed-text', 'embedding'),
    ],
  )
  return d
}

describe('slot table', () => {
  it('has the 7 slots of DESIGN §3, in display order, in one list', () => {
    expect(defaultSlots.join(' ')).toBe(
      'chat embedding textToSpeech speechToText transformation tools largeContext',
    )
    expect(defaultSlots.filter((s) => SLOT_SPECS[s].required)).toEqual(['chat', 'embedding'])
    expect(defaultSlots.filter((s) => SLOT_SPECS[s].fallsBackToChat)).toEqual([
      'transformation',
      'tools',
      'largeContext',
    ])
  })
})

describe('stale-slot detection', () => {
  it('reports a healthy slot without a problem', () => {
    const d = world()
    d.defaults.slots.chat = 'm-gpt'
    d.lastTests['c-openai'] = {
      code: 'ok_rate_limited',
      message: '429',
      at: '2025-01-01T00:00:00Z',
      latencyMs: 3,
    }
    expect(computeDefaultsView(d, NONE).slots.chat).toEqual({
      slot: 'chat',
      type: 'language',
      required: true,
      modelId: 'm-gpt',
      effectiveModelId: 'm-gpt',
      fallback: false,
      cleared: false,
      problem: null,
    })
  })

  it('flags a model that no longer exists, and a model whose credential is gone', () => {
    const d = world()
    d.defaults.slots.chat = 'm-gone'
    d.defaults.slots.embedding = 'm-emb'
    d.credentials = d.credentials.filter((c) => c.id !== 'c-openai')
    const v = computeDefaultsView(d, NONE)
    expect(v.slots.chat.problem).toBe('missing_model')
    expect(v.slots.embedding.problem).toBe('missing_model')
    expect(v.missingRequired).toEqual(['chat', 'embedding'])
  })

  it('flags a credential that cannot be decrypted (service status or stored test code)', () => {
    const d = world()
    d.defaults.slots.chat = 'm-gpt'
    d.defaults.slots.embedding = 'm-nomic'
    expect(computeDefaultsView(d, new Set(['c-openai'])).slots.chat.problem).toBe(
      'credential_undecryptable',
    )
    expect(computeDefaultsView(d, new Set(['c-openai'])).slots.embedding.problem).toBeNull()
    d.lastTests['c-ollama'] = {
      code: 'decryption_error',
      message: 'x',
      at: '2025-01-01T00:00:00Z',
      latencyMs: 0,
    }
    // The pure view gets the set from the service; a stored decryption_error code is merged there.
    expect(computeDefaultsView(d, new Set(['c-ollama'])).slots.embedding.problem).toBe(
      'credential_undecryptable',
    )
  })

  it('flags a credential whose last test failed, and not one whose last test passed', () => {
    const d = world()
    d.defaults.slots.chat = 'm-gpt'
    d.defaults.slots.embedding = 'm-nomic'
    d.lastTests['c-openai'] = {
      code: 'auth_invalid',
      message: 'bad',
      at: '2025-01-01T00:00:00Z',
      latencyMs: 9,
    }
    d.lastTests['c-ollama'] = {
      code: 'ok',
      message: 'fine',
      at: '2025-01-01T00:00:00Z',
      latencyMs: 9,
    }
    const v = computeDefaultsView(d, NONE)
    expect(v.slots.chat.problem).toBe('credential_failing')
    expect(v.slots.embedding.problem).toBeNull()
    // A failing credential is a problem to show, not a missing slot.
    expect(v.missingRequired).toEqual([])
  })

  it('flags a model of the wrong type for its slot', () => {
    const d = world()
    d.defaults.slots.embedding = 'm-gpt'
    expect(computeDefaultsView(d, NONE).slots.embedding.problem).toBe('type_mismatch')
  })

  it('shows empty advanced slots falling back to chat, with chat’s problem', () => {
    const d = world()
    d.defaults.slots.chat = 'm-gpt'
    d.defaults.slots.tools = 'm-llama'
    d.lastTests['c-openai'] = {
      code: 'timeout',
      message: 'slow',
      at: '2025-01-01T00:00:00Z',
      latencyMs: 10_000,
    }
    const v = computeDefaultsView(d, NONE)
    expect(v.slots.transformation).toMatchObject({
      modelId: null,
      effectiveModelId: 'm-gpt',
      fallback: true,
      problem: 'credential_failing',
    })
    expect(v.slots.tools).toMatchObject({
      modelId: 'm-llama',
      effectiveModelId: 'm-llama',
      fallback: false,
      problem: null,
    })
    // Audio slots do not fall back.
    expect(v.slots.textToSpeech).toMatchObject({
      modelId: null,
      effectiveModelId: null,
      fallback: false,
      problem: null,
    })
  })

  it('marks cleared slots and lists empty required ones', () => {
    const d = world()
    d.defaults.cleared = ['chat', 'speechToText']
    const v = computeDefaultsView(d, NONE)
    expect(v.slots.chat.cleared).toBe(true)
    expect(v.slots.speechToText.cleared).toBe(true)
    expect(v.slots.embedding.cleared).toBe(false)
    expect(v.missingRequired).toEqual(['chat', 'embedding'])
  })
})

describe('defaults JSON and clearing', () => {
  it('prints exactly the 7 slot keys of DESIGN §9 with ids or null', () => {
    const d = world()
    d.defaults.slots.chat = 'm-gpt'
    expect(defaultsJson(d)).toEqual({
      chat: 'm-gpt',
      embedding: null,
      textToSpeech: null,
      speechToText: null,
      transformation: null,
      tools: null,
      largeContext: null,
    })
  })

  it('empties every slot using a removed model without marking it user-cleared', () => {
    const d = world()
    d.defaults.slots.chat = 'm-gpt'
    d.defaults.slots.tools = 'm-gpt'
    d.defaults.slots.embedding = 'm-emb'
    expect(clearSlotsForModels(d, ['m-gpt'])).toEqual(['chat', 'tools'])
    expect(defaultsJson(d)).toMatchObject({ chat: null, tools: null, embedding: 'm-emb' })
    expect(d.defaults.cleared).toEqual([])
  })
})
