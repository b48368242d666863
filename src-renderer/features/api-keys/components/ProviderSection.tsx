import { useTranslation } from 'react-i18next'
import type {
  ConnectionTestView,
  CredentialView,
  LastTestView,
  ProviderFormView,
} from '../../../../src-preload/contract'
import { CredentialRow, type RowAction } from './CredentialRow'
import { openExternal } from './LinkedText'

interface ProviderSectionProps {
  provider: ProviderFormView
  credentials: CredentialView[]
  lastTests: Record<string, LastTestView>
  results: Record<string, ConnectionTestView>
  testing: Record<string, boolean>
  now: number
  vaultLocked: boolean
  onAdd: () => void
  onAction: (credential: CredentialView, action: RowAction) => void
}

/** One configured provider: its name, what it offers, and its credentials. */
export function ProviderSection(props: ProviderSectionProps) {
  const { t } = useTranslation('apiKeys')
  const p = props.provider
  const headingId = `provider-${p.id}`
  return (
    <section className="card provider-section" aria-labelledby={headingId} data-provider={p.id}>
      <header className="provider-header">
        <div>
          <h2 id={headingId}>{p.displayName}</h2>
          <div className="muted provider-sub">
            {p.modalities.map((m) => t(`modalities.${m}`)).join(' · ')}
            {' — '}
            {t('credentialCount', { count: props.credentials.length })}
          </div>
        </div>
        <div className="row">
          {!p.local ? (
            <a
              className="btn small ghost"
              href={p.docsUrl}
              onClick={(e) => {
                e.preventDefault()
                openExternal(p.docsUrl)
              }}
            >
              {t('getKey')}
            </a>
          ) : null}
          {/* The visible label is the accessible name itself (WCAG 2.5.3, label in name). */}
          <button type="button" className="btn small" onClick={props.onAdd}>
            <span aria-hidden="true">+ </span>
            {t('addCredentialFor', { provider: p.displayName })}
          </button>
        </div>
      </header>
      <ul className="credential-list">
        {props.credentials.map((c) => (
          <CredentialRow
            key={c.id}
            credential={c}
            providerName={p.displayName}
            several={props.credentials.length > 1}
            last={props.lastTests[c.id]}
            result={props.results[c.id]}
            testing={Boolean(props.testing[c.id])}
            now={props.now}
            vaultLocked={props.vaultLocked}
            onAction={(a) => props.onAction(c, a)}
          />
        ))}
      </ul>
    </section>
  )
}
