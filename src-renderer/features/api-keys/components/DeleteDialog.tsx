import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { CredentialDeleteImpact, CredentialView } from '../../../../src-preload/contract'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ErrorText } from '../../../components/ErrorText'
import { errorText } from '../../../lib/errors'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { toast } from '../../../stores/use-toast-store'

/** Main's answer, or (when it cannot answer) the model count the view already has. */
async function impactOf(cred: CredentialView): Promise<CredentialDeleteImpact> {
  try {
    return await useCredentialsStore.getState().deleteImpact(cred.id)
  } catch {
    return {
      id: cred.id,
      models: cred.modelCount,
      slots: [],
      nextPrimary: null,
      gatewayModels: [],
      gatewayTokens: [],
    }
  }
}

/** The first few names of a list, then how many more (a provider may list hundreds). */
function shortList(t: TFunction, names: string[], most = 5): string {
  const shown = names.slice(0, most).join(', ')
  return names.length > most
    ? t('delete.andMore', { list: shown, count: names.length - most })
    : shown
}

/** Confirms a delete and says what else goes with it. */
export function DeleteDialog(props: {
  credential: CredentialView
  providerName: string
  onClose: () => void
}) {
  const { t } = useTranslation('apiKeys')
  const cred = props.credential
  const [impact, setImpact] = useState<CredentialDeleteImpact | null>(null)
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
            {impact.gatewayModels.length ? (
              <p className="warn-text">
                {t('delete.gatewayModels', { models: shortList(t, impact.gatewayModels) })}
              </p>
            ) : null}
            {impact.gatewayTokens.length ? (
              <p className="warn-text">
                {t('delete.gatewayTokens', {
                  tokens: shortList(
                    t,
                    impact.gatewayTokens.map((k) => k.name),
                  ),
                })}
              </p>
            ) : null}
            {impact.nextPrimary ? (
              <p className="muted">{t('delete.primaryNext', { provider: props.providerName })}</p>
            ) : null}
          </>
        )}
        <ErrorText message={error} />
      </div>
    </ConfirmDialog>
  )
}
