import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType } from '../../../../src-preload/contract'
import { Dialog } from '../../../components/Dialog'
import { Skeleton } from '../../../components/Skeleton'
import { useModelsStore } from '../../../stores/use-models-store'
import { toast } from '../../../stores/use-toast-store'
import {
  canAddCustom,
  createIncrementalFilter,
  customRow,
  recommendedKeys,
  registerItems,
  createSummaryCache,
  setAll,
  sourceOf,
  toggle,
  toRows,
  typeOf,
  type DiscoveryRow,
} from '../discovery-list'
import { DiscoveryCredentialField } from './DiscoveryCredentialField'
import { DiscoveryCustom } from './DiscoveryCustom'
import { DiscoveryList } from './DiscoveryList'
import { ErrorNote } from './ErrorNote'
import { selectCredentialList, useCredentialsStore } from '../../../stores/use-credentials-store'

interface Picks {
  jobId: string | null
  /** The listing's recommended models were pre-selected (once per listing). */
  seeded: boolean
  query: string
  selected: Set<string>
  overrides: Map<string, ModelType>
  customs: DiscoveryRow[]
  customType: ModelType
}

const freshPicks = (jobId: string | null): Picks => ({
  jobId,
  seeded: false,
  query: '',
  selected: new Set(),
  overrides: new Map(),
  customs: [],
  customType: 'language',
})

/**
 * Discovery for one credential: pick the credential, search the listing, choose models and
 * their types, add names the listing lacks, register. Listing errors are shown here, in words.
 */
