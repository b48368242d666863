import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../stores/use-app-store'
import { toast } from '../../stores/use-toast-store'

/** Version, the runtime versions, where the data lives, and diagnostics for a bug report. */
export function AboutPanel() {
  const { t } = useTranslation('settings')
  const info = useAppStore((s) => s.info)
  const openDataFolder = useAppStore((s) => s.openDataFolder)
  const [diagnostics, setDiagnostics] = useState<string | null>(null)
  useEffect(() => {
    void useAppStore.getState().loadInfo()
  }, [])
  const copy = async () => {
    try {
      const r = await useAppStore.getState().diagnostics(true)
      setDiagnostics(r.text)
      if (r.copied) toast({ kind: 'success', title: t('about.copied') })
    } catch {
      setDiagnostics(null)
    }
  }
  return (
    <section className="card settings-section" aria-labelledby="about-h">
      <h2 id="about-h">{t('about.title')}</h2>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd>{info?.version ?? '…'}</dd>
        {info?.versions.electron ? (
          <>
            <dt>{t('about.electron')}</dt>
            <dd>{info.versions.electron}</dd>
            <dt>{t('about.chromium')}</dt>
            <dd>{info.versions.chrome}</dd>
          </>
        ) : null}
        <dt>{t('about.node')}</dt>
        <dd>{info?.versions.node ?? '…'}</dd>
        <dt>{t('about.dataDir')}</dt>
        <dd className="mono">{info?.dataDir ?? '…'}</dd>
      </dl>
      <div className="row">
        <button type="button" className="btn" onClick={openDataFolder}>
          {t('about.openDataDir')}
        </button>
        <button type="button" className="btn" onClick={() => void copy()}>
          {t('about.copyDiagnostics')}
        </button>
      </div>
      <p className="hint muted">{t('about.diagnosticsHint')}</p>
      {diagnostics ? (
        <pre className="mono code-block" aria-label={t('about.copyDiagnostics')}>
          {diagnostics}
        </pre>
      ) : null}
      <p className="muted">{t('about.cli')}</p>
    </section>
  )
}
