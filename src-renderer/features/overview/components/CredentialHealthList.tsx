import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CredentialHealth } from '../../../../src-preload/contract'
import { useProviderName } from '../../../lib/use-provider-name'
import { useNavStore } from '../../../stores/use-nav-store'
import { formatAge } from '../../api-keys/lib/age'

const TONE = { ok: 'ok', failing: 'fail', undecryptable: 'fail', stale: 'warn', untested: '' }

/** Every credential with its last test: healthy, failing, old, never tested. */
export function CredentialHealthList({ items, now }: { items: CredentialHealth[]; now: number }) {
  const { t, i18n } = useTranslation('home')
  const nameOf = useProviderName()
  const go = useNavStore((s) => s.go)
  const headingId = useId()
  return (
    <section className="card overview-health" aria-labelledby={headingId}>
      <div className="row">
        <h2 id={headingId}>{t('health.title')}</h2>
        <span className="spacer" />
        <button type="button" className="btn small" onClick={() => go('apiKeys')}>
          {t('health.manage')}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">{t('health.none')}</p>
      ) : (
        <ul className="overview-list">
          {items.map((c) => (
            <li key={c.id} className="overview-item" data-health={c.health}>
              <span className={`badge ${TONE[c.health]}`}>{t(`health.state.${c.health}`)}</span>
              <span className="overview-item-text">
                <strong>{c.name}</strong> <span className="muted">{nameOf(c.provider)}</span>
              </span>
              <span className="muted">
                {c.lastTest
                  ? formatAge(c.lastTest.at, now, i18n.language, t('apiKeys:age.justNow'))
                  : t('health.never')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
