import { useTranslation } from 'react-i18next'
import type { VerifyTarget } from '../../../../src-preload/contract'
import { Dialog } from '../../../components/Dialog'
import { useVerifyStore } from '../../../stores/use-verify-store'
import { useVerifyModel } from '../hooks/use-verify-model'
import { VerifyPanel } from './VerifyPanel'

/**
 * The check in a modal dialog (from a registered model's row or the tray). The shared Dialog
 * labels it by its title, closes on Escape, keeps Tab inside and gives focus back on close;
 * closing cancels a check still running (the panel unmounts).
 */
export function VerifyDialog({ target }: { target: VerifyTarget }) {
  const { t } = useTranslation('verify')
  const close = useVerifyStore((s) => s.closeDialog)
  const model = useVerifyModel(target.modelId)
  return (
    <Dialog
      open
      size="wide"
      title={t('title', { model: model?.name ?? '' })}
      onClose={close}
      footer={
        <button type="button" className="btn" onClick={close}>
          {t('common:close')}
        </button>
      }
    >
      <VerifyPanel key={`${target.credentialId}/${target.modelId}`} target={target} autoStart />
    </Dialog>
  )
}
