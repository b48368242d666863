import { useTranslation } from 'react-i18next'
import { EmptyState } from '../components/EmptyState'
import { PageHeader } from '../components/PageHeader'

/** The Local page. */
export function LocalPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('pages.local.title')} subtitle={t('pages.local.subtitle')} />
      <EmptyState title={t('comingSoon')} />
    </>
  )
}
