import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Overview } from '../../../../src-preload/contract'
import { useNavStore } from '../../../stores/use-nav-store'
import { kindLabel } from '../../local/format'

/** Local servers the last sweep found, and whether each is connected. */
export function LocalServersCard({ local }: { local: Overview['local'] }) {
  const { t } = useTranslation('home')
  const go = useNavStore((s) => s.go)
  const headingId = useId()
  const servers = local?.servers ?? []
  return (
    <section className="card overview-local" aria-labelledby={headingId}>
      <div className="row">
        <h2 id={headingId}>{t('local.title')}</h2>
        <span className="spacer" />
        <button type="button" className="btn small" onClick={() => go('local')}>
          {t('local.open')}
        </button>
      </div>
      {local === null ? (
        <p className="muted">{t('local.notScanned')}</p>
      ) : servers.length === 0 ? (
        <p className="muted">{t('local.none')}</p>
      ) : (
        <ul className="overview-list">
          {servers.map((s) => (
            <li key={s.baseUrl} className="overview-item">
              <span className={`badge ${s.connected ? 'ok' : ''}`}>
                {s.connected ? t('local.connected') : t('local.notConnected')}
              </span>
              <span className="overview-item-text">
                <strong>{kindLabel(s.kind)}</strong> <span className="mono muted">{s.baseUrl}</span>
              </span>
              <span className="muted">{t('local.models', { count: s.modelCount })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The gateway: on or off, and where it listens. */
export function GatewayCard({ gateway }: { gateway: Overview['gateway'] }) {
  const { t } = useTranslation('home')
  const go = useNavStore((s) => s.go)
  const headingId = useId()
  const state = gateway.running ? 'running' : gateway.enabled ? 'stopped' : 'off'
  return (
    <section className="card overview-gateway" aria-labelledby={headingId}>
      <div className="row">
        <h2 id={headingId}>{t('gateway.title')}</h2>
        <span className="spacer" />
        <button type="button" className="btn small" onClick={() => go('gateway')}>
          {t('gateway.open')}
        </button>
      </div>
      <p>
        <span className={`badge ${state === 'running' ? 'ok' : state === 'stopped' ? 'warn' : ''}`}>
          {t(`gateway.state.${state}`)}
        </span>{' '}
        {gateway.url ? <span className="mono">{gateway.url}</span> : null}
      </p>
      {state === 'off' ? <p className="muted">{t('gateway.offBody')}</p> : null}
    </section>
  )
}
