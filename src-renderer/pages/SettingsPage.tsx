import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader'
import { AboutPanel } from '../features/settings/AboutPanel'
import { BackupPanel } from '../features/settings/BackupPanel'
import { EnvMigrationPanel } from '../features/settings/EnvMigrationPanel'
import { LanguageAndTheme } from '../features/settings/LanguageAndTheme'
import { VaultPanel } from '../features/settings/VaultPanel'
import { CliPanel } from '../features/installed/CliPanel'
import { StartupPanel } from '../features/installed/StartupPanel'
import { UpdatesPanel } from '../features/installed/UpdatesPanel'
import { SetupAgainPanel } from '../features/first-run/components/SetupAgainPanel'

/** Language, appearance, the vault, and where things live. */
export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('pages.settings.title')} subtitle={t('pages.settings.subtitle')} />
      <div className="stack settings">
        <LanguageAndTheme />
        <SetupAgainPanel />
        <VaultPanel />
        <EnvMigrationPanel />
        <BackupPanel />
        <CliPanel />
        <UpdatesPanel />
        <StartupPanel />
        <AboutPanel />
      </div>
    </>
  )
}
