import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { OverviewSlot } from '../../../../src-preload/contract'
import { useProviderName } from '../../../lib/use-provider-name'
import { useNavStore } from '../../../stores/use-nav-store'

/** The default model of each job at a glance; problems in words, a link to change them. */
export function DefaultsGlance({ slots }: { slots: OverviewSlot[] }) {
  const { t } = useTranslation('home')
  const nameOf = useProviderName()
  const go = useNavStore((s) => s.go)
  const headingId = useId()
  return (
    <section className="card overview-defaults" aria-labelledby={headingId}>
      <div className="row">
        <h2 id={headingId}>{t('defaults.title')}</h2>
        <span className="spacer" />
        <button type="button" className="btn small" onClick={() => go('models')}>
          {t('defaults.change')}
        </button>
      </div>
      <dl className="overview-slots">
        {slots.map((s) => (
          <div key={s.slot} className="overview-slot" data-slot={s.slot}>
            <dt>{t(`models:slots.${s.slot}.label`)}</dt>
            <dd>
              {s.modelName ? (
                <>
                  <span className="mono">{s.modelName}</span>{' '}
                  <span className="muted">{nameOf(s.provider ?? '')}</span>
                </>
              ) : s.problem === 'missing_model' ? (
                <span className="badge fail">{t('defaults.missing')}</span>
              ) : s.fallback ? (
                <span className="muted">{t('defaults.fallback')}</span>
              ) : (
                <span className={s.required ? 'badge warn' : 'muted'}>{t('defaults.empty')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
