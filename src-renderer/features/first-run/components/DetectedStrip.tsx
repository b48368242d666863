import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalStore } from '../../../stores/use-local-store'
import { kindLabel } from '../../local/format'

/**
 * Local servers already running, offered on the choice screen itself: one click takes the
 * private path with them. Shows the start-up sweep at once and scans again in the background.
 */
export function DetectedStrip({ onUse }: { onUse: () => void }) {
  const { t } = useTranslation('firstRun')
  const detect = useLocalStore((s) => s.detect)
  useEffect(() => {
    void useLocalStore.getState().scan()
  }, [])
  const servers = detect?.servers ?? []
  if (!servers.length) return null
  return (
    <aside className="first-run-detected card" aria-label={t('detected.label')}>
      <div>
        <strong>{t('detected.title', { count: servers.length })}</strong>
        <ul className="first-run-detected-list">
          {servers.map((s) => (
            <li key={s.baseUrl}>
              {kindLabel(s.kind)} <span className="mono muted">{s.baseUrl}</span>{' '}
              <span className="muted">{t('detected.models', { count: s.models.length })}</span>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn primary" onClick={onUse}>
        {t('detected.use')}
      </button>
    </aside>
  )
}
