import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Banner } from '../components/Banner'
import { EmptyState } from '../components/EmptyState'
import { PageHeader } from '../components/PageHeader'
import { Skeleton } from '../components/Skeleton'
import { useNow } from '../features/api-keys/hooks/use-now'
import { AttentionList } from '../features/overview/components/AttentionList'
import { CredentialHealthList } from '../features/overview/components/CredentialHealthList'
import { DefaultsGlance } from '../features/overview/components/DefaultsGlance'
import { GatewayCard, LocalServersCard } from '../features/overview/components/SystemCards'
import { describeError } from '../lib/errors'
import { useNavStore } from '../stores/use-nav-store'
import { useOverviewStore } from '../stores/use-overview-store'

/**
 * The overview (issue 16), the landing page once something is set up: what needs attention with
 * its fix, each credential's health, the defaults, local servers and the gateway. Main computes
 * it all (`home:overview`); this page re-reads it when anything it shows changes.
 */
export function HomePage() {
  const { t } = useTranslation('home')
  const overview = useOverviewStore((s) => s.overview)
  const status = useOverviewStore((s) => s.status)
  const error = useOverviewStore((s) => s.error)
  const load = useOverviewStore((s) => s.load)
  const watch = useOverviewStore((s) => s.watch)
  const go = useNavStore((s) => s.go)
  const now = useNow()

  // Watched: credential, test, app and gateway events re-read it (stores/event-bridge.ts).
  useEffect(() => {
    const unwatch = watch()
    void load()
    return unwatch
  }, [load, watch])

  const header = (
    <PageHeader title={t('common:pages.home.title')} subtitle={t('common:pages.home.subtitle')} />
  )
  if (!overview) {
    return (
      <>
        {header}
        {status === 'failed' && error ? (
          <Banner
            tone="danger"
            title={t('loadFailed')}
            action={
              <button type="button" className="btn small" onClick={() => void load()}>
                {t('common:retry')}
              </button>
            }
          >
            {describeError(t, error).message}
          </Banner>
        ) : (
          <Skeleton rows={5} />
        )}
      </>
    )
  }
  return (
    <>
      {header}
      <div className="overview stack">
        {overview.storeEmpty ? (
          <EmptyState
            title={t('empty.title')}
            body={t('empty.body')}
            action={
              <button type="button" className="btn primary" onClick={() => go('welcome')}>
                {t('empty.start')}
              </button>
            }
          />
        ) : (
          <AttentionList items={overview.attention} />
        )}
        <div className="overview-grid">
          <CredentialHealthList items={overview.credentials} now={now} />
          <DefaultsGlance slots={overview.slots} />
          <LocalServersCard local={overview.local} />
          <GatewayCard gateway={overview.gateway} />
        </div>
      </div>
    </>
  )
}
