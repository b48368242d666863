import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../src-preload/contract'
import { api, unwrap } from '../../lib/api'

/** Version, where the data lives, and how to reach the same store from scripts. */
export function AboutPanel() {
  const { t } = useTranslation('settings')
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    void unwrap(api().app.info({})).then(setInfo, () => setInfo(null))
  }, [])
  return (
    <section className="card settings-section" aria-labelledby="about-h">
      <h2 id="about-h">{t('about.title')}</h2>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>{t('about.dataDir')}</dt>
        <dd className="mono">{info?.dataDir ?? '…'}</dd>
      </dl>
      <p className="muted">{t('about.cli')}</p>
      <pre className="mono code-block">switchboard --help{'\n'}switchboard --json list</pre>
    </section>
  )
}
