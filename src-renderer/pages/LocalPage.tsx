import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../components/EmptyState'
import { PageHeader } from '../components/PageHeader'
import { AddTarget } from '../features/local/components/AddTarget'
import { LocalError } from '../features/local/components/LocalError'
import { OfflineSetup } from '../features/local/components/OfflineSetup'
import { OllamaLibrary } from '../features/local/components/OllamaLibrary'
import { ServerCards } from '../features/local/components/ServerCards'
import { useLocalLive } from '../features/local/hooks/use-local-live'
import { describeError } from '../lib/errors'
import { useLocalStore } from '../stores/use-local-store'

/** The Local page (DESIGN §8, §10): detected servers, the Ollama library, offline setup. */
export function LocalPage() {
  const { t } = useTranslation('local')
  useLocalLive()
  const serversId = useId()
  const status = useLocalStore((s) => s.detectStatus)
  const detect = useLocalStore((s) => s.detect)
  const detectError = useLocalStore((s) => s.detectError)
  const scanning = useLocalStore((s) => s.scanning)
  const scan = useLocalStore((s) => s.scan)
  const [chosenOllama, setChosenOllama] = useState<string | null>(null)

  const servers = detect?.servers ?? []
  const ollamas = servers.filter((s) => s.kind === 'ollama')
  const ollama = ollamas.find((s) => s.baseUrl === chosenOllama) ?? ollamas[0] ?? null
  const err = detectError ? describeError(t, detectError) : null

  return (
    <>
      <PageHeader
        title={t('common:pages.local.title')}
        subtitle={t('common:pages.local.subtitle')}
        actions={
          <button
            type="button"
            className="btn"
            aria-busy={scanning}
            disabled={scanning}
            onClick={() => void scan()}
          >
            {scanning ? t('scanning') : t('scanAgain')}
          </button>
        }
      />
      <div className="stack local-page">
        <section aria-labelledby={serversId} className="stack">
          <div className="row">
            <h2 id={serversId}>{t('servers.title')}</h2>
            {detect ? (
              <span className="muted local-scan-facts">
                {t('servers.scanFacts', { count: detect.probed, ms: detect.elapsedMs })}
              </span>
            ) : null}
          </div>
          <span className="visually-hidden" role="status">
            {detect && !scanning ? t('servers.found', { count: servers.length }) : ''}
          </span>
          {err ? <LocalError error={err} /> : null}
          <ServerCards
            servers={servers}
            loading={status === 'loading'}
            swept={Boolean(detect)}
            empty={<EmptyState title={t('servers.noneTitle')} body={t('servers.noneBody')} />}
          />
        </section>

        {ollama ? (
          <>
            {ollamas.length > 1 ? (
              <div className="field local-ollama-pick">
                <label htmlFor={`${serversId}-pick`}>{t('library.pick')}</label>
                <select
                  id={`${serversId}-pick`}
                  value={ollama.baseUrl}
                  onChange={(e) => setChosenOllama(e.target.value)}
                >
                  {ollamas.map((o) => (
                    <option key={o.baseUrl} value={o.baseUrl}>
                      {o.baseUrl}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <OllamaLibrary baseUrl={ollama.baseUrl} />
          </>
        ) : null}

        {detect ? <OfflineSetup servers={servers} ollama={ollama} /> : null}
        <AddTarget />
      </div>
    </>
  )
}
