import { useTranslation } from 'react-i18next'
import type { VaultStatusView } from '../../../../src-preload/contract'
import { Banner } from '../../../components/Banner'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { useVaultStore } from '../../../stores/use-vault-store'

/** Red banner when the vault is locked or the master key is wrong: why, per key source, and the fix. */
export function VaultBanner({ status }: { status: VaultStatusView | null }) {
  const { t } = useTranslation('apiKeys')
  if (!status || status.state === 'unlocked') return null
  const retry = (
    <button
      type="button"
      className="btn small"
      onClick={() => {
        void useVaultStore.getState().load()
        void useCredentialsStore.getState().refresh()
      }}
    >
      {t('vault.retry')}
    </button>
  )
  if (status.state === 'wrong_key') {
    return (
      <Banner tone="danger" title={t('vault.wrongKeyTitle')} action={retry}>
        <p>{t('vault.wrongKeyBody', { source: t(`vault.sources.${status.source ?? 'env'}`) })}</p>
      </Banner>
    )
  }
  return (
    <Banner tone="danger" title={t('vault.lockedTitle')} action={retry}>
      <p>{t('vault.lockedBody')}</p>
      <ul className="vault-sources">
        {status.sources.map((s) => (
          <li key={s.id}>
            <strong>{t(`vault.sources.${s.id}`)}:</strong>{' '}
            {t(`vault.reasons.${s.reason ?? 'error'}`, { defaultValue: s.reason ?? '' })}
          </li>
        ))}
      </ul>
      <p className="vault-fix">
        <strong>{t('vault.fixTitle')}</strong> {t('vault.fixKeychain')} {t('vault.fixEnv')}
      </p>
    </Banner>
  )
}
