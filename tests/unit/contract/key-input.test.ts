/**
 * Pasted keys (issue 16): the one trimming rule (whitespace and quotes at the ends, never inside,
 * idempotent, a clean key untouched), the soft shape check per provider with true positives (a
 * real key shape passes) and false positives (another provider's key warns and is named), and
 * the recommended-name match used by discovery and auto-assign. The shapes are
 * src-main/providers/guides/key-shapes (every pattern compiled, and passed or refused by the
 * sample keys below).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../src-main/providers/catalog'
import type { ProviderId } from '../../../src-main/providers/catalog-types'
import { allKeyShapes, KEY_SHAPES } from '../../../src-main/providers/guides'
import { checkField } from '../../../src-preload/contract/credential-fields'
import {
  checkKeyShape,
  keyNotice,
  recommendedRank,
  trimKey,
} from '../../../src-preload/contract/key-input'

// A deterministic pseudo-random body, so sample keys look like keys (mixed characters).
function body(chars: string, n: number, seed = 7): string {
  let x = seed
  let out = ''
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out += chars[x % chars.length]
  }
  return out
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const HEX = '0123456789abcdef'
const URLSAFE = `${ALNUM}_-`

/** One realistic key per provider that has a usual shape (the shapes' sources are in key-shapes.ts). */
const SAMPLES: Partial<Record<ProviderId, string[]>> = {
  openai: [
    `sk-proj-${body(URLSAFE, 74)}T3BlbkFJ${body(URLSAFE, 74, 3)}`,
    `sk-svcacct-${body(URLSAFE, 58)}T3BlbkFJ${body(URLSAFE, 58, 5)}`,
    `sk-${body(ALNUM, 20)}T3BlbkFJ${body(ALNUM, 20, 9)}`,
  ],
  anthropic: [`sk-ant-api03-${body(URLSAFE, 93)}AA`],
  google: [`AIza${body(URLSAFE, 35)}`],
  groq: [`gsk_${body(ALNUM, 52)}`],
  mistral: [body(ALNUM, 32)],
  deepseek: [`sk-${body(HEX, 32)}`],
  xai: [`xai-${body(URLSAFE, 84)}`],
  openrouter: [`sk-or-v1-${body(HEX, 64)}`],
  dashscope: [`sk-${body(ALNUM, 32, 11)}`, `sk-sp-${body(ALNUM, 32, 13)}`],
  minimax: [`sk-api-${body(URLSAFE, 119)}`],
  cohere: [body(ALNUM, 40)],
  elevenlabs: [`sk_${body(HEX, 48)}`],
  deepgram: [body(HEX, 40)],
  azure: [body(HEX, 32), body(ALNUM, 84)],
}

/**
 * Pairs whose shapes really overlap, so a key of the first cannot be told from the second's:
 * DeepSeek's `sk-<32 hex>` and OpenAI's legacy `sk-<48>` are also DashScope's documented `sk-…`,
 * a 40-hex Deepgram key is also 40 letters and digits (Cohere), a 32-hex Azure key is also 32
 * letters and digits (Mistral), and a 32-letter Mistral key may be all hex. The warning stays
 * soft for exactly this reason.
 */
const OVERLAPS = new Set([
  'deepseek>dashscope',
  'openai>dashscope',
  'dashscope>deepseek',
  'deepgram>cohere',
  'azure>mistral',
])

const all = allKeyShapes()
const nameOf = (id: string) => catalog.find((e) => e.id === id)!.displayName

