import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CredentialView, ProviderFormView } from '../../src-preload/contract'
import { Banner } from '../components/Banner'
import { EmptyState } from '../components/EmptyState'
import { PageHeader } from '../components/PageHeader'
import { Skeleton } from '../components/Skeleton'
import { AddProviderList } from '../features/api-keys/components/AddProviderList'
import { CredentialDialog } from '../features/api-keys/components/CredentialDialog'
import type { RowAction } from '../features/api-keys/components/CredentialRow'
import { DeleteDialog } from '../features/api-keys/components/DeleteDialog'
import { InsecureDialog } from '../features/api-keys/components/InsecureDialog'
import { ProviderSection } from '../features/api-keys/components/ProviderSection'
import { TestAllControl } from '../features/api-keys/components/TestAllControl'
import { VaultBanner } from '../features/api-keys/components/VaultBanner'
import { useCredentialsSync } from '../features/api-keys/hooks/use-credentials-sync'
import { useNow } from '../features/api-keys/hooks/use-now'
import { describeError } from '../lib/errors'
import { useCredentialsStore } from '../stores/use-credentials-store'
import { useVaultStore } from '../stores/use-vault-store'

type Open =
  | { kind: 'add'; provider: ProviderFormView }
  | { kind: 'edit'; id: string; reenter: boolean }
  | { kind: 'delete'; id: string }
  | { kind: 'insecure'; id: string; host: string }
  | null

/** API Keys: providers grouped (configured first), credentials with tests, add / edit / delete. */
export function ApiKeysPage() {
  const { t } = useTranslation('apiKeys')
  useCredentialsSync()
  const now = useNow()
  const credentials = useCredentialsStore((s) => s.credentials)
  const providers = useCredentialsStore((s) => s.providers)
  const lastTests = useCredentialsStore((s) => s.lastTests)
  const results = useCredentialsStore((s) => s.results)
  const testing = useCredentialsStore((s) => s.testing)
  const loadError = useCredentialsStore((s) => s.loadError)
  const lastTestsRead = useCredentialsStore((s) => s.lastTestsRead)
  const vault = useVaultStore((s) => s.status)
  const [open, setOpen] = useState<Open>(null)

  const { configured, rest } = useMemo(() => {
    const byProvider = new Map<string, CredentialView[]>()
    for (const c of credentials ?? [])
      byProvider.set(c.provider, [...(byProvider.get(c.provider) ?? []), c])
    const list = providers ?? []
    return {
      configured: list
        .filter((p) => byProvider.has(p.id))
        .map((p) => ({ provider: p, creds: byProvider.get(p.id)! })),
      rest: list.filter((p) => !byProvider.has(p.id)),
    }
  }, [credentials, providers])

  const find = (id: string) => credentials?.find((c) => c.id === id) ?? null
  const providerOf = (c: CredentialView) => providers?.find((p) => p.id === c.provider)
  const onAction = (c: CredentialView, a: RowAction) => {
    if (a.kind === 'edit') setOpen({ kind: 'edit', id: c.id, reenter: Boolean(a.reenter) })
    else if (a.kind === 'delete') setOpen({ kind: 'delete', id: c.id })
    else setOpen({ kind: 'insecure', id: c.id, host: a.host })
  }
  const close = () => setOpen(null)
  // The list may already be cached by another page; rows wait for their last results too.
  const loading = credentials === null || providers === null || !lastTestsRead

  return (
    <>
      <PageHeader
        title={t('common:pages.apiKeys.title')}
        subtitle={t('common:pages.apiKeys.subtitle')}
        actions={loading ? null : <TestAllControl total={credentials.length} />}
      />
      <VaultBanner status={vault} />
      {loadError && loading ? (
        <Banner
          tone="danger"
          title={t('loadFailed')}
          action={
            <button
              type="button"
              className="btn small"
              onClick={() => void useCredentialsStore.getState().load()}
            >
              {t('common:retry')}
            </button>
          }
        >
          {describeError(t, loadError).message}
        </Banner>
      ) : null}
      {loading ? (
        loadError ? null : (
          <Skeleton rows={4} />
        )
      ) : (
        <div className="api-keys stack">
          {configured.length === 0 ? (
            <EmptyState title={t('empty.title')} body={t('empty.body')} />
          ) : (
            <div className="stack" aria-label={t('configured')} role="region">
              {configured.map(({ provider, creds }) => (
                <ProviderSection
                  key={provider.id}
                  provider={provider}
                  credentials={creds}
                  lastTests={lastTests}
                  results={results}
                  testing={testing}
                  now={now}
                  vaultLocked={vault?.state === 'locked'}
                  onAdd={() => setOpen({ kind: 'add', provider })}
                  onAction={onAction}
                />
              ))}
            </div>
          )}
          <AddProviderList
            providers={rest}
            onAdd={(provider) => setOpen({ kind: 'add', provider })}
          />
        </div>
      )}
      {open?.kind === 'add' ? (
        <CredentialDialog provider={open.provider} credential={null} onClose={close} />
      ) : null}
      {open?.kind === 'edit' && find(open.id) && providerOf(find(open.id)!) ? (
        <CredentialDialog
          provider={providerOf(find(open.id)!)!}
          credential={find(open.id)}
          reenter={open.reenter}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'delete' && find(open.id) ? (
        <DeleteDialog
          credential={find(open.id)!}
          providerName={providerOf(find(open.id)!)?.displayName ?? find(open.id)!.provider}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'insecure' && find(open.id) ? (
        <InsecureDialog credential={find(open.id)!} host={open.host} onClose={close} />
      ) : null}
    </>
  )
}
