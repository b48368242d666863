import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CredentialView, DefaultSlotName } from '../../../../src-preload/contract'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ErrorText } from '../../../components/ErrorText'
import { api, unwrap } from '../../../lib/api'
import { errorText } from '../../../lib/errors'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { toast } from '../../../stores/use-toast-store'

interface Impact {
  models: number
  slots: DefaultSlotName[]
}

/** Reads what deleting a credential takes with it: its models and the default slots using them. */
async function impactOf(cred: CredentialView): Promise<Impact> {
  try {
    const [models, defaults] = await Promise.all([
      unwrap(api().models.list({ credentialId: cred.id })),
      unwrap(api().defaults.get({})),
    ])
    const ids = new Set(models.map((m) => m.id))
    const slots = Object.values(defaults.slots)
      .filter((s) => s.modelId !== null && ids.has(s.modelId))
      .map((s) => s.slot)
    return { models: models.length, slots }
  } catch {
    // The count from the credential view is still right; slots are a bonus.
    return { models: cred.modelCount, slots: [] }
  }
}

/** Confirms a delete and says what else goes with it. */
export function DeleteDialog(props: {
  credential: CredentialView
  providerName: string
  siblings: number
  onClose: () => void
}) {
  const { t } = useTranslation('apiKeys')
  const cred = props.credential
  const [impact, setImpact] = useState<Impact | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void impactOf(cred).then((i) => live && setImpact(i))
    return () => {
      live = false
    }
  }, [cred])

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      await useCredentialsStore.getState().remove(cred.id)
      toast({ kind: 'success', title: t('delete.deleted', { name: cred.name }) })
      props.onClose()
    } catch (err) {
      setError(errorText(t, err))
      setBusy(false)
    }
  }

  return (
    <ConfirmDialog
      title={t('delete.title', { name: cred.name })}
      onClose={props.onClose}
      onConfirm={() => void confirm()}
      confirmLabel={t('delete.confirm')}
      tone="danger-solid"
      busy={busy}
      confirmDisabled={!impact}
      lockCancelWhileBusy
    >
      <div className="stack delete-body">
        <p>{t('delete.body', { name: cred.name, provider: props.providerName })}</p>
        {!impact ? (
          <p className="muted">{t('delete.checking')}</p>
        ) : (
          <>
            {impact.models > 0 ? <p>{t('delete.models', { count: impact.models })}</p> : null}
            {impact.slots.length ? (
              <p className="warn-text">
                {t('delete.slots', { slots: impact.slots.map((s) => t(`slots.${s}`)).join(', ') })}
              </p>
            ) : null}
          </>
        )}
        {cred.isPrimary && props.siblings > 0 ? (
          <p className="muted">{t('delete.primaryNext', { provider: props.providerName })}</p>
        ) : null}
        <ErrorText message={error} />
      </div>
    </ConfirmDialog>
  )
}
