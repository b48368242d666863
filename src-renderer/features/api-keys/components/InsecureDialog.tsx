import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CredentialView } from '../../../../src-preload/contract'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ErrorText } from '../../../components/ErrorText'
import { errorText } from '../../../lib/errors'
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
      setError(errorText(t, err))
      setBusy(false)
    }
  }

  return (
    <ConfirmDialog
      title={t('insecure.title', { name: cred.name })}
      onClose={props.onClose}
      onConfirm={() => void confirm()}
      confirmLabel={t('insecure.confirm')}
      tone="danger-solid"
      busy={busy}
      lockCancelWhileBusy
    >
      <p>{t('insecure.body', { host: props.host })}</p>
      <ErrorText message={error} />
    </ConfirmDialog>
  )
}
