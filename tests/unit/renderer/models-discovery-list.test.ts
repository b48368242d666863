import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DiscoveredModelView } from '../../../src-preload/contract'
import {
  createSummaryCache,
  canAddCustom,
  createIncrementalFilter,
  customRow,
  filterRows,
  recommendedKeys,
  registerItems,
  selectionState,
  selectionSummary,
  setAll,
  sourceOf,
  toggle,
  toRows,
  typeOf,
} from '../../../src-renderer/features/models/discovery-list'

const view = (name: string, extra: Partial<DiscoveredModelView> = {}): DiscoveredModelView => ({
  id: `discovered:language:${name}`,
  name,
  type: 'language',
  registered: false,
  typeSource: 'name',
  ...extra,
})

const LISTING = [
  view('gpt-4o'),
  view('gpt-4o-mini', { registered: true, id: 'm-1' }),
  view('text-embedding-3-small', { type: 'embedding', typeSource: 'api' }),
  view('llama3.1:8b', {
    displayName: 'Llama 3.1 8B',
    contextLength: 131072,
    sizeBytes: 4_920_000_000,
    loaded: true,
  }),
  view('nomic-embed-text', { type: 'embedding' }),
]

describe('discovery list', () => {
  const rows = toRows(LISTING)

  it('keeps every fact of the listing and marks registered rows', () => {
    expect(rows.map((r) => [r.name, r.type, r.typeSource, r.registered])).toEqual([
      ['gpt-4o', 'language', 'name', false],
      ['gpt-4o-mini', 'language', 'name', true],
      ['text-embedding-3-small', 'embedding', 'api', false],
      ['llama3.1:8b', 'language', 'name', false],
      ['nomic-embed-text', 'embedding', 'name', false],
    ])
    expect(rows[3]).toMatchObject({
      displayName: 'Llama 3.1 8B',
      contextLength: 131072,
      sizeBytes: 4_920_000_000,
      loaded: true,
    })
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
  })

  it('marks a model registered under another type, with that type, so it is not offered twice', () => {
    const [row] = toRows(
      [view('nomic-embed-text')],
      new Map([['nomic-embed-text', 'embedding' as const]]),
    )
    expect(row).toMatchObject({ registered: true, type: 'embedding' })
  })

  it('filters by name and display name, case-insensitively, every term must match', () => {
    expect(filterRows(rows, 'GPT').map((r) => r.name)).toEqual(['gpt-4o', 'gpt-4o-mini'])
    expect(filterRows(rows, 'llama 8b').map((r) => r.name)).toEqual(['llama3.1:8b'])
    expect(filterRows(rows, 'Llama 3.1').map((r) => r.name)).toEqual(['llama3.1:8b'])
    expect(filterRows(rows, 'embed small').map((r) => r.name)).toEqual(['text-embedding-3-small'])
    expect(filterRows(rows, '   ')).toBe(rows)
    expect(filterRows(rows, 'claude')).toEqual([])
  })

  it('offers a custom model only for a new, valid name', () => {
    expect(canAddCustom(rows, 'ft:gpt-4o:acme:1')).toBe(true)
    expect(canAddCustom(rows, 'GPT-4O')).toBe(false)
    expect(canAddCustom(rows, '  ')).toBe(false)
    expect(canAddCustom(rows, 'bad\u0007name')).toBe(false)
    expect(canAddCustom(rows, 'x'.repeat(257))).toBe(false)
    const custom = customRow('  my-model  ', 'embedding')
    expect(custom).toMatchObject({
      name: 'my-model',
      type: 'embedding',
      custom: true,
      typeSource: 'custom',
    })
    expect(canAddCustom([custom, ...rows], 'MY-MODEL')).toBe(false)
  })

  it('select all acts on the filtered set only and skips registered rows', () => {
    const gpt = filterRows(rows, 'gpt')
    let selected = setAll(gpt, new Set(), true)
    expect([...selected]).toEqual([rows[0]!.key])
    expect(selectionState(gpt, selected)).toBe('all')
    expect(selectionState(rows, selected)).toBe('some')
    selected = setAll(rows, selected, true)
    expect(selected.size).toBe(4)
    selected = setAll(filterRows(rows, 'embed'), selected, false)
    expect(selectionState(rows, selected)).toBe('some')
    expect(selectionState(rows, new Set())).toBe('none')
  })

  it('never selects a registered row', () => {
    expect(toggle(new Set(), rows[1]!).size).toBe(0)
    const on = toggle(new Set(), rows[0]!)
    expect(on.has(rows[0]!.key)).toBe(true)
    expect(toggle(on, rows[0]!).size).toBe(0)
  })

  it('registers the selected rows with the type the user sees', () => {
    const overrides = new Map([[rows[3]!.key, 'embedding' as const]])
    expect(typeOf(rows[3]!, overrides)).toBe('embedding')
    expect(sourceOf(rows[3]!, overrides)).toBe('user')
    expect(sourceOf(rows[2]!, overrides)).toBe('api')
    // Changing back to the classified type is not a user change.
    expect(sourceOf(rows[2]!, new Map([[rows[2]!.key, 'embedding' as const]]))).toBe('api')
    const custom = customRow('ft:gpt-4o:acme:1', 'language')
    const all = [custom, ...rows]
    const selected = new Set([custom.key, rows[1]!.key, rows[3]!.key])
    expect(registerItems(all, selected, overrides)).toEqual([
      { name: 'ft:gpt-4o:acme:1', type: 'language' },
      { name: 'llama3.1:8b', type: 'embedding' },
    ])
  })

  // How fast is bench/discovery-list.bench.ts's job (no timed assertions in tests); this checks
  // that a typed-out query over 10,000 rows finds exactly the rows whose name holds it.
  it('filters 10,000 rows to exactly the names holding the query', () => {
    const big = toRows(
      Array.from({ length: 10_000 }, (_, i) => view(`family-${i % 37}-model-${i}`)),
    )
    for (const q of ['f', 'fa', 'fam', 'family-1', 'family-12', 'model-99']) {
      expect(
        filterRows(big, q).map((r) => r.name),
        q,
      ).toEqual(big.filter((r) => r.name.includes(q)).map((r) => r.name))
    }
    expect(filterRows(big, 'model-9999').map((r) => r.name)).toEqual(['family-9-model-9999'])
  })
})

