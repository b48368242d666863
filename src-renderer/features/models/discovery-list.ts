/**
 * The discovery dialog's list logic, kept pure so it is unit-tested and cheap at 10,000 models:
 * rows carry a pre-lowered search text, filtering is one pass, selection is a Set of row keys.
 */
import type { DiscoveredModelView, ModelType } from '../../../src-preload/contract'

/** Where a row's current type came from (the API, a name rule, the catalog, or the user). */
export type TypeSource = DiscoveredModelView['typeSource'] | 'custom' | 'user'

/** One row of the discovery list. */
export interface DiscoveryRow {
  /** Stable key: `d:<index>` for discovered rows, `c:<lowercased name>` for custom ones. */
  key: string
  name: string
  /** Name and display name, lowercased, for filtering. */
  search: string
  /** The name lowercased, for the "already listed?" check. */
  lowerName: string
  /** The type classification gave (or the user chose for a custom row). */
  type: ModelType
  typeSource: TypeSource
  registered: boolean
  custom: boolean
  displayName?: string
  contextLength?: number
  sizeBytes?: number
  loaded?: boolean
  /** The provider guide recommends it for a default slot (issue 16): pre-selected, badged. */
  recommended?: boolean
}

/**
 * Discovery views → rows. `registeredAs` (lowercased name → type, for this credential) marks a
 * model registered under another type than classification gave, so it is not offered twice.
 */
export function toRows(
  models: readonly DiscoveredModelView[],
  registeredAs: ReadonlyMap<string, ModelType> = new Map(),
): DiscoveryRow[] {
  return models.map((m, i) => {
    const other = m.registered ? undefined : registeredAs.get(m.name.toLowerCase())
    const row: DiscoveryRow = {
      key: `d:${i}`,
      name: m.name,
      search: `${m.name}\u0000${m.displayName ?? ''}`.toLowerCase(),
      lowerName: m.name.toLowerCase(),
      type: other ?? m.type,
      typeSource: m.typeSource,
      registered: m.registered || other !== undefined,
      custom: false,
    }
    if (m.displayName) row.displayName = m.displayName
    if (typeof m.contextLength === 'number') row.contextLength = m.contextLength
    if (typeof m.sizeBytes === 'number') row.sizeBytes = m.sizeBytes
    if (typeof m.loaded === 'boolean') row.loaded = m.loaded
    if (m.recommended?.length && !row.registered) row.recommended = true
    return row
  })
}

/** The rows discovery pre-selects: the recommended ones not registered yet (issue 16). */
export function recommendedKeys(rows: readonly DiscoveryRow[]): Set<string> {
  return new Set(rows.filter((r) => r.recommended && !r.registered).map((r) => r.key))
}

/** A row for a model the listing does not show, typed by the user. */
export function customRow(name: string, type: ModelType): DiscoveryRow {
  const trimmed = name.trim()
  return {
    key: `c:${trimmed.toLowerCase()}`,
    name: trimmed,
    search: trimmed.toLowerCase(),
    lowerName: trimmed.toLowerCase(),
    type,
    typeSource: 'custom',
    registered: false,
    custom: true,
  }
}

/** The query's space-separated terms, lowercased. */
function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean)
}

/** Rows whose name or display name contains every space-separated term of the query. */
export function filterRows(rows: readonly DiscoveryRow[], query: string): readonly DiscoveryRow[] {
  const terms = queryTerms(query)
  if (terms.length === 0) return rows
  if (terms.length === 1) {
    const [term] = terms as [string]
    return rows.filter((r) => r.search.includes(term))
  }
  return rows.filter((r) => terms.every((t) => r.search.includes(t)))
}

/** The query's terms, lowercased and joined by one space: the cache key of its result. */
function queryKey(query: string): string {
  return queryTerms(query).join(' ')
}

/**
 * `filterRows` over fixed rows, incremental (issue 17): a query that extends the previous one
 * can only narrow it (each earlier term is part of a later one), so only the previous result is
 * scanned; results are remembered per query, so Backspace is a lookup. Same answers as
 * `filterRows(rows, query)` (a property test checks it).
 */
export function createIncrementalFilter(
  rows: readonly DiscoveryRow[],
  remember = 64,
): (query: string) => readonly DiscoveryRow[] {
  const cache = new Map<string, readonly DiscoveryRow[]>([['', rows]])
  let lastKey = ''
  return (query) => {
    const key = queryKey(query)
    let result = cache.get(key)
    if (result) {
      cache.delete(key) // most recently used last
    } else {
      const base = key.startsWith(lastKey) ? cache.get(lastKey)! : rows
      result = filterRows(base, key)
      if (cache.size > remember) {
        for (const old of cache.keys()) {
          if (old !== '' && old !== lastKey) {
            cache.delete(old)
            break
          }
        }
      }
    }
    cache.set(key, result)
    lastKey = key
    return result
  }
}

