import { useTranslation } from 'react-i18next'
import { Icon, type IconName } from '../components/Icon'
import { useNavStore, type Page } from '../stores/use-nav-store'

const ICONS: Record<Page, IconName> = {
  home: 'home',
  welcome: 'welcome',
  apiKeys: 'key',
  models: 'models',
  local: 'local',
  gateway: 'gateway',
  settings: 'settings',
}

/** The sidebar: one link per page, the current one marked for assistive tech. */
export function Nav({ pages }: { pages: readonly Page[] }) {
  const { t } = useTranslation()
  const page = useNavStore((s) => s.page)
  const go = useNavStore((s) => s.go)
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <img src="./icon.png" alt="" width={24} height={24} />
        <span>{t('appName')}</span>
      </div>
      <ul>
        {pages.map((p) => (
          <li key={p}>
            <a
              href={`#/${p}`}
              className={p === page ? 'active' : undefined}
              aria-current={p === page ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault()
                go(p)
              }}
            >
              <span className="nav-icon">
                <Icon name={ICONS[p]} />
              </span>
              {t(`nav.${p}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
