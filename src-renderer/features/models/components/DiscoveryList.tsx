import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react'
import type { ModelType } from '../../../../src-preload/contract'
import type { DiscoveryRow, TypeSource } from '../discovery-list'
import { MODEL_TYPE_NAMES } from '../../../../src-preload/contract/model-types'
import { DiscoveryRowView, ROW_HEIGHT, useRowLabels } from './DiscoveryRow'

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
  const scrollRef = useRef<HTMLDivElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const listboxId = useId()
  const [first, setFirst] = useState(0)
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT)
  const [picker, setPicker] = useState<Picker | null>(null)

  const labels = useRowLabels()

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
        checkboxId={`${listboxId}-r${index % SLOTS}`}
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
      <div className="discovery-frame">
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
