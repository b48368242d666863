import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader'
import { ServerPanel } from '../features/gateway/ServerPanel'
import { TokensPanel } from '../features/gateway/TokensPanel'
import { LimitsPanel, UsagePanel } from '../features/gateway/UsagePanel'
import { errorText } from '../lib/errors'
import { useGatewayStore } from '../stores/use-gateway-store'
import { toast } from '../stores/use-toast-store'

/** Usage refreshes itself while the page is open (requests arrive from other apps). */
const REFRESH_MS = 5_000

/** The local gateway (DESIGN §14): on/off, URL and snippets, tokens, usage, rate limits. */
export function GatewayPage() {
  const { t } = useTranslation('gateway')
  const load = useGatewayStore((s) => s.load)
  const refreshUsage = useGatewayStore((s) => s.refreshUsage)
  // The token just created, for the snippets; dropped when the user dismisses it.
  const [token, setToken] = useState<string | null>(null)

  useEffect(() => {
    // The gateway's start / stop reaches the store through the event bridge.
    void load()
    const timer = window.setInterval(() => void refreshUsage().catch(() => undefined), REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [load, refreshUsage])

  const refresh = () =>
    void refreshUsage().catch((err) => toast({ kind: 'error', title: errorText(t, err) }))

  return (
    <>
      <PageHeader
        title={t('common:pages.gateway.title')}
        subtitle={t('common:pages.gateway.subtitle')}
      />
      <div className="stack settings">
        <ServerPanel token={token} />
        <TokensPanel onCreated={setToken} />
        <UsagePanel onRefresh={refresh} />
        <LimitsPanel />
      </div>
    </>
  )
}
