import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType } from '../../../../src-preload/contract'
import type { DiscoveryRow, TypeSource } from '../discovery-list'
import { MODEL_TYPE_KEYS, MODEL_TYPE_NAMES } from '../../../../src-preload/contract/model-types'
import { formatBytes, formatTokens } from '../../../lib/format-units'

/** Fixed row height: rows are placed by arithmetic, never measured. */
export const ROW_HEIGHT = 52
/** Rows rendered above and below the visible ones, so a fast scroll shows no gap. */
const OVERSCAN = 2
/** More than the rows ever in the DOM at once (view + overscan), so slot keys never collide. */
const SLOTS = 64
/** The scroll box's height before it is measured (its CSS height at most). */
const DEFAULT_VIEWPORT = 416

interface ListProps {
  rows: readonly DiscoveryRow[]
  selected: ReadonlySet<string>
  typeFor: (row: DiscoveryRow) => ModelType
  sourceFor: (row: DiscoveryRow) => TypeSource
  onToggle: (row: DiscoveryRow) => void
  onType: (row: DiscoveryRow, type: ModelType) => void
  labelId: string
}

/** The open type picker: which row it belongs to, the highlighted option, where it shows. */
interface Picker {
  key: string
  active: number
  top: number
  right: number
  above: boolean
}

/** Strings every row shares, translated once per language instead of once per row render. */
interface Labels {
  types: Record<ModelType, string>
  sources: Record<TypeSource, string>
  registered: string
  custom: string
  loaded: string
  recommended: string
  selectModel: (name: string) => string
  typeOf: (name: string) => string
  context: (tokens: number) => string
  size: (bytes: number) => string
}

const SLOT = '\u0001'

/** A translation with one value left open, filled per row by joining (no lookup per row). */
function template(text: string): (value: string) => string {
  const parts = text.split(SLOT)
  return (value) => parts.join(value)
}

/**
 * The discovered models, virtualized by arithmetic (fixed row height): only the rows in view
 * (plus a few) are in the DOM, so 10,000 models scroll and filter without a stall. Each row's
 * type is a light button (role combobox, like the native select it replaces) and one shared
 * listbox opens for the row being changed: a native <select> per row was most of a filter
 * keystroke's cost (issue 17).
 */
