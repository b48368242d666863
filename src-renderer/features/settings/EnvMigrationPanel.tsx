import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorText } from '../../components/ErrorText'
import { Skeleton } from '../../components/Skeleton'
import { errorText } from '../../lib/errors'
import { useEnvStore } from '../../stores/use-env-store'
import { migrationWords } from './EnvKeysBanner'

/**
 * "Environment variables": which providers' variables are set in the app's environment (names
 * only), whether each is imported, a dry-run preview and the import itself, results in words.
 */
export function EnvMigrationPanel() {
  const { t, i18n } = useTranslation('settings')
  const status = useEnvStore((s) => s.status)
  const load = useEnvStore((s) => s.load)
  const migrate = useEnvStore((s) => s.migrate)
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null)
  const [result, setResult] = useState<{ dryRun: boolean; lines: string[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const headingId = useId()

  useEffect(() => {
    void load()
  }, [load])

  const run = async (dryRun: boolean) => {
    setBusy(dryRun ? 'preview' : 'import')
    setError(null)
    setResult(null)
    try {
      const r = await migrate(dryRun)
      setResult({ dryRun, lines: migrationWords(t, r, status, i18n.language, dryRun) })
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(null)
    }
  }

  const usable = status?.vault === 'unlocked'
  return (
    <section className="card settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('env.title')}</h2>
      <p className="muted">{t('env.intro')}</p>
      {!status ? (
        <Skeleton rows={2} />
      ) : !status.found.length ? (
        <p>{t('env.empty')}</p>
      ) : (
        <ul className="env-found">
          {status.found.map((f) => (
            <li key={f.provider}>
              <strong>{f.displayName}</strong>{' '}
              {usable ? (
                <span className={`badge ${f.state === 'imported' ? 'ok' : 'warn'}`}>
                  {t(`env.state.${f.state}`)}
                </span>
              ) : null}
              <div className="muted mono">{f.variables.join(', ')}</div>
            </li>
          ))}
        </ul>
      )}
      {status && !usable ? <p className="error">{t(`env.vault.${status.vault}`)}</p> : null}
      {status?.found.length ? (
        <div className="row">
          <button
            type="button"
            className="btn"
            disabled={!usable || busy !== null}
            onClick={() => void run(true)}
          >
            {busy === 'preview' ? t('env.previewing') : t('env.preview')}
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={!usable || busy !== null || !status.pending.length}
            onClick={() => void run(false)}
          >
            {busy === 'import' ? t('env.importing') : t('env.import')}
          </button>
        </div>
      ) : null}
      <div aria-live="polite">
        {result ? (
          <div className="env-result">
            <strong>{result.dryRun ? t('env.previewTitle') : t('env.resultTitle')}</strong>
            {result.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        ) : null}
      </div>
      <ErrorText message={error} />
      <p className="muted">{t('env.cli')}</p>
      <pre className="mono code-block">
        {'switchboard migrate-env --dry-run\nswitchboard run --provider openai -- python script.py'}
      </pre>
    </section>
  )
}
