import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorText } from '../../components/ErrorText'
import { Skeleton } from '../../components/Skeleton'
import { errorText } from '../../lib/errors'
import { toast } from '../../stores/use-toast-store'
import { useVaultStore } from '../../stores/use-vault-store'

/** Where the master key lives, why other sources are unavailable, and key rotation. */
export function VaultPanel() {
  const { t } = useTranslation('settings')
  const status = useVaultStore((s) => s.status)
  const load = useVaultStore((s) => s.load)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void load()
  }, [load])

  const rotate = async () => {
    setBusy(true)
    setError(null)
    try {
      const r = await useVaultStore.getState().rotate()
      toast({ kind: 'success', title: t('vault.rotated', { count: r.reencrypted }) })
      setConfirming(false)
      await load()
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="vault-h">
      <h2 id="vault-h">{t('vault.title')}</h2>
      {!status ? (
        <Skeleton rows={2} />
      ) : (
        <>
          <p>
            <span className={`badge ${status.state === 'unlocked' ? 'ok' : 'fail'}`}>
              {t(`vault.state.${status.state}`)}
            </span>{' '}
            {status.source
              ? t('vault.source', { source: t(`apiKeys:vault.sources.${status.source}`) })
              : t('vault.noSource')}
          </p>
          <ul className="vault-sources">
            {status.sources.map((s) => (
              <li key={s.id}>
                <span aria-hidden="true">{s.available ? '✓' : '✗'}</span>{' '}
                <strong>{t(`apiKeys:vault.sources.${s.id}`)}</strong>
                {' — '}
                {s.available
                  ? t('vault.available')
                  : t(`apiKeys:vault.reasons.${s.reason ?? 'error'}`, {
                      defaultValue: s.reason ?? '',
                    })}
              </li>
            ))}
          </ul>
          <p className="muted">{t('vault.explain')}</p>
          <button
            type="button"
            className="btn"
            disabled={status.state !== 'unlocked'}
            onClick={() => setConfirming(true)}
          >
            {t('vault.rotate')}
          </button>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('vault.rotateTitle')}
        onClose={() => setConfirming(false)}
        onConfirm={() => void rotate()}
        confirmLabel={busy ? t('vault.rotating') : t('vault.rotateConfirm')}
        tone="primary"
        busy={busy}
      >
        <p>{t('vault.rotateBody')}</p>
        <ErrorText message={error} />
      </ConfirmDialog>
    </section>
  )
}
