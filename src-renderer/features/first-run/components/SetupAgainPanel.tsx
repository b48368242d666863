import { useTranslation } from 'react-i18next'
import { useNavStore } from '../../../stores/use-nav-store'

/** Settings → "Run setup again": the first-run screen on demand (nothing is reset). */
export function SetupAgainPanel() {
  const { t } = useTranslation('firstRun')
  const go = useNavStore((s) => s.go)
  return (
    <section className="card settings-section" aria-labelledby="setup-again-h">
      <h2 id="setup-again-h">{t('again.title')}</h2>
      <p className="muted">{t('again.body')}</p>
      <div className="row">
        <button type="button" className="btn" onClick={() => go('welcome')}>
          {t('again.button')}
        </button>
      </div>
    </section>
  )
}