describe('incremental filter (issue 17)', () => {
  // Names from a small alphabet, so typed queries match some rows and miss others.
  const name = fc.stringMatching(/^[ab1 .-]{1,8}$/)
  const ops = fc.array(fc.oneof(fc.constantFrom('a', 'b', '1', ' ', '-', 'A'), fc.constant('⌫')), {
    maxLength: 40,
  })

  it('answers exactly as a full filter, whatever is typed and erased', () => {
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 60 }),
        ops,
        fc.integer({ min: 1, max: 6 }),
        (names, keys, remember) => {
          const rows = toRows(names.map((n) => view(n)))
          const filter = createIncrementalFilter(rows, remember)
          let query = ''
          for (const k of keys) {
            query = k === '⌫' ? query.slice(0, -1) : query + k
            expect(filter(query)).toEqual(filterRows(rows, query))
          }
        },
      ),
    )
  })

  it('scans only the previous result when the query grows, and looks earlier ones up', () => {
    const rows = toRows(LISTING)
    let reads = 0
    const counted = rows.map((r) =>
      Object.defineProperty({ ...r }, 'search', {
        get: () => {
          reads++
          return r.search
        },
      }),
    )
    const filter = createIncrementalFilter(counted)
    expect(filter('e').map((r) => r.name)).toEqual(['text-embedding-3-small', 'nomic-embed-text'])
    expect(reads).toBe(rows.length)
    reads = 0
    expect(filter('em').map((r) => r.name)).toEqual(['text-embedding-3-small', 'nomic-embed-text'])
    expect(reads).toBe(2)
    reads = 0
    expect(filter('e')).toHaveLength(2)
    expect(filter('')).toBe(counted)
    expect(reads).toBe(0)
  })

  it('remembers the summary per rows array for one selection (Backspace is a lookup)', () => {
    const rows = toRows(LISTING)
    const selected = new Set([rows[0]!.key])
    const summaryOf = createSummaryCache(selected)
    const first = summaryOf(rows)
    expect(first).toEqual(selectionSummary(rows, selected))
    expect(summaryOf(rows)).toBe(first)
    const fewer = rows.slice(1)
    expect(summaryOf(fewer)).toEqual(selectionSummary(fewer, selected))
  })

  it('counts from the selected and registered rows alone, as a pass over the result would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.boolean(), fc.boolean()), { maxLength: 40 }),
        ops,
        (specs, keys) => {
          const rows = toRows(specs.map(([n, registered]) => view(n, { registered })))
          const selected = new Set(
            rows.filter((r, i) => specs[i]![2] && !r.registered).map((r) => r.key),
          )
          const filter = createIncrementalFilter(rows)
          const summaryOf = createSummaryCache(selected, rows)
          let query = ''
          for (const k of keys) {
            query = k === '⌫' ? query.slice(0, -1) : query + k
            const shown = filter(query)
            expect(summaryOf(shown, query)).toEqual(selectionSummary(shown, selected))
          }
        },
      ),
    )
  })

  it('does not read the result when few rows are selected or registered', () => {
    const rows = toRows([...LISTING, ...Array.from({ length: 10 }, (_, i) => view(`extra-${i}`))])
    const selected = new Set([rows[0]!.key])
    const summaryOf = createSummaryCache(selected, rows)
    const shown = filterRows(rows, 'e')
    // A result whose rows cannot be read: the counts come from the query and the two rows
    // (one selected, one registered) that can change them.
    const unread = new Proxy([...shown], {
      get: (target, prop) =>
        prop === 'length' ? target.length : expect.unreachable(`read ${String(prop)}`),
    })
    expect(summaryOf(unread, 'e')).toEqual(selectionSummary(shown, selected))
  })

  it('summarises the selection in one pass; a listed-name set answers canAddCustom', () => {
    const rows = toRows(LISTING)
    expect(selectionSummary(rows, new Set([rows[0]!.key]))).toEqual({
      selectable: 4,
      chosen: 1,
      state: 'some',
    })
    const listed = new Set(rows.map((r) => r.lowerName))
    for (const q of ['GPT-4o', 'gpt-5', '  nomic-embed-text ', '', 'a\u0007b']) {
      expect(canAddCustom(rows, q, listed)).toBe(canAddCustom(rows, q))
    }
  })
})

describe('recommended models (issue 16)', () => {
  it('pre-selects exactly the recommended rows that are not registered yet', () => {
    const rows = toRows(
      [
        view('gpt-4o'),
        view('gpt-4.1-mini', { recommended: ['chat', 'tools'] }),
        view('text-embedding-3-small', {
          type: 'embedding',
          registered: true,
          id: 'm-1',
          recommended: ['embedding'],
        }),
        view('whisper-1', { type: 'speech_to_text', recommended: ['speechToText'] }),
      ],
      new Map(),
    )
    expect(rows.map((r) => [r.name, r.recommended ?? false])).toEqual([
      ['gpt-4o', false],
      ['gpt-4.1-mini', true],
      ['text-embedding-3-small', false],
      ['whisper-1', true],
    ])
    const keys = recommendedKeys(rows)
    expect([...keys]).toEqual([rows[1]!.key, rows[3]!.key])
    // They register like any selected row, with their discovered types.
    expect(registerItems(rows, keys, new Map())).toEqual([
      { name: 'gpt-4.1-mini', type: 'language' },
      { name: 'whisper-1', type: 'speech_to_text' },
    ])
  })
})
