import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { Toaster } from '../components/Toaster'
import { DiscoveryDialogHost } from '../features/models/components/DiscoveryDialog'
import { EnvKeysBanner } from '../features/settings/EnvKeysBanner'
import { ApiKeysPage } from '../pages/ApiKeysPage'
import { LocalPage } from '../pages/LocalPage'
import { ModelsPage } from '../pages/ModelsPage'
import { SettingsPage } from '../pages/SettingsPage'
import { PAGES, useNavStore, type Page } from '../stores/use-nav-store'
import { applyTheme, useThemeStore } from '../stores/use-theme-store'
import { Nav } from './Nav'

const PAGE_COMPONENTS: Record<Page, () => React.JSX.Element> = {
  apiKeys: ApiKeysPage,
  models: ModelsPage,
  local: LocalPage,
  settings: SettingsPage,
}

/** The app shell: skip link, navigation, the current page behind an error boundary, toasts. */
export function App() {
  const { t } = useTranslation()
  const page = useNavStore((s) => s.page)
  const effective = useThemeStore((s) => s.effective)
  const first = useRef(true)

  useEffect(() => applyTheme(effective), [effective])
  useEffect(() => {
    document.title = `${t(`pages.${page}.title`)} — ${t('appName')}`
    // Move focus to the new page's heading so keyboard and screen-reader users land on it.
    if (first.current) first.current = false
    else document.getElementById('page-title')?.focus()
  }, [page, t])

  const Current = PAGE_COMPONENTS[page]
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Nav pages={PAGES} />
      <main id="main" className="page" aria-labelledby="page-title">
        <EnvKeysBanner />
        <ErrorBoundary resetKey={page}>
          <Current />
        </ErrorBoundary>
      </main>
      {/* One discovery dialog for the whole app: API Keys and Models both open it. */}
      <DiscoveryDialogHost />
      <Toaster />
    </div>
  )
}
