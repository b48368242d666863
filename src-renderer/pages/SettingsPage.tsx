import { useTranslation } from 'react-i18next'
import { EmptyState } from '../components/EmptyState'
import { PageHeader } from '../components/PageHeader'

/** The Settings page. */
export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('pages.settings.title')} subtitle={t('pages.settings.subtitle')} />
      <EmptyState title={t('comingSoon')} />
    </>
  )
}
