import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CredentialView } from '../../../../src-preload/contract'
import { useProviderName } from '../../../lib/use-provider-name'

interface Props {
  id: string
  credentials: readonly CredentialView[]
  credentialId: string | null
  onPick: (credentialId: string) => void
}

/**
 * The discovery dialog's credential picker. Memoised: a search keystroke re-renders the dialog,
 * and this select (one translated option per credential) does not change with the query.
 */
export const DiscoveryCredentialField = memo(function DiscoveryCredentialField({
  id,
  credentials,
  credentialId,
  onPick,
}: Props) {
  const { t } = useTranslation('models')
  const providerName = useProviderName()
  return (
    <div className="field">
      <label htmlFor={id}>{t('discovery.credential')}</label>
      {credentials.length ? (
        <select id={id} value={credentialId ?? ''} onChange={(e) => onPick(e.target.value)}>
          {credentialId ? null : <option value="">{t('discovery.pickCredential')}</option>}
          {credentials.map((c) => (
            <option key={c.id} value={c.id}>
              {c.status === 'decryption_error'
                ? t('discovery.credentialBroken', {
                    name: c.name,
                    provider: providerName(c.provider),
                  })
                : t('discovery.credentialOption', {
                    name: c.name,
                    provider: providerName(c.provider),
                  })}
            </option>
          ))}
        </select>
      ) : (
        <p className="muted" id={id}>
          {t('discovery.noCredentials')}
        </p>
      )}
    </div>
  )
})