export function DiscoveryList({
  rows,
  selected,
  typeFor,
  sourceFor,
  onToggle,
  onType,
  labelId,
}: ListProps) {
  const { t, i18n } = useTranslation('models')
  const language = i18n.language
  const scrollRef = useRef<HTMLDivElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const listboxId = useId()
  const [first, setFirst] = useState(0)
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT)
  const [picker, setPicker] = useState<Picker | null>(null)

  const labels = useMemo<Labels>(() => {
    const context = template(t('discovery.facts.context', { value: SLOT }))
    return {
      types: Object.fromEntries(
        MODEL_TYPE_NAMES.map((type) => [type, t(`types.${MODEL_TYPE_KEYS[type]}.one`)]),
      ) as Record<ModelType, string>,
      sources: Object.fromEntries(
        (['api', 'name', 'static', 'user', 'custom'] as const).map((s) => [
          s,
          t(`discovery.source.${s}`),
        ]),
      ) as Record<TypeSource, string>,
      registered: t('discovery.registered'),
      custom: t('discovery.custom'),
      loaded: t('discovery.facts.loaded'),
      recommended: t('guides:discovery.recommended'),
      selectModel: template(t('discovery.selectModel', { name: SLOT })),
      typeOf: template(t('discovery.typeOf', { name: SLOT })),
      context: (tokens) => context(formatTokens(tokens, language)),
      size: (bytes) => formatBytes(bytes, language),
    }
  }, [t, language])

  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const measure = () => setViewport(el.clientHeight || DEFAULT_VIEWPORT)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const total = rows.length
  const begin = Math.max(0, Math.min(first, total - 1) - OVERSCAN)
  const end = Math.min(total, Math.ceil((first * ROW_HEIGHT + viewport) / ROW_HEIGHT) + OVERSCAN)

  const openPicker = useCallback((row: DiscoveryRow, type: ModelType, anchor: HTMLElement) => {
    const wrap = wrapRef.current
    if (!wrap) return
    const a = anchor.getBoundingClientRect()
    const w = wrap.getBoundingClientRect()
    // Below the button, unless the button sits in the lower half of the list: then above it.
    const above = a.top - w.top > w.height / 2
    setPicker({
      key: row.key,
      active: MODEL_TYPE_NAMES.indexOf(type),
      top: above ? a.top - w.top : a.bottom - w.top,
      right: w.right - a.right,
      above,
    })
  }, [])
  const closePicker = useCallback(() => setPicker(null), [])
  const pick = useCallback(
    (row: DiscoveryRow, type: ModelType) => {
      setPicker(null)
      onType(row, type)
    },
    [onType],
  )
  const moveActive = useCallback(
    (to: (i: number) => number) =>
      setPicker((p) =>
        p ? { ...p, active: Math.max(0, Math.min(MODEL_TYPE_NAMES.length - 1, to(p.active))) } : p,
      ),
    [],
  )

  const pickerRow = picker ? rows.find((r) => r.key === picker.key) : undefined
  const optionId = (i: number) => `${listboxId}-o${i}`

  const items = []
  for (let index = begin; index < end; index++) {
    const row = rows[index]!
    const type = typeFor(row)
    const open = picker?.key === row.key
    items.push(
      <DiscoveryRowView
        // Keyed by slot, not by model: a keystroke that changes which models are in view
        // updates the same DOM rows in place instead of tearing them down and rebuilding them.
        key={index % SLOTS}
        row={row}
        index={index}
        total={total}
        checked={selected.has(row.key)}
        type={type}
        source={sourceFor(row)}
        labels={labels}
        expanded={open}
        listboxId={listboxId}
        activeOption={open && picker ? optionId(picker.active) : undefined}
        onToggle={onToggle}
        onOpen={openPicker}
        onClose={closePicker}
        onMove={open ? moveActive : undefined}
        onChoose={open && picker ? () => pick(row, MODEL_TYPE_NAMES[picker.active]!) : undefined}
      />,
    )
  }

  return (
    <div ref={wrapRef} className="discovery-wrap">
      <div
        ref={scrollRef}
        className="discovery-scroll"
        tabIndex={-1}
        onScroll={(e) => {
          setFirst(Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT))
          // The picker belongs to a row that is moving away: close it.
          if (picker) setPicker(null)
        }}
      >
        <div
          role="list"
          aria-labelledby={labelId}
          className="discovery-inner"
          style={{ height: total * ROW_HEIGHT }}
        >
          {items}
        </div>
      </div>
      {picker && pickerRow ? (
        <ul
          id={listboxId}
          role="listbox"
          aria-label={labels.typeOf(pickerRow.name)}
          className={`type-listbox${picker.above ? ' above' : ''}`}
          style={{ top: picker.top, right: picker.right }}
        >
          {MODEL_TYPE_NAMES.map((type, i) => (
            <li
              key={type}
              id={optionId(i)}
              role="option"
              aria-selected={typeFor(pickerRow) === type}
              className={i === picker.active ? 'active' : undefined}
              // Keep focus on the row's button (it owns the keyboard while the list is open).
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => moveActive(() => i)}
              onClick={() => pick(pickerRow, type)}
            >
              {labels.types[type]}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

interface RowProps {
  row: DiscoveryRow
  index: number
  total: number
  checked: boolean
  type: ModelType
  source: TypeSource
  labels: Labels
  expanded: boolean
  listboxId: string
  activeOption: string | undefined
  onToggle: (row: DiscoveryRow) => void
  onOpen: (row: DiscoveryRow, type: ModelType, anchor: HTMLElement) => void
  onClose: () => void
  /** Present while this row's picker is open: moves the highlighted option. */
  onMove: ((to: (i: number) => number) => void) | undefined
  /** Present while this row's picker is open: takes the highlighted option. */
  onChoose: (() => void) | undefined
}

// No hooks and no translation lookups in a row: everything it shows comes in through props.
const DiscoveryRowView = memo(function DiscoveryRowView(props: RowProps) {
  const { row, labels, expanded } = props
  const facts: string[] = []
  if (row.contextLength) facts.push(labels.context(row.contextLength))
  if (row.sizeBytes) facts.push(labels.size(row.sizeBytes))
  const checkboxId = `discovered-${row.key}`

  // The select-only combobox keyboard (WAI-ARIA APG): arrows, Enter or Space open the list;
  // while it is open, arrows/Home/End move, Enter/Space choose, Escape and Tab close.
  const onKeyDown = (e: React.KeyboardEvent<HTMLButtonElement>) => {
    const move = props.onMove
    if (!expanded || !move) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        props.onOpen(row, props.type, e.currentTarget)
      }
      return
    }
    const step: Record<string, (i: number) => number> = {
      ArrowDown: (i) => i + 1,
      ArrowUp: (i) => i - 1,
      Home: () => 0,
      End: () => MODEL_TYPE_NAMES.length - 1,
    }
    if (step[e.key]) {
      e.preventDefault()
      move(step[e.key]!)
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      props.onChoose?.()
    } else if (e.key === 'Escape') {
      // Closes the list only, not the dialog around it.
      e.preventDefault()
      e.stopPropagation()
      props.onClose()
    } else if (e.key === 'Tab') {
      props.onClose()
    }
  }

  return (
    <div
      role="listitem"
      aria-setsize={props.total}
      aria-posinset={props.index + 1}
      className={`discovery-row${props.checked ? ' selected' : ''}${row.registered ? ' registered' : ''}`}
      style={{ transform: `translateY(${props.index * ROW_HEIGHT}px)` }}
    >
      <input
        id={checkboxId}
        type="checkbox"
        checked={props.checked || row.registered}
        disabled={row.registered}
        onChange={() => props.onToggle(row)}
        aria-label={labels.selectModel(row.name)}
      />
      <label className="discovery-name" htmlFor={checkboxId}>
        <span className="mono discovery-id" title={row.name}>
          {row.name}
        </span>
        <span className="discovery-meta">
          {row.displayName ? <span className="muted">{row.displayName}</span> : null}
          {facts.map((f) => (
            <span key={f} className="muted">
              {f}
            </span>
          ))}
          {row.loaded ? <span className="badge ok">{labels.loaded}</span> : null}
          {row.recommended ? <span className="badge recommended">{labels.recommended}</span> : null}
        </span>
      </label>
      <button
        type="button"
        role="combobox"
        className="type-button"
        aria-label={labels.typeOf(row.name)}
        aria-haspopup="listbox"
        aria-expanded={expanded}
        aria-controls={expanded ? props.listboxId : undefined}
        aria-activedescendant={expanded ? props.activeOption : undefined}
        disabled={row.registered}
        onClick={(e) =>
          expanded ? props.onClose() : props.onOpen(row, props.type, e.currentTarget)
        }
        onKeyDown={onKeyDown}
        onBlur={expanded ? props.onClose : undefined}
      >
        {labels.types[props.type]}
      </button>
      <span className={`badge source source-${props.source}`}>{labels.sources[props.source]}</span>
      <span className="discovery-state">
        {row.registered ? (
          <span className="badge ok">{labels.registered}</span>
        ) : row.custom ? (
          <span className="badge warn">{labels.custom}</span>
        ) : null}
      </span>
    </div>
  )
})
