import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { UpdateStatus } from '../../../src-preload/contract'
import { useUpdatesStore } from '../../stores/use-updates-store'
import { useSettingsStore } from '../../stores/use-settings-store'
import { useUpdateStatus } from './use-update-status'

/** The updater's state in words. */
export function updateWords(t: TFunction, s: UpdateStatus): string {
  const params = {
    version: s.version ?? s.currentVersion,
    percent: s.percent ?? 0,
    message: s.error?.message ?? '',
  }
  return t(`settings:updates.phase.${s.phase}`, params)
}

/** Updates: automatic checks, the channel, "Check now", and "Restart to update" when one is ready. */
export function UpdatesPanel() {
  const { t, i18n } = useTranslation('settings')
  const status = useUpdateStatus()
  const prefs = useSettingsStore((s) => s.preferences)
  const update = useSettingsStore((s) => s.update)
  const check = useUpdatesStore((s) => s.check)
  const restart = useUpdatesStore((s) => s.restart)
  const [checking, setChecking] = useState(false)
  const id = useId()
  const unsupported = status?.phase === 'unsupported'
  const lastCheck = status?.lastCheck
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(status.lastCheck),
      )
    : null

  return (
    <section className="card settings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('updates.title')}</h2>
      <p role="status" aria-live="polite">
        {status ? updateWords(t, status) : '…'}
        {lastCheck ? ` ${t('updates.lastCheck', { time: lastCheck })}` : ''}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={prefs?.updates.autoCheck ?? true}
          disabled={!prefs}
          onChange={(e) => void update({ updates: { autoCheck: e.target.checked } })}
        />{' '}
        {t('updates.autoCheck')}
      </label>
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t('updates.channel')}</label>
        <select
          id={`${id}-channel`}
          value={prefs?.updates.channel ?? 'stable'}
          disabled={!prefs}
          onChange={(e) =>
            void update({ updates: { channel: e.target.value as 'stable' | 'beta' } })
          }
        >
          <option value="stable">{t('updates.stable')}</option>
          <option value="beta">{t('updates.beta')}</option>
        </select>
      </div>
      <div className="row">
        <button
          type="button"
          className="btn"
          disabled={unsupported || checking || status?.phase === 'checking'}
          onClick={() => {
            setChecking(true)
            void check().finally(() => setChecking(false))
          }}
        >
          {checking || status?.phase === 'checking' ? t('updates.checking') : t('updates.checkNow')}
        </button>
        {status?.phase === 'ready' ? (
          <button type="button" className="btn primary" onClick={restart}>
            {t('updates.restart')}
          </button>
        ) : null}
      </div>
    </section>
  )
}
