import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../components/EmptyState'
import { PageHeader } from '../components/PageHeader'
import { Skeleton } from '../components/Skeleton'
import { DefaultsSection } from '../features/defaults/components/DefaultsSection'
import { ErrorNote } from '../features/models/components/ErrorNote'
import { RegisteredModels } from '../features/models/components/RegisteredModels'
import { useDefaultsStore } from '../stores/use-defaults-store'
import { useModelsStore } from '../stores/use-models-store'
import { useNavStore } from '../stores/use-nav-store'
import { selectCredentialList, useCredentialsStore } from '../stores/use-credentials-store'

/** The Models page: default models per job, registered models by type, discovery. */
export function ModelsPage() {
  const { t } = useTranslation('models')
  const status = useModelsStore((s) => s.status)
  const loadError = useModelsStore((s) => s.loadError)
  const models = useModelsStore((s) => s.models)
  const credentials = useCredentialsStore(selectCredentialList)
  const load = useModelsStore((s) => s.load)
  const openDiscovery = useModelsStore((s) => s.openDiscovery)
  const loadDefaults = useDefaultsStore((s) => s.load)
  const go = useNavStore((s) => s.go)

  useEffect(() => {
    // Watched: when another window, the CLI or the API Keys page changes credentials or app
    // data, the event bridge has both stores re-read.
    const unwatchModels = useModelsStore.getState().watch()
    const unwatchDefaults = useDefaultsStore.getState().watch()
    void load()
    void loadDefaults()
    return () => {
      unwatchModels()
      unwatchDefaults()
    }
  }, [load, loadDefaults])

  const header = (
    <PageHeader
      title={t('common:pages.models.title')}
      subtitle={t('common:pages.models.subtitle')}
      actions={
        <button
          type="button"
          className="btn primary"
          disabled={credentials.length === 0}
          onClick={() => openDiscovery(null)}
        >
          {t('discovery.open')}
        </button>
      }
    />
  )

  let body: React.ReactNode
  if (status === 'failed' && loadError) {
    body = (
      <ErrorNote
        error={loadError}
        title={t('loadFailed')}
        action={
          <button type="button" className="btn small" onClick={() => void load()}>
            {t('common:retry')}
          </button>
        }
      />
    )
  } else if (status !== 'ready') {
    body = <Skeleton rows={4} />
  } else if (credentials.length === 0 && models.length === 0) {
    body = (
      <EmptyState
        title={t('empty.noKeysTitle')}
        body={t('empty.noKeysBody')}
        action={
          <button type="button" className="btn primary" onClick={() => go('apiKeys')}>
            {t('empty.goToKeys')}
          </button>
        }
      />
    )
  } else {
    body = (
      <div className="stack models-page">
        <DefaultsSection />
        {models.length ? (
          <RegisteredModels />
        ) : (
          <EmptyState
            title={t('empty.noModelsTitle')}
            body={t('empty.noModelsBody')}
            action={
              <button type="button" className="btn primary" onClick={() => openDiscovery(null)}>
                {t('discovery.open')}
              </button>
            }
          />
        )}
      </div>
    )
  }

  return (
    <>
      {header}
      {body}
    </>
  )
}
