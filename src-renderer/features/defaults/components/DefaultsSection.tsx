import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelView, SlotView } from '../../../../src-preload/contract'
import { Banner } from '../../../components/Banner'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Skeleton } from '../../../components/Skeleton'
import { useDefaultsStore } from '../../../stores/use-defaults-store'
import { useModelsStore } from '../../../stores/use-models-store'
import { toast } from '../../../stores/use-toast-store'
import { ErrorNote } from '../../models/components/ErrorNote'
import { MODEL_TYPE_KEYS } from '../../../../src-preload/contract/model-types'
import { advancedSlots, primarySlots } from '../../../../src-preload/contract/slot-names'
import { modelName, PROBLEM_KEY } from '../slots'
import { AutoAssignReport } from './AutoAssignReport'
import { ModelCombobox, type ModelOption } from './ModelCombobox'
import { useProviderName } from '../../../lib/use-provider-name'
import { selectCredentialList, useCredentialsStore } from '../../../stores/use-credentials-store'

/** The 7 default slots: banner with auto-assign, primary row, advanced group. */
export function DefaultsSection() {
  const { t } = useTranslation('models')
  const view = useDefaultsStore((s) => s.view)
  const status = useDefaultsStore((s) => s.status)
  const loadError = useDefaultsStore((s) => s.loadError)
  const load = useDefaultsStore((s) => s.load)
  const autoAssign = useDefaultsStore((s) => s.autoAssign)
  const autoAssigning = useDefaultsStore((s) => s.autoAssigning)
  const autoAssignError = useDefaultsStore((s) => s.autoAssignError)
  const models = useModelsStore((s) => s.models)
  const headingId = useId()

  const onAutoAssign = async () => {
    const res = await autoAssign()
    if (!res) return
    toast({
      kind: res.missing.length ? 'info' : 'success',
      title: t('autoAssign.toast', {
        assigned: res.assigned.length,
        skipped: res.skipped.length,
        missing: res.missing.length,
      }),
    })
  }

  if (status === 'failed' && loadError) {
    return (
      <section className="card defaults" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('defaults.title')}</h2>
        <ErrorNote
          error={loadError}
          title={t('defaults.loadFailed')}
          action={
            <button type="button" className="btn small" onClick={() => void load()}>
              {t('common:retry')}
            </button>
          }
        />
      </section>
    )
  }
  if (!view) {
    return (
      <section className="card defaults" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('defaults.title')}</h2>
        <Skeleton rows={2} />
      </section>
    )
  }

  const missing = view.missingRequired
  return (
    <section className="card defaults" aria-labelledby={headingId}>
      <div className="defaults-head">
        <h2 id={headingId}>{t('defaults.title')}</h2>
        <p className="muted">{t('defaults.subtitle')}</p>
      </div>
      {missing.length ? (
        <Banner
          tone="warning"
          title={t('defaults.missingTitle', {
            count: missing.length,
            slots: missing.map((s) => t(`slots.${s}.label`)).join(t('listSeparator')),
          })}
          action={
            <button
              type="button"
              className="btn primary"
              disabled={autoAssigning}
              onClick={() => void onAutoAssign()}
            >
              {autoAssigning ? t('autoAssign.running') : t('autoAssign.button')}
            </button>
          }
        >
          {t('defaults.missingBody')}
        </Banner>
      ) : null}
      {autoAssignError ? (
        <ErrorNote error={autoAssignError} title={t('autoAssign.failed')} />
      ) : null}
      <AutoAssignReport />

      <div className="slot-grid" role="group" aria-label={t('defaults.primary')}>
        {primarySlots.map((slot) => (
          <SlotField key={slot} slot={view.slots[slot]} models={models} chat={view.slots.chat} />
        ))}
      </div>
      <fieldset className="slot-advanced">
        <legend>{t('defaults.advanced')}</legend>
        <p className="muted">{t('defaults.advancedHint')}</p>
        <div className="slot-grid three">
          {advancedSlots.map((slot) => (
            <SlotField key={slot} slot={view.slots[slot]} models={models} chat={view.slots.chat} />
          ))}
        </div>
      </fieldset>
    </section>
  )
}

