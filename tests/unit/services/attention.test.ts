/**
 * "Needs attention" (src-main/services/attention.ts) as a pure function with the dates given:
 * each kind of item, its fix, the order, and the 30-day edge — no clock, no waiting.
 */
import { describe, expect, it } from 'vitest'
import {
  computeAttention,
  daysSince,
  healthOf,
  STALE_TEST_DAYS,
  type AttentionInput,
} from '../../../src-main/services/attention'

const NOW = new Date('2026-03-31T12:00:00Z')
const daysAgo = (n: number, extraMs = 0) =>
  new Date(NOW.getTime() - n * 86_400_000 - extraMs).toISOString()

const emptySlots = {
  chat: null,
  embedding: null,
  textToSpeech: null,
  speechToText: null,
  transformation: null,
  tools: null,
  largeContext: null,
}

function input(over: Partial<AttentionInput> = {}): AttentionInput {
  return {
    credentials: [],
    lastTests: {},
    slots: emptySlots,
    modelIds: new Set(),
    now: NOW,
    ...over,
  }
}

const cred = (id: string, status: 'ok' | 'decryption_error' = 'ok') => ({
  id,
  provider: 'openai',
  name: `Key ${id}`,
  status,
})

describe('needs attention', () => {
  it('is empty for an empty store', () => {
    expect(computeAttention(input())).toEqual([])
  })

  it('flags a default slot that points at a model no longer registered, with "open defaults"', () => {
    const items = computeAttention(
      input({
        slots: { ...emptySlots, chat: 'gone', embedding: 'here' },
        modelIds: new Set(['here']),
      }),
    )
    expect(items).toEqual([
      { kind: 'stale_default', slot: 'chat', modelId: 'gone', fix: 'open_defaults' },
    ])
  })

  it('flags a key whose last test failed, with "retest"', () => {
    const items = computeAttention(
      input({
        credentials: [cred('a')],
        lastTests: { a: { code: 'auth_invalid', at: daysAgo(1) } },
      }),
    )
    expect(items).toEqual([
      {
        kind: 'failing_key',
        credentialId: 'a',
        provider: 'openai',
        name: 'Key a',
        code: 'auth_invalid',
        at: daysAgo(1),
        fix: 'retest',
      },
    ])
  })

  it('treats every ok_* code as passing (rate limited is a working key)', () => {
    for (const code of ['ok', 'ok_rate_limited', 'ok_test_model_unavailable'] as const) {
      const items = computeAttention(
        input({ credentials: [cred('a')], lastTests: { a: { code, at: daysAgo(2) } } }),
      )
      expect(items, code).toEqual([])
    }
  })

  it('flags a key not tested for 30 days, and one never tested, with "retest"', () => {
    const items = computeAttention(
      input({
        credentials: [cred('old'), cred('fresh'), cred('never')],
        lastTests: {
          old: { code: 'ok', at: daysAgo(STALE_TEST_DAYS) },
          fresh: { code: 'ok', at: daysAgo(STALE_TEST_DAYS - 1, 1) },
        },
      }),
    )
    expect(items).toEqual([
      {
        kind: 'untested_key',
        credentialId: 'old',
        provider: 'openai',
        name: 'Key old',
        lastTestAt: daysAgo(STALE_TEST_DAYS),
        days: 30,
        fix: 'retest',
      },
      {
        kind: 'untested_key',
        credentialId: 'never',
        provider: 'openai',
        name: 'Key never',
        lastTestAt: null,
        days: null,
        fix: 'retest',
      },
    ])
  })

  it('flags a key that does not decrypt (its test result does not matter), with "open API keys"', () => {
    const items = computeAttention(
      input({
        credentials: [cred('x', 'decryption_error')],
        lastTests: { x: { code: 'ok', at: daysAgo(1) } },
      }),
    )
    expect(items).toEqual([
      {
        kind: 'undecryptable_key',
        credentialId: 'x',
        provider: 'openai',
        name: 'Key x',
        fix: 'open_api_keys',
      },
    ])
  })

  it('orders stale slots, then broken keys, then old tests', () => {
    const kinds = computeAttention(
      input({
        credentials: [cred('never'), cred('bad')],
        lastTests: { bad: { code: 'network', at: daysAgo(0) } },
        slots: { ...emptySlots, tools: 'gone' },
      }),
    ).map((i) => i.kind)
    expect(kinds).toEqual(['stale_default', 'failing_key', 'untested_key'])
  })

  it('reads a credential’s health the same way', () => {
    expect(healthOf(cred('a'), undefined, NOW)).toBe('untested')
    expect(healthOf(cred('a'), { code: 'timeout', at: daysAgo(0) }, NOW)).toBe('failing')
    expect(healthOf(cred('a'), { code: 'ok', at: daysAgo(45) }, NOW)).toBe('stale')
    expect(healthOf(cred('a'), { code: 'ok', at: daysAgo(3) }, NOW)).toBe('ok')
    expect(healthOf(cred('a', 'decryption_error'), undefined, NOW)).toBe('undecryptable')
    // A test time in the future (clock skew) is 0 days old, not negative; garbage is unknown.
    expect(daysSince(new Date(NOW.getTime() + 3_600_000).toISOString(), NOW)).toBe(0)
    expect(daysSince('not a date', NOW)).toBeNull()
    expect(healthOf(cred('a'), { code: 'ok', at: 'not a date' }, NOW)).toBe('stale')
  })
})
