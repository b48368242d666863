import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType, ModelView } from '../../../../src-preload/contract'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ListHead } from '../../../components/ListHead'
import { errorBodyOf } from '../../../lib/errors'
import { useDefaultsStore } from '../../../stores/use-defaults-store'
import { useModelsStore } from '../../../stores/use-models-store'
import { useVerifyStore } from '../../../stores/use-verify-store'
import { toast } from '../../../stores/use-toast-store'
import { slotList, slotsUsing } from '../../defaults/slots'
import { MODEL_TYPE_KEYS, MODEL_TYPE_NAMES } from '../../../../src-preload/contract/model-types'
import { ErrorNote } from './ErrorNote'
import { TestOutcome } from './TestOutcome'
import { useProviderName } from '../../../lib/use-provider-name'
import { selectCredentialList, useCredentialsStore } from '../../../stores/use-credentials-store'

/** Registered models grouped by type, each with Test, Verify and Remove. */
export function RegisteredModels() {
  const { t } = useTranslation('models')
  const models = useModelsStore((s) => s.models)
  const [removing, setRemoving] = useState<ModelView | null>(null)
  const groups = useMemo(() => {
    const by = new Map<ModelType, ModelView[]>(MODEL_TYPE_NAMES.map((type) => [type, []]))
    for (const m of models) by.get(m.type)?.push(m)
    return MODEL_TYPE_NAMES.map((type) => ({ type, models: by.get(type)! })).filter(
      (g) => g.models.length,
    )
  }, [models])

  return (
    <section className="registered" aria-labelledby="registered-title">
      <h2 id="registered-title">{t('registered.title')}</h2>
      {groups.map((g) => (
        <TypeGroup key={g.type} type={g.type} models={g.models} onRemove={setRemoving} />
      ))}
      {removing ? <RemoveDialog model={removing} onClose={() => setRemoving(null)} /> : null}
    </section>
  )
}

function TypeGroup(props: {
  type: ModelType
  models: ModelView[]
  onRemove: (m: ModelView) => void
}) {
  const { t } = useTranslation('models')
  const providerName = useProviderName()
  const credentials = useCredentialsStore(selectCredentialList)
  const tests = useModelsStore((s) => s.tests)
  const testModel = useModelsStore((s) => s.testModel)
  const openVerify = useVerifyStore((s) => s.openDialog)
  const headingId = useId()
  const names = useMemo(() => new Map(credentials.map((c) => [c.id, c.name])), [credentials])
  const key = MODEL_TYPE_KEYS[props.type]
  return (
    <div className="card type-group">
      <h3 id={headingId}>
        {t(`types.${key}.other`)} <span className="badge">{props.models.length}</span>
      </h3>
      <table className="list models-table" aria-labelledby={headingId}>
        <colgroup>
          <col className="col-name" />
          <col className="col-provider" />
          <col className="col-credential" />
          <col className="col-test" />
          <col className="col-actions" />
        </colgroup>
        <ListHead
          columns={[
            t('registered.name'),
            t('registered.provider'),
            t('registered.credential'),
            t('registered.lastTest'),
          ]}
          actions={t('registered.actions')}
        />
        <tbody>
          {props.models.map((m) => {
            const test = tests[m.id]
            return (
              <tr key={m.id}>
                <th scope="row" className="mono model-name">
                  {m.name}
                </th>
                <td>
                  <span className="badge">{providerName(m.provider)}</span>
                </td>
                <td>{names.get(m.credentialId) ?? t('registered.unknownCredential')}</td>
                <td className="test-cell">
                  <TestOutcome state={test} />
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn small"
                    disabled={test?.running}
                    aria-label={t('registered.testModel', { name: m.name })}
                    onClick={() => void testModel(m.id)}
                  >
                    {test?.running ? t('test.running') : t('registered.test')}
                  </button>
                  <button
                    type="button"
                    className="btn small"
                    aria-label={t('verify:buttonLabel', { name: m.name })}
                    onClick={() => openVerify({ credentialId: m.credentialId, modelId: m.id })}
                  >
                    {t('verify:button')}
                  </button>
                  <button
                    type="button"
                    className="btn small danger"
                    aria-label={t('registered.removeModel', { name: m.name })}
                    onClick={() => props.onRemove(m)}
                  >
                    {t('registered.remove')}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** Confirms a removal and says which default slots it empties. */
function RemoveDialog({ model, onClose }: { model: ModelView; onClose: () => void }) {
  const { t } = useTranslation('models')
  const view = useDefaultsStore((s) => s.view)
  const reloadDefaults = useDefaultsStore((s) => s.load)
  const removeModel = useModelsStore((s) => s.removeModel)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ReturnType<typeof errorBodyOf> | null>(null)
  const slots = slotsUsing(view, model.id)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      const res = await removeModel(model.id)
      await reloadDefaults()
      toast({
        kind: 'success',
        title: t('remove.done', { name: res.removed.name }),
        body: res.clearedSlots.length
          ? t('remove.clearedSlots', {
              slots: slotList(t, res.clearedSlots as never),
              count: res.clearedSlots.length,
            })
          : undefined,
      })
      onClose()
    } catch (err) {
      setBusy(false)
      setError(errorBodyOf(err))
    }
  }

  return (
    <ConfirmDialog
      title={t('remove.title', { name: model.name })}
      onClose={onClose}
      onConfirm={() => void confirm()}
      confirmLabel={t('remove.confirm')}
      tone="danger"
      busy={busy}
    >
      <p>{t('remove.body', { name: model.name, provider: model.provider })}</p>
      {slots.length ? (
        <p className="remove-slots">
          {t('remove.usedBy', { count: slots.length, slots: slotList(t, slots) })}
        </p>
      ) : (
        <p className="muted">{t('remove.notUsed')}</p>
      )}
      {error ? <ErrorNote error={error} /> : null}
    </ConfirmDialog>
  )
}