describe('trimKey', () => {
  it.each([
    ['  sk-abc  ', 'sk-abc', true, false],
    ['\tsk-abc\r\n', 'sk-abc', true, false],
    ['"sk-abc"', 'sk-abc', false, true],
    ["'sk-abc'", 'sk-abc', false, true],
    ['`sk-abc`', 'sk-abc', false, true],
    [' "sk-abc" \n', 'sk-abc', true, true],
    ['"\' sk-abc \'"', 'sk-abc', true, true],
    ['\u00a0\ufeffsk-abc', 'sk-abc', true, false],
    ['"sk-abc', 'sk-abc', false, true],
  ])('%j → %j', (raw, value, ws, quotes) => {
    expect(trimKey(raw)).toEqual({ value, removedWhitespace: ws, removedQuotes: quotes })
  })

  it('leaves quotes and spaces inside a key alone', () => {
    expect(trimKey(`"ab"c'd\`e f"`).value).toBe(`ab"c'd\`e f`)
    expect(trimKey('sk-a"b').value).toBe('sk-a"b')
  })

  it('is empty for junk only, so an empty key is "absent"', () => {
    expect(trimKey(' "" \n').value).toBe('')
    expect(checkField('apiKey', ' "" ')).toEqual({ ok: true, value: null })
  })

  it('is the rule the credential field table applies to keys (and only to keys)', () => {
    expect(checkField('apiKey', ' "sk-abc"\n')).toEqual({ ok: true, value: 'sk-abc' })
    // Other text fields are only whitespace-trimmed: a quoted name keeps its quotes.
    expect(checkField('name', ' "Work" ')).toEqual({ ok: true, value: '"Work"' })
  })

  const junk = fc.constantFrom(' ', '\t', '\n', '\r', '"', "'", '`', '\u00a0')
  const junkRun = fc.array(junk, { maxLength: 6 }).map((a) => a.join(''))
  // Printable ASCII keys (what the field table accepts), quotes and spaces allowed inside.
  const key = fc.string({
    minLength: 1,
    maxLength: 80,
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(junkRun, key, junkRun, (a, k, b) => {
        const once = trimKey(a + k + b).value
        expect(trimKey(once)).toEqual({
          value: once,
          removedWhitespace: false,
          removedQuotes: false,
        })
      }),
    )
  })

  it('never changes a key without surrounding junk, and recovers it from any junk around it', () => {
    const clean = key.filter((k) => !/^[\s"'`]|[\s"'`]$/.test(k))
    fc.assert(
      fc.property(clean, junkRun, junkRun, (k, a, b) => {
        expect(trimKey(k)).toEqual({ value: k, removedWhitespace: false, removedQuotes: false })
        expect(trimKey(a + k + b).value).toBe(k)
      }),
    )
  })
})

describe('key shapes', () => {
  it('every shape compiles, is anchored and has a label', () => {
    for (const shapes of Object.values(KEY_SHAPES)) {
      for (const s of shapes) {
        expect(() => new RegExp(s.pattern)).not.toThrow()
        expect(s.pattern.startsWith('^') && s.pattern.endsWith('$')).toBe(true)
        expect(s.label.length).toBeGreaterThan(0)
      }
    }
  })

  it('has a sample key for every provider with a shape (so each shape is tested)', () => {
    const withShapes = catalog.filter((e) => KEY_SHAPES[e.id].length).map((e) => e.id)
    expect(Object.keys(SAMPLES).sort()).toEqual([...withShapes].sort())
  })

  for (const [provider, keys] of Object.entries(SAMPLES)) {
    it(`${provider}: its real key shape passes, with or without junk around it`, () => {
      for (const k of keys!) {
        expect(checkKeyShape(k, provider, all)).toEqual({ kind: 'match' })
        const notice = keyNotice(`  "${k}"\n`, provider, all)
        expect(notice.trimmed).toEqual({ value: k, removedWhitespace: true, removedQuotes: true })
        expect(notice.shape).toEqual({ kind: 'match' })
      }
    })

    it(`${provider}: its key pasted into another provider warns and names it`, () => {
      for (const other of catalog) {
        if (other.id === provider || !KEY_SHAPES[other.id].length) continue
        for (const k of keys!) {
          const v = checkKeyShape(k, other.id, all)
          if (OVERLAPS.has(`${provider}>${other.id}`) && v.kind === 'match') continue
          expect(v.kind, `${provider} key in ${other.id}`).toBe('mismatch')
          if (v.kind === 'mismatch') {
            expect(v.looksLike).toContain(nameOf(provider))
            expect(v.expected).toEqual(KEY_SHAPES[other.id].map((s) => s.label))
          }
        }
      }
    })
  }

  it('warns on a truncated or mangled key without naming a provider', () => {
    const v = checkKeyShape('sk-ant-api03-short', 'anthropic', all)
    expect(v).toEqual({ kind: 'mismatch', expected: ['sk-ant-api03-…'], looksLike: [] })
    // A Claude.ai OAuth token is not an API key.
    expect(checkKeyShape(`sk-ant-oat01-${body(URLSAFE, 95)}`, 'anthropic', all).kind).toBe(
      'mismatch',
    )
    expect(checkKeyShape('OPENAI_API_KEY=sk-abc', 'openai', all).kind).toBe('mismatch')
  })

  it('says nothing for providers without a usual shape (self-hosted servers take any string)', () => {
    for (const id of ['ollama', 'lmstudio', 'omlx', 'openai_compatible', 'vertex', 'novita']) {
      expect(checkKeyShape(`sk-ant-api03-${body(URLSAFE, 93)}AA`, id, all)).toEqual({
        kind: 'no_shape',
      })
    }
    expect(checkKeyShape('', 'openai', all)).toEqual({ kind: 'no_shape' })
  })
})

describe('recommendedRank', () => {
  it('matches the name, its snapshots and tags, case-insensitively, best entry first', () => {
    const recs = ['claude-sonnet-4-5', 'claude-sonnet-4']
    expect(recommendedRank('claude-sonnet-4-5', recs)).toEqual({ index: 0, exact: true })
    expect(recommendedRank('claude-sonnet-4-5-20250929', recs)).toEqual({ index: 0, exact: false })
    expect(recommendedRank('claude-sonnet-4-20250514', recs)).toEqual({ index: 1, exact: false })
    expect(recommendedRank('gpt-4o-mini-2024-07-18', ['gpt-4o-mini'])).toEqual({
      index: 0,
      exact: false,
    })
    expect(recommendedRank('nomic-embed-text:latest', ['nomic-embed-text'])).toEqual({
      index: 0,
      exact: false,
    })
    expect(recommendedRank('gemini-2.5-flash@001', ['gemini-2.5-flash'])!.index).toBe(0)
    expect(recommendedRank('minimax-m2', ['MiniMax-M2'])).toEqual({ index: 0, exact: true })
  })

  it('does not take a different model for a snapshot', () => {
    expect(recommendedRank('gpt-4o-mini-tts', ['gpt-4o-mini'])).toBeNull()
    expect(recommendedRank('gpt-4.1-mini', ['gpt-4.1'])).toBeNull()
    expect(recommendedRank('claude-sonnet-4-5', ['claude-sonnet-4'])).toBeNull()
    expect(recommendedRank('anything', undefined)).toBeNull()
  })
})