/** True when the typed name can be added as a custom model: non-empty and not already listed. */
export function canAddCustom(
  rows: readonly DiscoveryRow[],
  query: string,
  /** The rows' `lowerName`s, when the caller keeps them (a lookup instead of a scan per keystroke). */
  listed?: ReadonlySet<string>,
): boolean {
  const name = query.trim()
  if (!name || name.length > 256 || /\p{Cc}/u.test(name)) return false
  const lower = name.toLowerCase()
  if (listed) return !listed.has(lower)
  return !rows.some((r) => r.lowerName === lower)
}

/** How many of `rows` can be selected, how many are, and whether that is all, some or none. */
export function selectionSummary(
  rows: readonly DiscoveryRow[],
  selected: ReadonlySet<string>,
): { selectable: number; chosen: number; state: 'all' | 'some' | 'none' } {
  let selectable = 0
  let chosen = 0
  for (const r of rows) {
    if (r.registered) continue
    selectable++
    if (selected.has(r.key)) chosen++
  }
  const state = chosen === 0 ? 'none' : chosen === selectable ? 'all' : 'some'
  return { selectable, chosen, state }
}

type Summary = ReturnType<typeof selectionSummary>

/**
 * `selectionSummary` for one selection, remembered per rows array: the incremental filter hands
 * back the same array for a query seen before (Backspace), so its counts are a lookup too.
 *
 * Given every row (`all`) and the query a result was filtered by, it counts without a pass over
 * the result (issue 17): only registered and selected rows change the counts, and when they are
 * fewer than the result, matching them against the query is less work — the first letter typed
 * matches most of 10,000 models, while a handful are selected.
 */
export function createSummaryCache(
  selected: ReadonlySet<string>,
  all?: readonly DiscoveryRow[],
): (rows: readonly DiscoveryRow[], query?: string) => Summary {
  const known = new WeakMap<readonly DiscoveryRow[], Summary>()
  let counted: DiscoveryRow[] | undefined
  return (rows, query) => {
    let summary = known.get(rows)
    if (summary) return summary
    counted ??= all?.filter((r) => r.registered || selected.has(r.key))
    if (counted && query !== undefined && counted.length < rows.length) {
      const terms = queryTerms(query)
      let registered = 0
      let chosen = 0
      for (const r of counted) {
        if (!terms.every((t) => r.search.includes(t))) continue
        if (r.registered) registered++
        else chosen++
      }
      const selectable = rows.length - registered
      summary = {
        selectable,
        chosen,
        state: chosen === 0 ? 'none' : chosen === selectable ? 'all' : 'some',
      }
    } else {
      summary = selectionSummary(rows, selected)
    }
    known.set(rows, summary)
    return summary
  }
}

/** Whether every, some or none of the selectable rows in `rows` are selected. */
export function selectionState(
  rows: readonly DiscoveryRow[],
  selected: ReadonlySet<string>,
): 'all' | 'some' | 'none' {
  return selectionSummary(rows, selected).state
}

/** Selects (or unselects) every selectable row of `rows`, leaving other selections alone. */
export function setAll(
  rows: readonly DiscoveryRow[],
  selected: ReadonlySet<string>,
  on: boolean,
): Set<string> {
  const next = new Set(selected)
  for (const r of rows) {
    if (r.registered) continue
    if (on) next.add(r.key)
    else next.delete(r.key)
  }
  return next
}

/** Flips one row; registered rows cannot be selected twice. */
export function toggle(selected: ReadonlySet<string>, row: DiscoveryRow): Set<string> {
  const next = new Set(selected)
  if (row.registered) return next
  if (next.has(row.key)) next.delete(row.key)
  else next.add(row.key)
  return next
}

/** The type shown for a row: the user's choice, else classification. */
export function typeOf(row: DiscoveryRow, overrides: ReadonlyMap<string, ModelType>): ModelType {
  return overrides.get(row.key) ?? row.type
}

/** Where the shown type came from: `user` once the user changed a classified type. */
export function sourceOf(row: DiscoveryRow, overrides: ReadonlyMap<string, ModelType>): TypeSource {
  const chosen = overrides.get(row.key)
  return chosen !== undefined && chosen !== row.type ? 'user' : row.typeSource
}

/** What `models:register` receives: the selected rows with their shown types, in list order. */
export function registerItems(
  rows: readonly DiscoveryRow[],
  selected: ReadonlySet<string>,
  overrides: ReadonlyMap<string, ModelType>,
): { name: string; type: ModelType }[] {
  return rows
    .filter((r) => selected.has(r.key) && !r.registered)
    .map((r) => ({ name: r.name, type: typeOf(r, overrides) }))
}
