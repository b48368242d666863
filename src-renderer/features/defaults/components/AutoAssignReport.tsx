import { useTranslation } from 'react-i18next'
import { useDefaultsStore } from '../../../stores/use-defaults-store'
import { useModelsStore } from '../../../stores/use-models-store'
import { modelName } from '../slots'

/** What the last auto-assign did: assigned, skipped (and why), missing; dismissible. */
export function AutoAssignReport() {
  const { t } = useTranslation('models')
  const report = useDefaultsStore((s) => s.lastAutoAssign)
  const dismiss = useDefaultsStore((s) => s.dismissReport)
  const models = useModelsStore((s) => s.models)
  if (!report) return null
  const slot = (s: string) => t(`slots.${s}.label`)
  return (
    <div className="auto-report" role="status" aria-label={t('autoAssign.reportLabel')}>
      <div className="auto-report-lines">
        <strong>{t('autoAssign.reportTitle')}</strong>
        {report.assigned.length === 0 &&
        report.skipped.length === 0 &&
        report.missing.length === 0 ? (
          <span>{t('autoAssign.nothing')}</span>
        ) : null}
        {report.assigned.map((a) => (
          <span key={`a-${a.slot}`} className="auto-assigned">
            {t('autoAssign.assigned', {
              slot: slot(a.slot),
              model: modelName(models, a.modelId) ?? a.modelId,
            })}
          </span>
        ))}
        {report.skipped.map((s) => (
          <span key={`s-${s.slot}`} className="muted">
            {t('autoAssign.skipped', {
              slot: slot(s.slot),
              reason: t(`autoAssign.reasons.${s.reason}`),
            })}
          </span>
        ))}
        {report.missing.map((m) => (
          <span key={`m-${m}`} className="auto-missing">
            {t('autoAssign.missing', { slot: slot(m) })}
          </span>
        ))}
      </div>
      <button type="button" className="icon-btn" aria-label={t('common:dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  )
}
