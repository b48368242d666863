import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType } from '../../../../src-preload/contract'
import type { DiscoveryRow, TypeSource } from '../discovery-list'
import { MODEL_TYPE_KEYS, MODEL_TYPE_NAMES } from '../../../../src-preload/contract/model-types'
import { formatBytes, formatTokens } from '../../../lib/format-units'
import { template } from '../../../lib/translation-templates'

/** Fixed row height: rows are placed by arithmetic, never measured. */
export const ROW_HEIGHT = 52

/** Strings every row shares, translated once per language instead of once per row render. */
export interface RowLabels {
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

/** The rows' shared strings in the current language, built once per language. */
export function useRowLabels(): RowLabels {
  const { t, i18n } = useTranslation('models')
  const language = i18n.language
  return useMemo<RowLabels>(() => {
    const context = template(t, 'discovery.facts.context', ['value'])
    const selectModel = template(t, 'discovery.selectModel', ['name'])
    const typeOf = template(t, 'discovery.typeOf', ['name'])
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
      selectModel: (name) => selectModel({ name }),
      typeOf: (name) => typeOf({ name }),
      context: (tokens) => context({ value: formatTokens(tokens, language) }),
      size: (bytes) => formatBytes(bytes, language),
    }
  }, [t, language])
}

interface RowProps {
  row: DiscoveryRow
  index: number
  total: number
  /** The checkbox's id: one per DOM slot, so a keystroke that changes the model shown in a
   *  slot leaves its id and its label's `for` alone (no attribute writes, no id invalidation). */
  checkboxId: string
  checked: boolean
  type: ModelType
  source: TypeSource
  labels: RowLabels
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

// The select-only combobox keyboard (WAI-ARIA APG): arrows open the list; while it is open,
// arrows/Home/End move, Enter/Space choose, Escape and Tab close.
const STEP: Record<string, (i: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  Home: () => 0,
  End: () => MODEL_TYPE_NAMES.length - 1,
}

/** One discovered model. No hooks and no translation lookups: all it shows comes in as props. */
export const DiscoveryRowView = memo(function DiscoveryRowView(props: RowProps) {
  const { row, labels, expanded } = props
  const facts: string[] = []
  if (row.contextLength) facts.push(labels.context(row.contextLength))
  if (row.sizeBytes) facts.push(labels.size(row.sizeBytes))
  // No empty boxes: a row without facts has no meta line (its id is centred instead), and one
  // neither registered nor custom has no state cell; each element a row holds is laid out and
  // painted again whenever the rows in view change (issue 17).
  const hasMeta = Boolean(row.displayName || facts.length || row.loaded || row.recommended)

  const onKeyDown = (e: React.KeyboardEvent<HTMLButtonElement>) => {
    const move = props.onMove
    if (!expanded || !move) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        props.onOpen(row, props.type, e.currentTarget)
      }
      return
    }
    const step = STEP[e.key]
    if (step) {
      e.preventDefault()
      move(step)
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
        id={props.checkboxId}
        type="checkbox"
        checked={props.checked || row.registered}
        disabled={row.registered}
        onChange={() => props.onToggle(row)}
        aria-label={labels.selectModel(row.name)}
      />
      <label className="discovery-name" htmlFor={props.checkboxId}>
        <span className="mono discovery-id" title={row.name}>
          {row.name}
        </span>
        {hasMeta ? (
          <span className="discovery-meta">
            {row.displayName ? <span className="muted">{row.displayName}</span> : null}
            {facts.map((f) => (
              <span key={f} className="muted">
                {f}
              </span>
            ))}
            {row.loaded ? <span className="badge ok">{labels.loaded}</span> : null}
            {row.recommended ? (
              <span className="badge recommended">{labels.recommended}</span>
            ) : null}
          </span>
        ) : null}
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
      {row.registered ? (
        <span className="badge ok discovery-state">{labels.registered}</span>
      ) : row.custom ? (
        <span className="badge warn discovery-state">{labels.custom}</span>
      ) : null}
    </div>
  )
})
