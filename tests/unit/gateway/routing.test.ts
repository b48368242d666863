/**
 * The model names the gateway accepts (src-main/gateway/routing.ts, DESIGN §14): bare names,
 * `provider/name` on a clash, `default:<slot>` aliases with the chat fallback, the credentials
 * that hold a model (primary first), and token allowlists resolved like requests.
 */
import { describe, expect, it } from 'vitest'
import { allowed, publicNames, resolveModel } from '../../../src-main/gateway/routing'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { emptyStoreData } from '../../../src-main/store/migrations'
import type { StoreData, StoredCredential, StoredModel } from '../../../src-main/store/schema'

function cred(
  id: string,
  provider: StoredCredential['provider'],
  extra: Partial<StoredCredential> = {},
): StoredCredential {
  const at = '2026-01-01T00:00:00.000Z'
  return blankCredential(provider, { id, name: id, createdAt: at, updatedAt: at, ...extra })
}

let n = 0
function model(
  credentialId: string,
  provider: StoredModel['provider'],
  name: string,
  type: StoredModel['type'] = 'language',
): StoredModel {
  return {
    id: `m${++n}`,
    name,
    provider,
    type,
    credentialId,
    createdAt: '2026-01-01T00:00:00.000Z',
  }
}

/**
 * Two OpenAI keys (the second primary, the first older), one OpenRouter key, one Mistral key:
 * `gpt-4o` on OpenAI twice, OpenRouter's `openai/gpt-4o` (a name with a slash),
 * `mistral-small` on both Mistral and OpenRouter, an embedding and a language model sharing a name.
 */
function world(): StoreData {
  const data = emptyStoreData()
  data.credentials = [
    cred('oa-old', 'openai', { createdAt: '2025-01-01T00:00:00.000Z' }),
    cred('oa-new', 'openai', { createdAt: '2025-06-01T00:00:00.000Z' }),
    cred('oa-primary', 'openai', { isPrimary: true, createdAt: '2026-01-01T00:00:00.000Z' }),
    cred('or', 'openrouter'),
    cred('mi', 'mistral'),
  ]
  data.models = [
    model('oa-new', 'openai', 'gpt-4o'),
    model('oa-old', 'openai', 'GPT-4o'),
    model('oa-primary', 'openai', 'gpt-4o'),
    model('gone', 'openai', 'gpt-4o'), // its credential was deleted
    model('or', 'openrouter', 'openai/gpt-4o'),
    model('or', 'openrouter', 'mistral-small'),
    model('mi', 'mistral', 'mistral-small'),
    model('mi', 'mistral', 'mistral-embed', 'embedding'),
    model('mi', 'mistral', 'mistral-embed', 'language'),
  ]
  return data
}

const resolved = (data: StoreData, asked: string, want?: StoredModel['type']) => {
  const r = resolveModel(data, asked, want)
  if (!r.ok) throw new Error(`${asked}: ${r.reason}`)
  return r.model
}