export function DiscoveryDialog() {
  const { t } = useTranslation('models')
  const discovery = useModelsStore((s) => s.discovery)
  const credentials = useCredentialsStore(selectCredentialList)
  const close = useModelsStore((s) => s.closeDiscovery)
  const discover = useModelsStore((s) => s.discover)
  const register = useModelsStore((s) => s.register)
  const searchId = useId()
  const listLabelId = useId()
  const credentialFieldId = useId()
  const searchRef = useRef<HTMLInputElement>(null)

  // Choices reset whenever a new listing starts (another credential, or "Try again").
  const [picks, setPicks] = useState<Picks>(() => freshPicks(discovery.jobId))
  if (picks.jobId !== discovery.jobId) setPicks(freshPicks(discovery.jobId))

  const models = useModelsStore((s) => s.models)
  const registeredAs = useMemo(
    () =>
      new Map(
        models
          .filter((m) => m.credentialId === discovery.credentialId)
          .map((m) => [m.name.toLowerCase(), m.type] as const),
      ),
    [models, discovery.credentialId],
  )
  const discovered = useMemo(
    () => toRows(discovery.result?.models ?? [], registeredAs),
    [discovery.result, registeredAs],
  )
  // Once the listing is in, its recommended models start selected (issue 16).
  const recommended = useMemo(() => recommendedKeys(discovered), [discovered])
  if (!picks.seeded && discovery.status === 'ready') {
    setPicks((p) => ({ ...p, seeded: true, selected: new Set([...p.selected, ...recommended]) }))
  }
  const allRows = useMemo(() => [...picks.customs, ...discovered], [picks.customs, discovered])
  // Per keystroke: narrow the previous result (or look an earlier query up), one pass for the
  // selection counts, and a set lookup for "is the typed name listed?" (issue 17).
  const filter = useMemo(() => createIncrementalFilter(allRows), [allRows])
  const shown = useMemo(() => filter(picks.query), [filter, picks.query])
  const summaryOf = useMemo(() => createSummaryCache(picks.selected), [picks.selected])
  const summary = summaryOf(shown)
  const state = summary.state
  const listed = useMemo(() => new Set(allRows.map((r) => r.lowerName)), [allRows])
  const items = useMemo(
    () => registerItems(allRows, picks.selected, picks.overrides),
    [allRows, picks.selected, picks.overrides],
  )
  const registeredCount = useMemo(() => discovered.filter((r) => r.registered).length, [discovered])
  const showCustom = discovery.status === 'ready' && canAddCustom(allRows, picks.query, listed)

  // The listing arrived: searching is the next thing people do.
  useEffect(() => {
    if (discovery.status === 'ready') searchRef.current?.focus()
  }, [discovery.status])

  const onToggle = useCallback((row: DiscoveryRow) => {
    setPicks((p) => ({ ...p, selected: toggle(p.selected, row) }))
  }, [])
  const onType = useCallback((row: DiscoveryRow, type: ModelType) => {
    setPicks((p) => {
      const overrides = new Map(p.overrides)
      if (type === row.type) overrides.delete(row.key)
      else overrides.set(row.key, type)
      // Choosing a type says "I want this one": select it too.
      return {
        ...p,
        overrides,
        selected: row.registered ? p.selected : new Set(p.selected).add(row.key),
      }
    })
  }, [])
  const typeFor = useCallback(
    (row: DiscoveryRow) => typeOf(row, picks.overrides),
    [picks.overrides],
  )
  const sourceFor = useCallback(
    (row: DiscoveryRow) => sourceOf(row, picks.overrides),
    [picks.overrides],
  )

  // Stable callbacks (they read the picks they are given), so the memoised parts stay put.
  const addCustom = useCallback(() => {
    setPicks((p) => {
      const row = customRow(p.query, p.customType)
      return { ...p, customs: [row, ...p.customs], selected: new Set(p.selected).add(row.key) }
    })
  }, [])
  const onCustomType = useCallback(
    (customType: ModelType) => setPicks((p) => ({ ...p, customType })),
    [],
  )
  const onPickCredential = useCallback((id: string) => void discover(id), [discover])

  const { registerError, registering, status } = discovery
  // The footer changes with the selection, not with the query: built once per selection.
  const footer = useMemo(() => {
    const onRegister = async () => {
      const res = await register(items)
      if (!res) return
      const created = res.created.length
      const existing = res.existing.length
      toast({
        kind: 'success',
        title: t('discovery.registeredToast', { count: created }),
        body: existing ? t('discovery.existingToast', { count: existing }) : undefined,
      })
      close()
    }
    return (
      <>
        {registerError ? (
          <div className="spacer">
            <ErrorNote error={registerError} title={t('discovery.registerFailed')} />
          </div>
        ) : (
          <span className="spacer muted" role="status">
            {status === 'ready' ? t('discovery.selectedCount', { count: items.length }) : null}
          </span>
        )}
        <button type="button" className="btn" onClick={close}>
          {t('common:cancel')}
        </button>
        <button
          type="button"
          className="btn primary"
          disabled={items.length === 0 || registering || status !== 'ready'}
          onClick={() => void onRegister()}
        >
          {registering
            ? t('discovery.registering')
            : t('discovery.register', { count: items.length })}
        </button>
      </>
    )
  }, [registerError, registering, status, items, register, close, t])

  const credential = credentials.find((c) => c.id === discovery.credentialId) ?? null
  const title = credential
    ? t('discovery.titleFor', { name: credential.name })
    : t('discovery.title')

  return (
    <Dialog open size="wide" title={title} onClose={close} footer={footer}>
      <div className="discovery">
        <div className="discovery-top">
          <DiscoveryCredentialField
            id={credentialFieldId}
            credentials={credentials}
            credentialId={discovery.credentialId}
            onPick={onPickCredential}
          />
          <div className="field discovery-search">
            <label htmlFor={searchId}>{t('discovery.search')}</label>
            <input
              id={searchId}
              ref={searchRef}
              type="search"
              placeholder={t('discovery.searchPlaceholder')}
              value={picks.query}
              disabled={discovery.status !== 'ready'}
              onChange={(e) => {
                const query = e.target.value
                setPicks((p) => ({ ...p, query }))
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && showCustom) {
                  e.preventDefault()
                  addCustom()
                }
              }}
            />
          </div>
        </div>

        {discovery.status === 'loading' ? (
          <div aria-busy="true">
            <p className="muted">{t('discovery.loading')}</p>
            <Skeleton rows={5} />
          </div>
        ) : null}

        {discovery.status === 'failed' && discovery.error ? (
          <ErrorNote
            error={discovery.error}
            title={t('discovery.failed')}
            action={
              discovery.credentialId ? (
                <button
                  type="button"
                  className="btn small"
                  onClick={() => void discover(discovery.credentialId!)}
                >
                  {t('common:retry')}
                </button>
              ) : null
            }
          />
        ) : null}

        {discovery.status === 'ready' ? (
          <>
            {showCustom ? (
              <DiscoveryCustom
                name={picks.query.trim()}
                type={picks.customType}
                onType={onCustomType}
                onAdd={addCustom}
              />
            ) : null}

            <div className="discovery-toolbar">
              <label className="discovery-all">
                <input
                  type="checkbox"
                  checked={state === 'all'}
                  ref={(el) => {
                    if (el) el.indeterminate = state === 'some'
                  }}
                  disabled={summary.selectable === 0}
                  onChange={() =>
                    setPicks((p) => ({
                      ...p,
                      selected: setAll(shown, p.selected, state !== 'all'),
                    }))
                  }
                />
                {t('discovery.selectAll', { count: summary.selectable })}
              </label>
              <span className="muted" id={listLabelId}>
                {t('discovery.showing', { shown: shown.length, total: allRows.length })}
                {registeredCount
                  ? ` · ${t('discovery.alreadyRegistered', { count: registeredCount })}`
                  : ''}
              </span>
            </div>
            {recommended.size ? (
              <p className="discovery-preselected muted">
                {t('guides:discovery.preselected', { count: recommended.size })}
              </p>
            ) : null}

            {allRows.length === 0 ? (
              <p className="discovery-empty muted">{t('discovery.emptyListing')}</p>
            ) : shown.length === 0 ? (
              <p className="discovery-empty muted">
                {t('discovery.noMatch', { query: picks.query.trim() })}
              </p>
            ) : (
              <DiscoveryList
                rows={shown}
                selected={picks.selected}
                typeFor={typeFor}
                sourceFor={sourceFor}
                onToggle={onToggle}
                onType={onType}
                labelId={listLabelId}
              />
            )}
          </>
        ) : null}
      </div>
    </Dialog>
  )
}
