/**
 * Which component shows each page. API Keys is in the initial bundle; every other page (the
 * overview and the first-run screen included) is its own chunk, loaded when first visited (issue 17: the initial JS stays small)
 * and warmed up once the first page has painted, so later navigation rarely waits. A new page
 * adds one loader here; `Page` makes the typecheck ask for it.
 */
import { lazy, type ComponentType } from 'react'
import { ApiKeysPage } from '../pages/ApiKeysPage'
import type { Page } from '../stores/use-nav-store'

type Loader = () => Promise<{ default: ComponentType }>

const loaders = {
  home: () => import('../pages/HomePage').then((m) => ({ default: m.HomePage })),
  welcome: () => import('../pages/WelcomePage').then((m) => ({ default: m.WelcomePage })),
  models: () => import('../pages/ModelsPage').then((m) => ({ default: m.ModelsPage })),
  local: () => import('../pages/LocalPage').then((m) => ({ default: m.LocalPage })),
  gateway: () => import('../pages/GatewayPage').then((m) => ({ default: m.GatewayPage })),
  settings: () => import('../pages/SettingsPage').then((m) => ({ default: m.SettingsPage })),
} satisfies Record<Exclude<Page, 'apiKeys'>, Loader>

export const PAGE_COMPONENTS: Record<Page, ComponentType> = {
  home: lazy(loaders.home),
  welcome: lazy(loaders.welcome),
  apiKeys: ApiKeysPage,
  models: lazy(loaders.models),
  local: lazy(loaders.local),
  gateway: lazy(loaders.gateway),
  settings: lazy(loaders.settings),
}

/** Fetches the other pages' chunks while the app is idle (a failure shows on the visit). */
export function prefetchPages(extra: Loader[] = []): void {
  const run = () => {
    for (const load of [...Object.values(loaders), ...extra]) void load().catch(() => undefined)
  }
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 })
  else setTimeout(run, 200)
}
