/**
 * Which default slots a discovered model is the recommended pick for
 * (src-main/services/recommended-models.ts), against the guide's lists read here
 * (providers/guides/recommended.ts): only models of the slot's type count, the earliest listed
 * name wins, the exact name beats a dated snapshot, then the shorter name, then listing order —
 * and each slot gets at most one model.
 */
import { describe, expect, it } from 'vitest'
import { recommendedFor } from '../../../src-main/providers/guides'
import { recommendedPicks } from '../../../src-main/services/recommended-models'

const [FIRST, SECOND] = recommendedFor('openai', 'chat')
const [EMBED] = recommendedFor('openai', 'embedding')

describe('recommendedPicks', () => {
  it("marks the guide's first listed name for each slot of its type", () => {
    const picks = recommendedPicks('openai', [
      { name: SECOND!, type: 'language' },
      { name: FIRST!, type: 'language' },
      { name: EMBED!, type: 'embedding' },
      { name: 'dall-e-3', type: 'language' },
    ])
    expect(picks[0]).toEqual([])
    expect(picks[1]).toContain('chat')
    expect(picks[2]).toEqual(['embedding'])
    expect(picks[3]).toEqual([])
    // Exactly one model per slot.
    const all = picks.flat()
    expect(new Set(all).size).toBe(all.length)
  })

  it('ignores a recommended name listed under another type', () => {
    const picks = recommendedPicks('openai', [
      { name: FIRST!, type: 'embedding' },
      { name: EMBED!, type: 'language' },
    ])
    expect(picks).toEqual([[], []])
  })

  it('prefers the exact name to a dated snapshot, and the first listed among equals', () => {
    const snapshot = recommendedPicks('openai', [
      { name: `${FIRST}-2025-04-14`, type: 'language' },
      { name: FIRST!, type: 'language' },
    ])
    expect(snapshot[0]).not.toContain('chat')
    expect(snapshot[1]).toContain('chat')
    const twins = recommendedPicks('openai', [
      { name: `${FIRST}-2025-04-14`, type: 'language' },
      { name: `${FIRST}-2025-05-14`, type: 'language' },
    ])
    expect(twins[0]).toContain('chat')
    expect(twins[1]).toEqual([])
  })

  it('marks nothing for a provider without a guide list', () => {
    expect(recommendedPicks('no-such-provider', [{ name: FIRST!, type: 'language' }])).toEqual([[]])
  })
})
