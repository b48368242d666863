import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Banner } from '../../components/Banner'
import { ErrorText } from '../../components/ErrorText'
import { errorText } from '../../lib/errors'
import { useSettingsStore } from '../../stores/use-settings-store'
import { useUpdatesStore } from '../../stores/use-updates-store'
import { useCliStatus } from './use-cli-status'
import { useUpdateStatus } from './use-update-status'

/**
 * A quiet note above every page when a downloaded update waits for a restart. "Later" hides it
 * for this session; it is installed anyway the next time Switchboard quits. Never a forced restart.
 */
export function UpdateReadyBanner() {
  const { t } = useTranslation('settings')
  const status = useUpdateStatus()
  const restart = useUpdatesStore((s) => s.restart)
  const [later, setLater] = useState<string | null>(null)
  if (status?.phase !== 'ready' || !status.version || later === status.version) return null
  return (
    <Banner
      tone="info"
      title={t('updateBanner.title', { version: status.version })}
      action={
        <div className="row">
          <button type="button" className="btn primary small" onClick={restart}>
            {t('updateBanner.restart')}
          </button>
          <button type="button" className="btn small" onClick={() => setLater(status.version)}>
            {t('updateBanner.later')}
          </button>
        </div>
      }
    >
      {t('updateBanner.body')}
    </Banner>
  )
}

/**
 * The hint "Install the command-line tool", shown in an installed app while the command is not on
 * PATH, until it is installed or dismissed (remembered in the preferences). No first-run wizard.
 */
export function CliHintBanner() {
  const { t } = useTranslation('settings')
  const prefs = useSettingsStore((s) => s.preferences)
  const update = useSettingsStore((s) => s.update)
  const { status, install } = useCliStatus()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!prefs || prefs.cliHintDismissed || !status?.available || status.installed) return null
  return (
    <Banner
      tone="info"
      title={t('cliHint.title')}
      action={
        <div className="row">
          <button
            type="button"
            className="btn primary small"
            disabled={busy}
            onClick={() => {
              setBusy(true)
              setError(null)
              void install(false)
                .catch((err) => setError(errorText(t, err)))
                .finally(() => setBusy(false))
            }}
          >
            {busy ? t('cli.installing') : t('cliHint.install')}
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => void update({ cliHintDismissed: true })}
          >
            {t('cliHint.dismiss')}
          </button>
        </div>
      }
    >
      {t('cliHint.body')}
      <ErrorText message={error} />
    </Banner>
  )
}
