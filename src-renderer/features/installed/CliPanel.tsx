import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { CliStatus } from '../../../src-preload/contract'
import { ErrorText } from '../../components/ErrorText'
import { errorText } from '../../lib/errors'
import { useCliStatus } from './use-cli-status'

/** Where the command is and what to do next, in words. */
export function cliWords(t: TFunction, s: CliStatus): string {
  if (!s.available) return t('settings:cli.unavailable')
  if (!s.installed || !s.location) return t('settings:cli.intro')
  if (s.method === 'package') return t('settings:cli.installedPackage', { location: s.location })
  const where = t('settings:cli.installed', { location: s.location })
  if (s.method === 'userPath') return `${where} ${t('settings:cli.windowsNote')}`
  if (!s.onPath) {
    const dir = s.location.replace(/[\\/][^\\/]+$/, '')
    return `${where} ${t('settings:cli.notOnPath', { dir })}`
  }
  return `${where} ${t('settings:cli.onPath')}`
}

/** Settings → Command-line tool: install it on PATH (an admin prompt only when asked for). */
export function CliPanel() {
  const { t } = useTranslation('settings')
  const { status, install } = useCliStatus()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const run = async (elevate: boolean) => {
    setBusy(true)
    setError(null)
    try {
      await install(elevate)
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }
  const needsElevation = status?.installed && !status.onPath && status.canElevate
  return (
    <section className="card settings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('cli.title')}</h2>
      <p role="status">{status ? cliWords(t, status) : '…'}</p>
      {status?.available ? (
        <div className="row">
          {!status.installed ? (
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              onClick={() => void run(false)}
            >
              {busy ? t('cli.installing') : t('cli.install')}
            </button>
          ) : null}
          {needsElevation ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void run(true)}>
              {t('cli.elevate')}
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorText message={error} />
      <pre className="mono code-block">switchboard --help{'\n'}switchboard --json list</pre>
    </section>
  )
}
