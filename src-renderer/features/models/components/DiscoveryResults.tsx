import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType } from '../../../../src-preload/contract'
import {
  canAddCustom,
  createIncrementalFilter,
  createSummaryCache,
  sourceOf,
  typeOf,
  type DiscoveryRow,
} from '../discovery-list'
import { pluralTemplate, template } from '../../../lib/translation-templates'
import { DiscoveryCustom } from './DiscoveryCustom'
import { DiscoveryList } from './DiscoveryList'

interface Props {
  /** A new listing (another credential, "Try again") clears the query. */
  jobId: string | null
  /** The credential picker, placed beside the search box (an element its owner memoises). */
  credentialField: ReactNode
  /** What shows instead of the results while the listing is not ready (loading, error). */
  notice: ReactNode
  ready: boolean
  /** Every row: the custom ones first, then the listing's. */
  rows: readonly DiscoveryRow[]
  /** The rows' `lowerName`s: "is the typed name listed?" is a lookup. */
  listed: ReadonlySet<string>
  registeredCount: number
  recommendedCount: number
  selected: ReadonlySet<string>
  overrides: ReadonlyMap<string, ModelType>
  customType: ModelType
  onCustomType: (type: ModelType) => void
  onAddCustom: (name: string) => void
  onSetAll: (rows: readonly DiscoveryRow[], on: boolean) => void
  onToggle: (row: DiscoveryRow) => void
  onType: (row: DiscoveryRow, type: ModelType) => void
}

/**
 * The search box and what it filters: the custom-model offer, the select-all toolbar and the
 * list. It owns the query, so a keystroke renders this part only — the dialog around it (title,
 * credential picker, footer) does not run at all (issue 17).
 */
export const DiscoveryResults = memo(function DiscoveryResults(props: Props) {
  const { t, i18n } = useTranslation('models')
  const language = i18n.language
  const { rows, selected, overrides, ready, onAddCustom } = props
  const searchId = useId()
  const listLabelId = useId()
  const searchRef = useRef<HTMLInputElement>(null)
  const [search, setSearch] = useState({ jobId: props.jobId, query: '' })
  if (search.jobId !== props.jobId) setSearch({ jobId: props.jobId, query: '' })
  const query = search.jobId === props.jobId ? search.query : ''

  // Per keystroke: narrow the previous result (or look an earlier query up), count the selection
  // without a pass over the result, and a set lookup for "is the typed name listed?".
  const filter = useMemo(() => createIncrementalFilter(rows), [rows])
  const shown = useMemo(() => filter(query), [filter, query])
  const summaryOf = useMemo(() => createSummaryCache(selected, rows), [selected, rows])
  const summary = summaryOf(shown, query)
  const state = summary.state
  const showCustom = ready && canAddCustom(rows, query, props.listed)
  const typeFor = useMemo(() => (row: DiscoveryRow) => typeOf(row, overrides), [overrides])
  const sourceFor = useMemo(() => (row: DiscoveryRow) => sourceOf(row, overrides), [overrides])

  // The listing arrived: searching is the next thing people do. (When it was there before the
  // dialog opened, this runs while the dialog is still hidden; data-autofocus covers that.)
  useEffect(() => {
    if (ready) searchRef.current?.focus()
  }, [ready])

  // Strings that do not change with the query, translated once; those that do, as templates
  // (t() per keystroke was a measurable share of it).
  const fixed = useMemo(
    () => ({
      showing: template(t, 'discovery.showing', ['shown', 'total']),
      selectAll: pluralTemplate(t, 'discovery.selectAll', language),
      search: t('discovery.search'),
      placeholder: t('discovery.searchPlaceholder'),
      customHint: t('discovery.customHint'),
      registered: props.registeredCount
        ? ` · ${t('discovery.alreadyRegistered', { count: props.registeredCount })}`
        : '',
      preselected: props.recommendedCount
        ? t('guides:discovery.preselected', { count: props.recommendedCount })
        : '',
    }),
    [t, language, props.registeredCount, props.recommendedCount],
  )

  return (
    <div className="discovery">
      <div className="discovery-top">
        {props.credentialField}
        {/* A search landmark with a form of its own. Enter never submits it (it adds the typed
            model, or does nothing). In Chromium, each edit of a text field makes Autofill parse
            the field's form; outside a <form> that is every control in the document (each row's
            checkbox and type button, the page behind): 2.5 ms of browser CPU per keystroke,
            measured (issue 17). Electron has no Autofill; the landmark is right either way. */}
        <form role="search" className="field discovery-search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={searchId}>{fixed.search}</label>
          <input
            id={searchId}
            ref={searchRef}
            type="search"
            // A filter, not a form field: no saved-entry suggestions (in Chromium each keystroke
            // also queried the browser's autocomplete history; Electron has no autofill).
            autoComplete="off"
            placeholder={fixed.placeholder}
            value={query}
            disabled={!ready}
            // Ready when the dialog opens (the listing came first): the dialog focuses it.
            data-autofocus={ready ? '' : undefined}
            onChange={(e) => setSearch({ jobId: props.jobId, query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && showCustom) {
                e.preventDefault()
                onAddCustom(query)
              }
            }}
          />
        </form>
      </div>

      {props.notice}

      {ready ? (
        <>
          {/* One fixed slot for the custom-model offer and, while there is nothing to offer, a
              hint: the list below never moves while typing, and the first key or the last
              Backspace no longer builds or tears down the offer and relays the dialog out
              (those keystrokes were the discovery p95, issue 17). */}
          <div className="discovery-custom-slot">
            <p className="discovery-custom-hint muted" data-shown={!showCustom}>
              {fixed.customHint}
            </p>
            <DiscoveryCustom
              shown={showCustom}
              name={showCustom ? query.trim() : ''}
              type={props.customType}
              onType={props.onCustomType}
              onAdd={onAddCustom}
            />
          </div>

          <div className="discovery-toolbar">
            <label className="discovery-all">
              <input
                type="checkbox"
                checked={state === 'all'}
                ref={(el) => {
                  if (el) el.indeterminate = state === 'some'
                }}
                disabled={summary.selectable === 0}
                onChange={() => props.onSetAll(shown, state !== 'all')}
              />
              {fixed.selectAll(summary.selectable)}
            </label>
            <span className="muted" id={listLabelId}>
              {fixed.showing({ shown: String(shown.length), total: String(rows.length) })}
              {fixed.registered}
            </span>
          </div>
          {fixed.preselected ? (
            <p className="discovery-preselected muted">{fixed.preselected}</p>
          ) : null}

          {rows.length === 0 ? (
            <p className="discovery-empty muted">{t('discovery.emptyListing')}</p>
          ) : shown.length === 0 ? (
            <p className="discovery-empty muted">
              {t('discovery.noMatch', { query: query.trim() })}
            </p>
          ) : (
            <DiscoveryList
              rows={shown}
              selected={selected}
              typeFor={typeFor}
              sourceFor={sourceFor}
              onToggle={props.onToggle}
              onType={props.onType}
              labelId={listLabelId}
            />
          )}
        </>
      ) : null}
    </div>
  )
})
