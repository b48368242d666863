import { useTranslation } from 'react-i18next'
import { EmptyState } from '../components/EmptyState'
import { PageHeader } from '../components/PageHeader'

/** The Models page. */
export function ModelsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('pages.models.title')} subtitle={t('pages.models.subtitle')} />
      <EmptyState title={t('comingSoon')} />
    </>
  )
}
