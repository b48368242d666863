import { useTranslation } from 'react-i18next'
import { EmptyState } from '../components/EmptyState'
import { PageHeader } from '../components/PageHeader'

/** The ApiKeys page. */
export function ApiKeysPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('pages.apiKeys.title')} subtitle={t('pages.apiKeys.subtitle')} />
      <EmptyState title={t('comingSoon')} />
    </>
  )
}
