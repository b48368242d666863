import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DetectedServer } from '../../../../src-preload/contract'
import { Skeleton } from '../../../components/Skeleton'
import { describeError } from '../../../lib/errors'
import { useLocalStore } from '../../../stores/use-local-store'
import { useSetupFlow } from '../hooks/use-setup-flow'
import { groupRecommended } from '../recommended-groups'
import { InstallHelp } from './InstallHelp'
import { LocalError } from './LocalError'
import { MachineLine, RecRow, UnsuitableRow } from './RecommendedRows'
import { SetupFlowPanel } from './SetupFlowPanel'

/** The offline-setup panel: install help when nothing runs, else recommended models to set up. */
export function OfflineSetup({
  servers,
  ollama,
}: {
  servers: DetectedServer[]
  ollama: DetectedServer | null
}) {
  const { t } = useTranslation('local')
  const headingId = useId()
  return (
    <section className="card local-setup" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('setup.title')}</h2>
      <p className="muted">{t('setup.body')}</p>
      {ollama ? <Recommended baseUrl={ollama.baseUrl} /> : <InstallHelp others={servers} />}
    </section>
  )
}

/** Recommended models for this machine, grouped by type; unsuitable ones say why. */
function Recommended({ baseUrl }: { baseUrl: string }) {
  const { t } = useTranslation('local')
  const rec = useLocalStore((s) => (s.recommended?.baseUrl === baseUrl ? s.recommended : null))
  const loadRecommended = useLocalStore((s) => s.loadRecommended)
  const { flow, run, reset } = useSetupFlow(baseUrl)
  const [makeDefault, setMakeDefault] = useState(true)

  useEffect(() => {
    void loadRecommended(baseUrl)
  }, [baseUrl, loadRecommended])

  if (!rec || (rec.status === 'loading' && !rec.result)) return <Skeleton rows={3} />
  if (!rec.result) {
    const err = rec.error ? describeError(t, rec.error) : null
    return <LocalError error={err} onRetry={() => void loadRecommended(baseUrl)} />
  }
  const { machine, models } = rec.result
  const busy = flow !== null && !flow.finished
  return (
    <div className="stack">
      <MachineLine machine={machine} />
      <label className="local-check">
        <input
          type="checkbox"
          checked={makeDefault}
          onChange={(e) => setMakeDefault(e.target.checked)}
        />
        {t('setup.makeDefault')}
      </label>
      {flow ? <SetupFlowPanel flow={flow} onClose={reset} /> : null}
      {groupRecommended(models).map(({ type, fitting, unsuitable }) => (
        <div key={type} className="local-rec-group">
          <h3>{t(`setup.group.${type}`)}</h3>
          {fitting.length ? (
            <ul className="local-rec-list">
              {fitting.map((m) => (
                <RecRow
                  key={m.name}
                  model={m}
                  disabled={busy}
                  onSetUp={() => void run(m, makeDefault)}
                />
              ))}
            </ul>
          ) : (
            <p className="muted">{t('setup.noneFit')}</p>
          )}
          {unsuitable.length ? (
            <details className="local-unsuitable">
              <summary>{t('setup.unsuitable', { count: unsuitable.length })}</summary>
              <ul className="local-rec-list">
                {unsuitable.map((m) => (
                  <UnsuitableRow key={m.name} model={m} machine={machine} />
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ))}
    </div>
  )
}
