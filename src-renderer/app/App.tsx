import { Suspense, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { Skeleton } from '../components/Skeleton'
import { Toaster } from '../components/Toaster'
import {
  DiscoveryDialogHost,
  loadDiscoveryDialog,
} from '../features/models/components/DiscoveryDialogHost'
import { EnvKeysBanner } from '../features/settings/EnvKeysBanner'
import { VerifyDialogHost } from '../features/verify/components/VerifyDialogHost'
import { CliHintBanner, UpdateReadyBanner } from '../features/installed/InstalledBanners'
import { NAV_PAGES, useNavStore } from '../stores/use-nav-store'
import { applyTheme, useThemeStore } from '../stores/use-theme-store'
import { Nav } from './Nav'
import { PAGE_COMPONENTS, prefetchPages } from './pages'

/** The app shell: skip link, navigation, the current page behind an error boundary, toasts. */
export function App() {
  const { t } = useTranslation()
  const page = useNavStore((s) => s.page)
  const effective = useThemeStore((s) => s.effective)
  const first = useRef(true)

  useEffect(() => applyTheme(effective), [effective])
  useEffect(() => {
    document.title = `${t(`pages.${page}.title`)} — ${t('appName')}`
  }, [page, t])
  useEffect(() => prefetchPages([loadDiscoveryDialog]), [])

  const Current = PAGE_COMPONENTS[page]
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Nav pages={NAV_PAGES} />
      <main id="main" className="page" aria-labelledby="page-title">
        <EnvKeysBanner />
        <UpdateReadyBanner />
        <CliHintBanner />
        <ErrorBoundary resetKey={page}>
          <Suspense fallback={<Skeleton rows={4} />}>
            <Current />
            <FocusTitle key={page} first={first} />
          </Suspense>
        </ErrorBoundary>
      </main>
      {/* One discovery dialog for the whole app: API Keys and Models both open it. */}
      <DiscoveryDialogHost />
      {/* One Verify dialog: a registered model's row and the tray open it. */}
      <VerifyDialogHost />
      <Toaster />
    </div>
  )
}

/**
 * Moves focus to a newly shown page's heading so keyboard and screen-reader users land on it
 * (not on the first page). It sits beside the page inside the same Suspense boundary, so it
 * mounts once a lazily loaded page has rendered its heading.
 */
function FocusTitle({ first }: { first: React.RefObject<boolean> }) {
  useEffect(() => {
    if (first.current) first.current = false
    else document.getElementById('page-title')?.focus()
  }, [first])
  return null
}