describe('resolveModel', () => {
  it('finds a bare name in any case, every credential holding it, primary then oldest', () => {
    const m = resolved(world(), '  GPT-4O ')
    expect(m).toMatchObject({ canonical: 'openai/gpt-4o', provider: 'openai', name: 'gpt-4o' })
    expect(m.credentialIds).toEqual(['oa-primary', 'oa-old', 'oa-new'])
  })

  it('takes an exact name with a slash before reading it as provider/name', () => {
    expect(resolved(world(), 'openai/gpt-4o').canonical).toBe('openrouter/openai/gpt-4o')
  })

  it('lists the providers of a name two of them serve, and takes provider/name', () => {
    expect(resolveModel(world(), 'mistral-small')).toEqual({
      ok: false,
      reason: 'ambiguous',
      choices: ['openrouter/mistral-small', 'mistral/mistral-small'],
    })
    expect(resolved(world(), 'Mistral/MISTRAL-SMALL')).toMatchObject({
      canonical: 'mistral/mistral-small',
      credentialIds: ['mi'],
    })
  })

  it('narrows a shared name to the type the route wants, else takes what there is', () => {
    expect(resolved(world(), 'mistral-embed', 'embedding').type).toBe('embedding')
    expect(resolved(world(), 'mistral-embed', 'language').type).toBe('language')
    expect(resolved(world(), 'gpt-4o', 'embedding').type).toBe('language')
  })

  it('resolves default:<slot>, an optional language slot falling back to chat', () => {
    const data = world()
    const chat = data.models.find((m) => m.provider === 'mistral' && m.type === 'language')!
    const embed = data.models.find((m) => m.type === 'embedding')!
    data.defaults.slots.chat = chat.id
    data.defaults.slots.embedding = embed.id
    expect(resolved(data, 'default:chat').canonical).toBe('mistral/mistral-small')
    expect(resolved(data, 'default:embedding').type).toBe('embedding')
    expect(resolved(data, 'default:largeContext').canonical).toBe('mistral/mistral-small')
    expect(resolved(data, 'default:LARGECONTEXT').canonical).toBe('mistral/mistral-small')
    // A required slot does not fall back: it is unset (the answer says how to set it). An
    // unknown slot is no model at all; a stale id is an unset slot too.
    expect(resolveModel(data, 'default:textToSpeech')).toEqual({
      ok: false,
      reason: 'slot_unset',
      slot: 'textToSpeech',
    })
    expect(resolveModel(data, 'default:nope')).toEqual({ ok: false, reason: 'not_found' })
    data.defaults.slots.chat = 'deleted-model'
    expect(resolveModel(data, 'default:tools')).toEqual({
      ok: false,
      reason: 'slot_unset',
      slot: 'tools',
    })
  })

  it.each(['', '   ', 'gpt-5', 'openai/', '/gpt-4o', 'anthropic/gpt-4o', 'default:'])(
    '%j is not found',
    (asked) => {
      expect(resolveModel(world(), asked)).toEqual({ ok: false, reason: 'not_found' })
    },
  )
})

describe('publicNames', () => {
  it('lists a name once per provider and type, provider/name only where names clash', () => {
    const ids = publicNames(world()).map((p) => `${p.id}|${p.model.type}`)
    expect(ids.sort()).toEqual(
      [
        'gpt-4o|language',
        'openai/gpt-4o|language',
        'openrouter/mistral-small|language',
        'mistral/mistral-small|language',
        'mistral-embed|embedding',
        'mistral-embed|language',
      ].sort(),
    )
  })

  it('is empty for an empty store', () => {
    expect(publicNames(emptyStoreData())).toEqual([])
  })
})

describe('allowed', () => {
  const data = world()
  const gpt = resolved(data, 'gpt-4o')

  it('lets everything through without an allowlist', () => {
    expect(allowed(data, null, 'gpt-4o', gpt)).toBe(true)
  })

  it('allows an entry that names the same model in another spelling', () => {
    expect(allowed(data, [' GPT-4o '], 'gpt-4o', gpt)).toBe(true)
    expect(allowed(data, ['openai/gpt-4o'], 'gpt-4o', resolved(data, 'openai/gpt-4o'))).toBe(true)
    const mistral = resolved(data, 'mistral/mistral-small')
    expect(allowed(data, ['mistral/mistral-small'], 'mistral/mistral-small', mistral)).toBe(true)
  })

  it('follows an alias entry to the model it points at now', () => {
    const d = world()
    d.defaults.slots.chat = d.models.find((m) => m.name === 'gpt-4o')!.id
    expect(allowed(d, ['default:chat'], 'gpt-4o', gpt)).toBe(true)
    d.defaults.slots.chat = d.models.find((m) => m.provider === 'mistral')!.id
    expect(allowed(d, ['default:chat'], 'gpt-4o', gpt)).toBe(false)
  })

  it('allows nothing through an ambiguous bare entry or another model', () => {
    const mistral = resolved(data, 'mistral/mistral-small')
    expect(allowed(data, ['mistral-small'], 'mistral/mistral-small', mistral)).toBe(false)
    expect(allowed(data, ['gpt-4o'], 'mistral/mistral-small', mistral)).toBe(false)
    expect(allowed(data, [], 'gpt-4o', gpt)).toBe(false)
  })
})
