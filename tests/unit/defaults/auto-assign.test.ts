import { describe, expect, it } from 'vitest'
import {
  autoAssignInto,
  isLocalCredential,
  rankModels,
} from '../../../src-main/services/auto-assign'
import { cred, data, model } from './build'

const NONE = new Set<string>()

describe('auto-assign', () => {
  it('reports both required slots missing on an empty store and assigns nothing', () => {
    const d = data()
    expect(autoAssignInto(d, NONE)).toEqual({
      assigned: [],
      skipped: [],
      missing: ['chat', 'embedding'],
    })
    expect(d.defaults.slots.chat).toBeNull()
  })

  it('cloud only: picks each provider preference, not the first registered model', () => {
    const openai = cred('c-openai', 'openai')
    const d = data(
      [openai],
      [
        model('m-4o', openai, 'gpt-4o', 'language'),
        model('m-41mini', openai, 'gpt-4.1-mini', 'language'),
        model('m-emb-large', openai, 'text-embedding-3-large', 'embedding'),
        model('m-emb-small', openai, 'text-embedding-3-small', 'embedding'),
        model('m-tts', openai, 'tts-1', 'text_to_speech'),
      ],
    )
    const r = autoAssignInto(d, NONE)
    expect(r.assigned).toEqual([
      { slot: 'chat', modelId: 'm-41mini' },
      { slot: 'embedding', modelId: 'm-emb-small' },
    ])
    expect(r.missing).toEqual([])
    // Optional slots are never filled by auto-assign, even when a model of their type exists.
    expect(d.defaults.slots.textToSpeech).toBeNull()
    expect(d.defaults.slots.transformation).toBeNull()
  })

  it('local only: fills both slots from Ollama models', () => {
    const ollama = cred('c-ollama', 'ollama', { baseUrl: 'http://127.0.0.1:11434' })
    const d = data(
      [ollama],
      [
        model('m-phi', ollama, 'phi3:mini', 'language'),
        model('m-llama', ollama, 'llama3.1:8b', 'language'),
        model('m-nomic', ollama, 'nomic-embed-text:latest', 'embedding'),
      ],
    )
    const r = autoAssignInto(d, NONE)
    expect(r.assigned).toEqual([
      { slot: 'chat', modelId: 'm-llama' },
      { slot: 'embedding', modelId: 'm-nomic' },
    ])
    expect(d.defaults.slots).toMatchObject({ chat: 'm-llama', embedding: 'm-nomic' })
  })

  it('prefers a local model over a remote OpenAI-compatible one when no cloud credential exists', () => {
    const remote = cred('c-remote', 'openai_compatible', { baseUrl: 'https://api.together.xyz/v1' })
    const local = cred('c-local', 'openai_compatible', { baseUrl: 'http://localhost:1234/v1' })
    const d = data(
      [remote, local],
      [
        model('m-remote', remote, 'meta-llama/Llama-3.3-70B-Instruct-Turbo', 'language'),
        model('m-local', local, 'qwen2.5-7b-instruct', 'language'),
      ],
    )
    expect(autoAssignInto(d, NONE).assigned).toEqual([{ slot: 'chat', modelId: 'm-local' }])
  })

  it('prefers the cloud provider when a cloud credential exists, and falls through for types it lacks', () => {
    const ollama = cred('c-ollama', 'ollama')
    const anthropic = cred('c-anthropic', 'anthropic')
    const d = data(
      [ollama, anthropic],
      [
        model('m-llama', ollama, 'llama3.1:8b', 'language'),
        model('m-nomic', ollama, 'nomic-embed-text', 'embedding'),
        model('m-sonnet', anthropic, 'claude-sonnet-4-20250514', 'language'),
      ],
    )
    expect(autoAssignInto(d, NONE).assigned).toEqual([
      { slot: 'chat', modelId: 'm-sonnet' },
      { slot: 'embedding', modelId: 'm-nomic' },
    ])
  })

  it('follows the provider preference order across cloud providers', () => {
    const google = cred('c-google', 'google')
    const mistral = cred('c-mistral', 'mistral')
    const openai = cred('c-openai', 'openai')
    const d = data(
      [google, mistral, openai],
      [
        model('m-mistral', mistral, 'mistral-large-latest', 'language'),
        model('m-gemini', google, 'gemini-2.5-flash', 'language'),
        model('m-gpt', openai, 'gpt-4o', 'language'),
        model('m-membed', mistral, 'mistral-embed', 'embedding'),
        model('m-gembed', google, 'gemini-embedding-001', 'embedding'),
      ],
    )
    expect(autoAssignInto(d, NONE).assigned).toEqual([
      { slot: 'chat', modelId: 'm-gpt' },
      { slot: 'embedding', modelId: 'm-gembed' },
    ])
  })

  it('keeps a cleared optional slot cleared and never touches optional slots', () => {
    const openai = cred('c-openai', 'openai')
    const d = data([openai], [model('m-tts', openai, 'tts-1', 'text_to_speech')])
    d.defaults.cleared = ['textToSpeech']
    const r = autoAssignInto(d, NONE)
    expect(d.defaults.slots.textToSpeech).toBeNull()
    expect(d.defaults.cleared).toEqual(['textToSpeech'])
    expect(r.assigned).toEqual([])
  })

  it('keeps a cleared required slot cleared and says why', () => {
    const openai = cred('c-openai', 'openai')
    const d = data(
      [openai],
      [
        model('m-gpt', openai, 'gpt-4o', 'language'),
        model('m-emb', openai, 'text-embedding-3-small', 'embedding'),
      ],
    )
    d.defaults.cleared = ['chat']
    const r = autoAssignInto(d, NONE)
    expect(r.skipped).toEqual([{ slot: 'chat', reason: 'cleared' }])
    expect(r.assigned).toEqual([{ slot: 'embedding', modelId: 'm-emb' }])
    expect(d.defaults.slots.chat).toBeNull()
  })

  it('leaves a set slot alone (even when its credential fails) and refills one whose model is gone', () => {
    const openai = cred('c-openai', 'openai')
    const d = data(
      [openai],
      [
        model('m-gpt', openai, 'gpt-4o', 'language'),
        model('m-emb', openai, 'text-embedding-3-small', 'embedding'),
      ],
    )
    d.defaults.slots.chat = 'm-gpt'
    d.defaults.slots.embedding = 'm-deleted'
    d.lastTests['c-openai'] = {
      code: 'auth_invalid',
      message: 'bad key',
      at: '2025-01-01T00:00:00Z',
      latencyMs: 5,
    }
    const r = autoAssignInto(d, NONE)
    expect(r.skipped).toEqual([
      { slot: 'chat', reason: 'already_set' },
      { slot: 'embedding', reason: 'no_healthy_model' },
    ])
    // The dangling id stays until a healthy model exists; get() flags it as missing_model.
    expect(d.defaults.slots.chat).toBe('m-gpt')
    delete d.lastTests['c-openai']
    expect(autoAssignInto(d, NONE).assigned).toEqual([{ slot: 'embedding', modelId: 'm-emb' }])
  })

  it('skips models of failing or undecryptable credentials when a healthy one exists', () => {
    const broken = cred('c-broken', 'openai')
    const failing = cred('c-failing', 'anthropic')
    const fine = cred('c-fine', 'google')
    const d = data(
      [broken, failing, fine],
      [
        model('m-gpt', broken, 'gpt-4o', 'language'),
        model('m-claude', failing, 'claude-sonnet-4', 'language'),
        model('m-gemini', fine, 'gemini-2.5-flash', 'language'),
      ],
    )
    d.lastTests['c-failing'] = {
      code: 'network',
      message: 'refused',
      at: '2025-01-01T00:00:00Z',
      latencyMs: 1,
    }
    expect(autoAssignInto(d, new Set(['c-broken'])).assigned).toEqual([
      { slot: 'chat', modelId: 'm-gemini' },
    ])
  })

  it('within a provider prefers the primary credential for equally preferred models', () => {
    const second = cred('c-2', 'openai', { isPrimary: false })
    const primary = cred('c-1', 'openai', { isPrimary: true })
    const models = [
      model('m-a', second, 'gpt-4o', 'language'),
      model('m-b', primary, 'gpt-4o', 'language'),
    ]
    expect(rankModels(models, [second, primary], 'language').map((m) => m.id)).toEqual([
      'm-b',
      'm-a',
    ])
  })

  it('prefers an exact preferred name over a longer one containing it', () => {
    const openai = cred('c-openai', 'openai')
    const models = [
      model('m-audio', openai, 'gpt-4o-mini-audio-preview', 'language'),
      model('m-mini', openai, 'gpt-4o-mini', 'language'),
    ]
    expect(rankModels(models, [openai], 'language')[0]?.id).toBe('m-mini')
  })
})

describe('local credentials', () => {
  it.each([
    ['ollama', 'http://10.0.0.5:11434', true],
    ['lmstudio', null, true],
    ['openai_compatible', 'http://127.0.0.1:8080/v1', true],
    ['openai_compatible', 'http://[::1]:8000/v1', true],
    ['openai_compatible', 'http://gpu-box.lan:8000/v1', true],
    ['openai_compatible', 'http://192.168.1.20:8000/v1', true],
    ['openai_compatible', 'https://api.together.xyz/v1', false],
    ['openai_compatible', null, false],
    ['openai', 'http://127.0.0.1:9999/v1', false],
  ] as const)('%s at %s is local: %s', (provider, baseUrl, local) => {
    expect(isLocalCredential({ provider, baseUrl })).toBe(local)
  })
})