/** One slot: its label, a searchable select of models of its type, clear, and its problem. */
function SlotField({
  slot,
  models,
  chat,
}: {
  slot: SlotView
  models: readonly ModelView[]
  chat: SlotView
}) {
  const { t } = useTranslation('models')
  const providerName = useProviderName()
  const setSlot = useDefaultsStore((s) => s.setSlot)
  const saving = useDefaultsStore((s) => s.saving)
  const slotError = useDefaultsStore((s) => s.slotError)
  const credentials = useCredentialsStore(selectCredentialList)
  const [pendingEmbedding, setPendingEmbedding] = useState<string | null>(null)
  const problemId = useId()
  const label = t(`slots.${slot.slot}.label`)

  const options: ModelOption[] = useMemo(() => {
    const names = new Map(credentials.map((c) => [c.id, c.name]))
    return models
      .filter((m) => m.type === slot.type)
      .map((m) => ({
        id: m.id,
        name: m.name,
        provider: providerName(m.provider),
        credentialName: names.get(m.credentialId) ?? '—',
      }))
  }, [models, credentials, slot.type, providerName])

  const apply = async (modelId: string | null) => {
    const res = await setSlot(slot.slot, modelId)
    if (res?.embeddingChanged) toast({ kind: 'info', title: t('defaults.embeddingChangedToast') })
  }
  const choose = (modelId: string) => {
    // Stored embeddings elsewhere were made with the old model: confirm before switching.
    if (slot.slot === 'embedding' && slot.modelId && slot.modelId !== modelId)
      setPendingEmbedding(modelId)
    else void apply(modelId)
  }

  const chatName = modelName(models, chat.modelId)
  const placeholder = slot.fallback
    ? chatName
      ? t('defaults.fallsBackTo', { name: chatName })
      : t('defaults.fallsBack')
    : t('defaults.none')
  const problem = slot.problem
  const error = slotError?.slot === slot.slot ? slotError.error : null
  const required = slot.required

  return (
    <div className={`slot${problem ? ' has-problem' : ''}`}>
      <div className="slot-label">
        <span className="slot-name" id={`${problemId}-label`}>
          {label}
          {required ? (
            // aria-label is not allowed on a plain span: the word is hidden text instead.
            <span className="required" title={t('defaults.required')}>
              <span aria-hidden="true">*</span>
              <span className="visually-hidden"> {t('defaults.required')}</span>
            </span>
          ) : null}
        </span>
      </div>
      <div className="slot-control">
        <ModelCombobox
          label={label}
          value={slot.modelId}
          options={options}
          placeholder={placeholder}
          missingLabel={t('defaults.missingModelValue')}
          emptyText={t('defaults.noModelsOfType', {
            type: t(`types.${MODEL_TYPE_KEYS[slot.type]}.other`),
          })}
          onChange={choose}
          disabled={saving === slot.slot}
          describedBy={problem || error ? problemId : undefined}
          required={required}
          invalid={Boolean(problem && !slot.fallback)}
        />
        {!required ? (
          <button
            type="button"
            className="icon-btn slot-clear"
            aria-label={t('defaults.clear', { slot: label })}
            title={t('defaults.clear', { slot: label })}
            disabled={slot.modelId === null || saving === slot.slot}
            onClick={() => void apply(null)}
          >
            ×
          </button>
        ) : (
          <span className="slot-clear-spacer" aria-hidden="true" />
        )}
      </div>
      <div id={problemId} className="slot-notes">
        {problem ? (
          <span className={`slot-problem ${problem === 'credential_failing' ? 'warn' : 'fail'}`}>
            {t(`problems.${PROBLEM_KEY[problem]}`, {
              type: t(`types.${MODEL_TYPE_KEYS[slot.type]}.one`),
            })}
            {slot.fallback ? ` ${t('problems.viaChat')}` : ''}
          </span>
        ) : null}
        {!problem && slot.cleared && !slot.fallback && slot.modelId === null ? (
          <span className="muted">{t('defaults.clearedNote')}</span>
        ) : null}
        {error ? <ErrorNote error={error} /> : null}
      </div>
      {pendingEmbedding ? (
        <ConfirmDialog
          title={t('defaults.embeddingConfirmTitle')}
          onClose={() => setPendingEmbedding(null)}
          onConfirm={() => {
            const next = pendingEmbedding
            setPendingEmbedding(null)
            void apply(next)
          }}
          confirmLabel={t('defaults.embeddingConfirm')}
          tone="primary"
        >
          <p>
            {t('defaults.embeddingConfirmBody', {
              from: modelName(models, slot.modelId) ?? t('defaults.missingModelValue'),
              to: modelName(models, pendingEmbedding) ?? '',
            })}
          </p>
          <p className="muted">{t('defaults.embeddingConfirmHint')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  )
}
