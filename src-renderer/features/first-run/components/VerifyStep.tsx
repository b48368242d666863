/**
 * The flow's last step: the verification check (issue 16) on the model the flow just set up —
 * the chat default, or the embedding default when the flow registered no chat model (the panel
 * then shows the vector's dimensions). The panel sends its prompt on open and streams the reply.
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Skeleton } from '../../../components/Skeleton'
import { useDefaultsStore } from '../../../stores/use-defaults-store'
import { useModelsStore } from '../../../stores/use-models-store'
import { VerifyPanel } from '../../verify/components/VerifyPanel'

/** Checks `modelId` (else the chat default, else the embedding default); `onDone` finishes. */
export function VerifyStep({ modelId, onDone }: { modelId: string | null; onDone: () => void }) {
  const { t } = useTranslation('firstRun')
  const view = useDefaultsStore((s) => s.view)
  const loadDefaults = useDefaultsStore((s) => s.load)
  const models = useModelsStore((s) => s.models)
  const loadModels = useModelsStore((s) => s.load)
  // The flow has just registered models and set defaults: read both afresh.
  useEffect(() => {
    void loadDefaults()
    void loadModels()
  }, [loadDefaults, loadModels])

  const id =
    modelId ?? view?.slots.chat.effectiveModelId ?? view?.slots.embedding.effectiveModelId ?? null
  const model = id ? models.find((m) => m.id === id) : undefined
  return (
    <div className="first-run-verify stack" data-testid="first-run-verify">
      <p>{t('verify.body')}</p>
      {model ? (
        <VerifyPanel target={{ credentialId: model.credentialId, modelId: model.id }} autoStart />
      ) : view && !id ? (
        <p className="error" role="alert">
          {t('verify.noModel')}
        </p>
      ) : (
        <Skeleton rows={3} />
      )}
      <div className="row">
        <button type="button" className="btn primary" onClick={onDone}>
          {t('verify.done')}
        </button>
      </div>
    </div>
  )
}
