import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useSettingsStore } from '../../stores/use-settings-store'

/** Launch at login (off by default): Switchboard starts in the tray, the window stays closed. */
export function StartupPanel() {
  const { t } = useTranslation('settings')
  const prefs = useSettingsStore((s) => s.preferences)
  const update = useSettingsStore((s) => s.update)
  const id = useId()
  return (
    <section className="card settings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('startup.title')}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          aria-describedby={`${id}-hint`}
          checked={prefs?.launchAtLogin ?? false}
          disabled={!prefs}
          onChange={(e) => void update({ launchAtLogin: e.target.checked })}
        />{' '}
        {t('startup.launchAtLogin')}
      </label>
      <p id={`${id}-hint`} className="hint muted">
        {t('startup.hint')}
      </p>
    </section>
  )
}
