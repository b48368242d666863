import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CredentialView } from '../../../../src-preload/contract'
import { Dialog } from '../../../components/Dialog'
import { describeError, errorBodyOf } from '../../../lib/errors'
import { useCredentialsStore } from '../../../stores/use-credentials-store'

/** The explicit per-credential "allow insecure http" confirmation (DESIGN §7), then a re-test. */
export function InsecureDialog(props: {
  credential: CredentialView
  host: string
  onClose: () => void
}) {
  const { t } = useTranslation('apiKeys')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const cred = props.credential

  async function confirm() {
    setBusy(true)
    try {
      const store = useCredentialsStore.getState()
      await store.update({ id: cred.id, allowInsecureHttp: true })
      props.onClose()
      await store.test(cred.id)
    } catch (err) {
      const d = describeError(t, errorBodyOf(err))
      setError(`${d.message} ${d.hint}`.trim())
      setBusy(false)
    }
  }

  return (
    <Dialog
      open
      title={t('insecure.title', { name: cred.name })}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose} disabled={busy}>
            {t('common:cancel')}
          </button>
          <button
            type="button"
            className="btn danger-solid"
            onClick={() => void confirm()}
            disabled={busy}
          >
            {t('insecure.confirm')}
          </button>
        </>
      }
    >
      <p>{t('insecure.body', { host: props.host })}</p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  )
}
