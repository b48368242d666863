/**
 * src-renderer/features/local/recommended-groups: the offline setup lists, per model type, the
 * models that fit (the suggested one first, then small → large) and those that do not.
 */
import { describe, expect, it } from 'vitest'
import type { RecommendedModel } from '../../../../../src-preload/contract'
import {
  byTier,
  groupRecommended,
} from '../../../../../src-renderer/features/local/recommended-groups'

const model = (name: string, over: Partial<RecommendedModel> = {}): RecommendedModel => ({
  name,
  displayName: name,
  type: 'language',
  tier: 'small',
  downloadBytes: 1,
  memoryBytes: 1,
  description: '',
  fits: true,
  tooBigFor: [],
  suggested: false,
  installed: false,
  ...over,
})

describe('recommended groups', () => {
  it('orders the suggested model first, then by tier, keeping the bundled order within one', () => {
    const list = [
      model('large', { tier: 'large' }),
      model('small-a'),
      model('medium', { tier: 'medium', suggested: true }),
      model('small-b'),
    ]
    expect([...list].sort(byTier).map((m) => m.name)).toEqual([
      'medium',
      'small-a',
      'small-b',
      'large',
    ])
  })

  it('groups language before embedding, splitting what fits from what does not', () => {
    const groups = groupRecommended([
      model('embed', { type: 'embedding' }),
      model('too-big', { tier: 'large', fits: false, tooBigFor: ['ram'] }),
      model('chat', { tier: 'medium' }),
      model('chat-small'),
    ])
    expect(
      groups.map((g) => ({
        type: g.type,
        fitting: g.fitting.map((m) => m.name),
        unsuitable: g.unsuitable.map((m) => m.name),
      })),
    ).toEqual([
      { type: 'language', fitting: ['chat-small', 'chat'], unsuitable: ['too-big'] },
      { type: 'embedding', fitting: ['embed'], unsuitable: [] },
    ])
  })

  it('leaves out a type with no model, and other types entirely', () => {
    expect(groupRecommended([model('tts', { type: 'text_to_speech' })])).toEqual([])
    expect(groupRecommended([model('e', { type: 'embedding', fits: false })])).toEqual([
      {
        type: 'embedding',
        fitting: [],
        unsuitable: [model('e', { type: 'embedding', fits: false })],
      },
    ])
  })
})
