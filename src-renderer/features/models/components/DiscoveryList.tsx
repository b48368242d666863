import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType } from '../../../../src-preload/contract'
import type { DiscoveryRow, TypeSource } from '../discovery-list'
import { formatBytes, formatTokens, MODEL_TYPES, TYPE_KEY } from '../model-types'

/** Fixed row height: lets the virtualizer place rows without measuring them. */
export const ROW_HEIGHT = 52
/** More than the rows ever in the DOM at once (view + overscan), so slot keys never collide. */
const SLOTS = 128

interface ListProps {
  rows: readonly DiscoveryRow[]
  selected: ReadonlySet<string>
  typeFor: (row: DiscoveryRow) => ModelType
  sourceFor: (row: DiscoveryRow) => TypeSource
  onToggle: (row: DiscoveryRow) => void
  onType: (row: DiscoveryRow, type: ModelType) => void
  labelId: string
}

/**
 * The discovered models, virtualized: only the rows in view (plus a few) are in the DOM, so
 * 10,000 models scroll and filter without a stall.
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
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i]!.key,
  })
  return (
    <div ref={scrollRef} className="discovery-scroll" tabIndex={-1}>
      <div
        role="list"
        aria-labelledby={labelId}
        className="discovery-inner"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!
          return (
            <DiscoveryRowView
              // Keyed by slot, not by model: a keystroke that changes which models are in view
              // updates the same DOM rows in place instead of tearing down and rebuilding each
              // row's select, which is most of the cost of a filter step.
              key={item.index % SLOTS}
              row={row}
              top={item.start}
              index={item.index}
              total={rows.length}
              checked={selected.has(row.key)}
              type={typeFor(row)}
              source={sourceFor(row)}
              onToggle={onToggle}
              onType={onType}
            />
          )
        })}
      </div>
    </div>
  )
}

interface RowProps {
  row: DiscoveryRow
  top: number
  index: number
  total: number
  checked: boolean
  type: ModelType
  source: TypeSource
  onToggle: (row: DiscoveryRow) => void
  onType: (row: DiscoveryRow, type: ModelType) => void
}

const DiscoveryRowView = memo(function DiscoveryRowView(props: RowProps) {
  const { t, i18n } = useTranslation('models')
  const { row } = props
  const facts: string[] = []
  if (row.contextLength)
    facts.push(
      t('discovery.facts.context', { value: formatTokens(row.contextLength, i18n.language) }),
    )
  if (row.sizeBytes) facts.push(formatBytes(row.sizeBytes, i18n.language))
  const checkboxId = `discovered-${row.key}`
  return (
    <div
      role="listitem"
      aria-setsize={props.total}
      aria-posinset={props.index + 1}
      className={`discovery-row${props.checked ? ' selected' : ''}${row.registered ? ' registered' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <input
        id={checkboxId}
        type="checkbox"
        checked={props.checked || row.registered}
        disabled={row.registered}
        onChange={() => props.onToggle(row)}
        aria-label={t('discovery.selectModel', { name: row.name })}
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
          {row.loaded ? <span className="badge ok">{t('discovery.facts.loaded')}</span> : null}
        </span>
      </label>
      <select
        aria-label={t('discovery.typeOf', { name: row.name })}
        value={props.type}
        disabled={row.registered}
        onChange={(e) => props.onType(row, e.target.value as ModelType)}
      >
        {MODEL_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`types.${TYPE_KEY[type]}.one`)}
          </option>
        ))}
      </select>
      <span className={`badge source source-${props.source}`}>
        {t(`discovery.source.${props.source}`)}
      </span>
      <span className="discovery-state">
        {row.registered ? (
          <span className="badge ok">{t('discovery.registered')}</span>
        ) : row.custom ? (
          <span className="badge warn">{t('discovery.custom')}</span>
        ) : null}
      </span>
    </div>
  )
})
