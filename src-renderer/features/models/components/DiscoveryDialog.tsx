import { useCallback, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType } from '../../../../src-preload/contract'
import { Dialog } from '../../../components/Dialog'
import { Skeleton } from '../../../components/Skeleton'
import { useModelsStore } from '../../../stores/use-models-store'
import { toast } from '../../../stores/use-toast-store'
import {
  customRow,
  recommendedKeys,
  registerItems,
  setAll,
  toggle,
  toRows,
  type DiscoveryRow,
} from '../discovery-list'
import { DiscoveryCredentialField } from './DiscoveryCredentialField'
import { DiscoveryResults } from './DiscoveryResults'
import { ErrorNote } from './ErrorNote'
import { selectCredentialList, useCredentialsStore } from '../../../stores/use-credentials-store'

interface Picks {
  jobId: string | null
  /** The listing's recommended models were pre-selected (once per listing). */
  seeded: boolean
  selected: Set<string>
  overrides: Map<string, ModelType>
  customs: DiscoveryRow[]
  customType: ModelType
}

const freshPicks = (jobId: string | null): Picks => ({
  jobId,
  seeded: false,
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
  const credentialFieldId = useId()

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
  const listed = useMemo(() => new Set(allRows.map((r) => r.lowerName)), [allRows])
  const items = useMemo(
    () => registerItems(allRows, picks.selected, picks.overrides),
    [allRows, picks.selected, picks.overrides],
  )
  const registeredCount = useMemo(() => discovered.filter((r) => r.registered).length, [discovered])

  // Stable callbacks (they read the picks they are given), so the memoised parts stay put.
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
  const addCustom = useCallback((name: string) => {
    setPicks((p) => {
      const row = customRow(name, p.customType)
      return { ...p, customs: [row, ...p.customs], selected: new Set(p.selected).add(row.key) }
    })
  }, [])
  const onCustomType = useCallback(
    (customType: ModelType) => setPicks((p) => ({ ...p, customType })),
    [],
  )
  const onSetAll = useCallback((rows: readonly DiscoveryRow[], on: boolean) => {
    setPicks((p) => ({ ...p, selected: setAll(rows, p.selected, on) }))
  }, [])
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

  // Built here, placed by the results part: elements that do not change with the query.
  const credentialField = useMemo(
    () => (
      <DiscoveryCredentialField
        id={credentialFieldId}
        credentials={credentials}
        credentialId={discovery.credentialId}
        onPick={onPickCredential}
      />
    ),
    [credentialFieldId, credentials, discovery.credentialId, onPickCredential],
  )
  const { error, credentialId } = discovery
  const notice = useMemo(
    () =>
      status === 'loading' ? (
        <div aria-busy="true">
          <p className="muted">{t('discovery.loading')}</p>
          <Skeleton rows={5} />
        </div>
      ) : status === 'failed' && error ? (
        <ErrorNote
          error={error}
          title={t('discovery.failed')}
          action={
            credentialId ? (
              <button
                type="button"
                className="btn small"
                onClick={() => void discover(credentialId)}
              >
                {t('common:retry')}
              </button>
            ) : null
          }
        />
      ) : null,
    [status, error, credentialId, discover, t],
  )

  return (
    <Dialog open size="wide" title={title} onClose={close} footer={footer}>
      <DiscoveryResults
        jobId={discovery.jobId}
        credentialField={credentialField}
        notice={notice}
        ready={status === 'ready'}
        rows={allRows}
        listed={listed}
        registeredCount={registeredCount}
        recommendedCount={recommended.size}
        selected={picks.selected}
        overrides={picks.overrides}
        customType={picks.customType}
        onCustomType={onCustomType}
        onAddCustom={addCustom}
        onSetAll={onSetAll}
        onToggle={onToggle}
        onType={onType}
      />
    </Dialog>
  )
}
